"""Qt item models over library records."""
