"""Velge, the third phase: criteria, meetings, scores, ranking and decisions.

The portfolio owner (KLG or a section's leader group) scores submitted concept notes against the
portfolio's criteria and decides which become projects. Velge may import the core (`portefolje`),
Samle (`ideer`) and Begrunne (`konseptnotat`); Styre (`prosjekter`) plugs in through
`velge/hooks.py` and is never imported from here.
"""
