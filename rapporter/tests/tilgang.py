"""Access rules for the rapporter app's URLs, read by the permission walk.

Format: see portefolje/tests/tilgang.py.
"""

OFFENTLIGE: set[str] = set()

ALLE_ANSATTE: set[str] = set()

ALLE_ANSATTE_POST: set[str] = set()

# Beslutningskvalitet is for the portfolios' roles and the development team: an outsider gets 403.

EKSEMPEL_KWARGS: dict = {}
