"""Views of the offentlig app: the public results pages and the feed, all without login."""
