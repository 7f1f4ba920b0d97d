"""Views of the offentlig app."""
