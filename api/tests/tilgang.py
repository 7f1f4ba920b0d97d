"""Access rules for the api app's URLs, read by the permission walk.

Format: see portefolje/tests/tilgang.py.
"""

OFFENTLIGE: set[str] = set()

ALLE_ANSATTE: set[str] = set()

ALLE_ANSATTE_POST: set[str] = set()

EKSEMPEL_KWARGS: dict = {}
