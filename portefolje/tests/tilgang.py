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
    # Django's set_language (i18n/setlang/): anyone may choose bokmål or nynorsk.
    "set_language",
}

ALLE_ANSATTE = {
    "startside",
    "profil",
    "varsler",
    "varsler-innstillinger",
    "password_change",
    "password_change_done",
    "visning-ny",
}

# Each person's own notifications: the views filter by the logged-in user.
# «Min profil» saves the person's own written language.
# Anyone saves their own view of a list (the form for it is on the list's page).
ALLE_ANSATTE_POST = {
    "varsler-les-alle",
    "varsler-innstillinger",
    "password_change",
    "profil",
    "visning-ny",
}


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


def _eksempel_arkiv(**_):
    return {"slug": "klg"}


def _eksempel_arkivforsendelse(**_):
    """A failed archive item of KLG's: the walk's outsider may neither see nor retry it."""
    from portefolje.models import Arkivforsendelse, Portefolje

    forsendelse, _ny = Arkivforsendelse.objects.get_or_create(
        art="tilgangsvandring",
        objekt_id=1,
        defaults={
            "portefolje": Portefolje.objects.get(slug="klg"),
            "tittel": "Eksempel",
            "status": "feilet",
        },
    )
    return {"slug": "klg", "pk": forsendelse.pk}


def _eksempel_visning(*, brukere, **_):
    """klg's private view: the walk's outsider must get 404 on its page and its delete."""
    from portefolje.models import Visning

    visning, _ny = Visning.objects.get_or_create(
        eier=brukere["klg"], liste="prosjekter", navn="Tilgangsvandringens visning"
    )
    return {"pk": visning.pk}


EKSEMPEL_KWARGS = {
    "varsel-les": _eksempel_varsel,
    "arkiv": _eksempel_arkiv,
    "arkiv-prov-igjen": _eksempel_arkivforsendelse,
    "visning": _eksempel_visning,
    "visning-slett": _eksempel_visning,
}
