"""Icons, stylesheets and the demo library, loaded with importlib.resources."""
