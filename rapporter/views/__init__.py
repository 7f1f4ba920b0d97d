"""Views of the rapporter app."""
