"""Velge, the third phase: criteria, meetings, scores, ranking and decisions.

It lives in the portefolje package because it is the portfolio owner's work, but it comes after
Begrunne in the flow: modules here may import `ideer` and `konseptnotat`, while the portfolio
core (portefolje/models/organisasjon.py, permissions.py, revisjon.py, ...) imports no phase.
"""
