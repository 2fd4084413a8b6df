"""Side panels: library, outline, annotations."""
