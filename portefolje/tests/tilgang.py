"""Access rules for the portfolio core's URLs, read by the permission walk (tests/).

Every URL name in the project must be classified by its app's `tests/tilgang.py`:
- OFFENTLIGE: open without login;
- ALLE_ANSATTE: any logged-in employee may GET it (an «outsider» with no role gets 200);
- ALLE_ANSATTE_POST: any logged-in employee may also POST to it (e.g. their own forms);
- everything else must refuse an outsider (403 or 404) on GET and POST.
EKSEMPEL_KWARGS gives, for URL names with arguments, a function `(demo objects) -> kwargs`.
"""

OFFENTLIGE = {
    "helse",
    "tilgjengelighet",
    "personvern",
    "login",
    "logout",
    "password_reset",
    "password_reset_done",
    "password_reset_confirm",
    "password_reset_complete",
}

ALLE_ANSATTE = {
    "startside",
    "varsler",
    "varsler-innstillinger",
    "password_change",
    "password_change_done",
    "portefolje:oversikt",
    "portefolje:detalj",
    # Velge: every employee may read meetings, packs and minutes (scores follow the scoring
    # rule inside the pages). Scoring, deciding, criteria and agendas are for the roles only.
    "portefolje:mote",
    "portefolje:mote-resultat",
    "portefolje:motepakke",
    "portefolje:protokoll",
    "portefolje:protokoll-docx",
}

# Each person's own notifications: the views filter by the logged-in user.
ALLE_ANSATTE_POST = {"varsler-les-alle", "varsler-innstillinger", "password_change"}


def _eksempel_portefolje(**_):
    return {"slug": "klg"}


def _eksempel_sak(**_):
    """KLG's upcoming demo meeting and a note on its agenda (portefolje/velge/demo.py)."""
    from portefolje.models import Agendapunkt

    punkt = (
        Agendapunkt.objects.filter(mote__portefolje__slug="klg")
        .order_by("-mote__dato", "rekkefolge")
        .first()
    )
    return {"slug": "klg", "pk": punkt.mote_id, "notat_pk": punkt.notat_id}


def _eksempel_mote(**_):
    sak = _eksempel_sak()
    return {"slug": sak["slug"], "pk": sak["pk"]}


def _eksempel_varsel(*, brukere, **_):
    """Someone else's notification (klg's): the walk's outsider must get 404 on it."""
    from portefolje.models import Varsel

    varsel, _ny = Varsel.objects.get_or_create(
        mottaker=brukere["klg"],
        type="tilgangsvandring",
        objekt_type="auth.user",
        objekt_id=brukere["klg"].pk,
        defaults={"tittel": "Eksempelvarsel", "lenke": "/"},
    )
    return {"pk": varsel.pk}


EKSEMPEL_KWARGS = {
    "portefolje:detalj": _eksempel_portefolje,
    "portefolje:kriterier": _eksempel_portefolje,
    "portefolje:mote-ny": _eksempel_portefolje,
    "portefolje:mote": _eksempel_mote,
    "portefolje:mote-resultat": _eksempel_mote,
    "portefolje:agenda-legg-til": _eksempel_mote,
    "portefolje:vis-vurderinger": _eksempel_mote,
    "portefolje:motepakke": _eksempel_mote,
    "portefolje:protokoll": _eksempel_mote,
    "portefolje:protokoll-docx": _eksempel_mote,
    "portefolje:agenda-fjern": _eksempel_sak,
    "portefolje:vurder": _eksempel_sak,
    "portefolje:beslutt": _eksempel_sak,
    "varsel-les": _eksempel_varsel,
}
