"""Access rules for the offentlig app's URLs, read by the permission walk.

Format: see portefolje/tests/tilgang.py. Every page here is public: no login, nothing internal.
"""

OFFENTLIGE: set[str] = {
    "offentlig:prosjekter",
    "offentlig:beslutninger",
    "offentlig:prosjekt",
    "offentlig:beslutning",
    "offentlig:feed",
}

ALLE_ANSATTE: set[str] = set()

ALLE_ANSATTE_POST: set[str] = set()


def _prosjekt(**_):
    from offentlig.selectors import offentlige_prosjekter

    return {"pk": offentlige_prosjekter().order_by("pk").first().pk}


def _beslutning(**_):
    from offentlig.selectors import offentlige_beslutninger

    return {"pk": offentlige_beslutninger().order_by("pk").first().pk}


EKSEMPEL_KWARGS: dict = {
    "offentlig:prosjekt": _prosjekt,
    "offentlig:beslutning": _beslutning,
}
