"""Access rules for the rapporter app's URLs, read by the permission walk.

Format: see portefolje/tests/tilgang.py. The dashboards are open to every employee (each counts
only the projects the reader may read); portfolio reports are for the portfolio's leader groups
and the development team.
"""

OFFENTLIGE: set[str] = set()

ALLE_ANSATTE: set[str] = {"rapporter:dashbord", "rapporter:dashbord-portefolje"}

ALLE_ANSATTE_POST: set[str] = set()

# Beslutningskvalitet is for the portfolios' roles and the development team: an outsider gets 403.


def _portefolje(**_):
    return {"slug": "helse-og-omsorg"}


def _rapport(*, brukere, **_):
    """A finished report of «Helse og omsorg», ordered by its chair (no file: the walk checks
    who is let in, not the download)."""
    import datetime

    from portefolje.models import Portefolje
    from rapporter.models import Portefoljerapport

    rapport, _ny = Portefoljerapport.objects.get_or_create(
        portefolje=Portefolje.objects.get(slug="helse-og-omsorg"),
        fra=datetime.date(2026, 1, 1),
        til=datetime.date(2026, 6, 30),
        defaults={"bestilt_av": brukere["helseleder"]},
    )
    return {"pk": rapport.pk}


def _fil(**kwargs):
    return {**_rapport(**kwargs), "format": "pdf"}


EKSEMPEL_KWARGS: dict = {
    "rapporter:dashbord-portefolje": _portefolje,
    "rapporter:portefoljerapporter": _portefolje,
    "rapporter:portefoljerapport": _rapport,
    "rapporter:portefoljerapport-fil": _fil,
    "rapporter:portefoljerapport-prov-igjen": _rapport,
}
