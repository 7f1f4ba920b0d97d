"""Access rules for the api app's URLs, read by the permission walk.

Format: see portefolje/tests/tilgang.py. The API's own walk (api/tests/test_vandring.py) checks
every endpoint as every demo role, object by object; this file only places the URLs in the
site-wide walk (anonymous: 401; an outsider: the lists answer, with what an outsider sees).
"""

from api.views.ressurser import RESSURSER

OFFENTLIGE: set[str] = set()

# Every employee may read the lists (each shows what that person may see), the schema and the
# documentation, and the objects that are open to all employees.
APNE_OBJEKTER = {
    "portefoljer",
    "kriterier",
    "innspill",
    "moter",
    "beslutninger",
    "konseptnotatversjoner",
    # Every employee reads the portfolio's projects and their published parts
    # (PROSJEKTER_LESES_AV's default; the first of each in the demo is not exempt or a draft).
    "prosjekter",
    "programmer",
    "statusrapporter",
    "leveranser",
    "gevinster",
    "indikatorer",
    "malinger",
    "allokeringer",
    "usikkerheter",
    "styringsbeslutninger",
}
ALLE_ANSATTE = {
    "api:rot",
    "api:skjema",
    "api:dokumentasjon",
    *(f"api:{navn}-list" for navn in RESSURSER),
    *(f"api:{navn}-detail" for navn in APNE_OBJEKTER),
}

# One's own keys: making one is for everyone (the view takes only the signed-in person).
ALLE_ANSATTE_POST = {"api:nokkel-ny"}


def _forste(modell, **filter_):
    return {"pk": modell.objects.filter(**filter_).order_by("pk").values_list("pk", flat=True)[0]}


def _nokkel(*, brukere, **_):
    """klg's key: the outsider must get 404 when revoking it."""
    from datetime import timedelta

    from api.models import ApiNokkel
    from api.services import nokkel_opprett

    nokkel = ApiNokkel.objects.filter(bruker=brukere["klg"], navn="Tilgangsvandring").first()
    if nokkel is None:
        nokkel, _hemmelighet = nokkel_opprett(
            bruker=brukere["klg"], navn="Tilgangsvandring", gyldig=timedelta(days=30)
        )
    return {"pk": nokkel.pk}


def _eksempel(navn):
    """An object of the resource: one the outsider may see for the open ones, otherwise one in a
    project (or a draft) that the outsider must not see."""

    def eksempel(**_):
        from konseptnotat.models import Status
        from velge.models import Agendapunkt

        visning = RESSURSER[navn]
        modell = visning.serializer_class.Meta.model
        if navn == "konseptnotatversjoner":
            return {"pk": Agendapunkt.objects.exclude(versjon=None).order_by("pk")[0].versjon_id}
        if navn == "konseptnotater":
            return _forste(modell, status=Status.UTKAST)
        return _forste(modell)

    return eksempel


EKSEMPEL_KWARGS = {
    "api:nokkel-trekk-tilbake": _nokkel,
    **{f"api:{navn}-detail": _eksempel(navn) for navn in RESSURSER},
}
