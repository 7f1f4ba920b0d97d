"""Offentlig: what the public may read at /resultater/.

Decisions, projects and their benefits, with nothing internal.
"""
