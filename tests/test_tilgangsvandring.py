"""The permission walk: every URL pattern in the project, as anonymous and as an outsider.

Rules (from the apps' `tests/tilgang.py`, see tests/urlkart.py):
- anonymous GET and POST are refused (redirect to login, or 401/403/404/405) unless the name is in
  some app's OFFENTLIGE;
- an outsider (logged in, no role, not in the development team) gets 403/404 (or 405 for a method
  the view does not take) on GET unless the name is in ALLE_ANSATTE, and on POST unless it is in
  ALLE_ANSATTE_POST; a POST to a page open for GET must not write a single row (checked on
  PostgreSQL through the transaction's own statistics);
- a URL name in no rule table that needs kwargs without an example fails the walk, as does a rule
  for a name that no longer exists: every new view must be declared.
Django's admin has its own staff check; the walk only asserts that it sends anonymous users and
outsiders to the admin login.
"""

from dataclasses import dataclass, field

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection
from django.http import HttpResponse
from django.shortcuts import resolve_url
from django.test import Client

from tests.urlkart import (
    adresse,
    alle_ruter,
    hver_pdf_en_gang,
    lag_demo_data,
    regler,
    vandringens_ruter,
)

# 401: the API (api/) answers a request without credentials with 401 and `WWW-Authenticate`.
NEKTET = {401, 403, 404, 405}


@dataclass
class Resultat:
    problemer: list[str] = field(default_factory=list)
    sjekket: int = 0


def skrevne_rader() -> int | None:
    """Rows inserted, updated or deleted so far in this transaction (PostgreSQL only)."""
    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0) "
            "FROM pg_stat_xact_user_tables WHERE relname <> 'django_session'"
        )
        return int(cursor.fetchone()[0])


def er_sendt_til_innlogging(svar, innlogging: str) -> bool:
    return svar.status_code == 302 and svar["Location"].startswith(innlogging)


def vandre() -> Resultat:
    """Walk every URL pattern of the current ROOT_URLCONF; return what is wrong."""
    resultat = Resultat()
    regelverk = regler()
    demo = lag_demo_data()
    utenforstaende = get_user_model().objects.create_user("utenforstaende-vandring")
    anonym, ansatt = Client(), Client()
    innlogging = resolve_url(settings.LOGIN_URL)

    kjente_navn = {r.navn for r in alle_ruter() if r.navn}
    for navn in sorted(regelverk.alle_navn - kjente_navn):
        resultat.problemer.append(f"{navn}: står i en tilgang.py, men finnes ikke som URL-navn")

    for rute in vandringens_ruter():
        if rute.navn is None:
            resultat.problemer.append(f"{rute.monster}: URL-mønsteret mangler navn")
            continue
        navn = rute.navn
        url = adresse(rute, regelverk, demo)
        if navn in regelverk.offentlige:
            continue
        if url is None:
            resultat.problemer.append(
                f"{navn} ({rute.monster}) trenger {', '.join(rute.krever)}: legg den i "
                "EKSEMPEL_KWARGS (og i OFFENTLIGE/ALLE_ANSATTE om den er åpen) i appens "
                "tests/tilgang.py"
            )
            continue
        resultat.sjekket += 1

        for metode in ("get", "post"):
            svar = getattr(anonym, metode)(url)
            if not (er_sendt_til_innlogging(svar, innlogging) or svar.status_code in NEKTET):
                resultat.problemer.append(
                    f"{navn} {url}: anonym {metode.upper()} ga {svar.status_code}, "
                    "ikke innlogging/403/404"
                )

        ansatt.force_login(utenforstaende)
        svar = ansatt.get(url)
        if navn in regelverk.alle_ansatte:
            if svar.status_code >= 400:
                resultat.problemer.append(
                    f"{navn} {url}: åpen for alle ansatte, men GET ga {svar.status_code}"
                )
        elif svar.status_code not in NEKTET:
            resultat.problemer.append(
                f"{navn} {url}: utenforstående GET ga {svar.status_code}, ikke 403/404"
            )

        if navn in regelverk.alle_ansatte_post:
            continue
        ansatt.force_login(utenforstaende)
        for_post = skrevne_rader()
        svar = ansatt.post(url)
        skrevet = None if for_post is None else skrevne_rader() - for_post
        if skrevet:
            resultat.problemer.append(
                f"{navn} {url}: utenforstående POST skrev {skrevet} rad(er) i databasen"
            )
        if navn not in regelverk.alle_ansatte and svar.status_code not in NEKTET:
            resultat.problemer.append(
                f"{navn} {url}: utenforstående POST ga {svar.status_code}, ikke 403/404/405"
            )
        elif svar.status_code >= 500:
            resultat.problemer.append(f"{navn} {url}: utenforstående POST ga serverfeil")

    # Django's admin: its own staff check, but it must still send these two to its login.
    for klient in (anonym, ansatt):
        svar = klient.get("/admin/")
        if not er_sendt_til_innlogging(svar, "/admin/login/"):
            resultat.problemer.append(f"/admin/ slapp inn en som ikke er stab ({svar.status_code})")
    return resultat


@pytest.fixture
def raske_passord(settings):
    # demo_data sets seven passwords; the production hasher would make the walk slow.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.mark.slow
def test_every_url_refuses_anonymous_and_outsiders_unless_declared_open(
    db, raske_passord, monkeypatch
):
    hver_pdf_en_gang(monkeypatch)
    resultat = vandre()
    print(f"Tilgangsvandringen sjekket {resultat.sjekket} URL-er")
    assert not resultat.problemer, "\n".join(resultat.problemer)
    assert resultat.sjekket > 0


# --- the walk catches what it should: a view that forgets its check, an undeclared URL


def glemt_sjekk_view(request, pk=None):
    """Logged in, yes (the middleware sees to that), but no object-level check at all."""
    return HttpResponse("hemmelig innhold")


@pytest.mark.slow
def test_the_walk_catches_a_forgotten_check_and_an_undeclared_url(db, raske_passord, settings):
    """One walk over the project's URLs and two careless ones, for both of the walk's rules."""
    settings.ROOT_URLCONF = "tests.urlconf_glemt_sjekk"

    problemer = vandre().problemer

    assert any(
        p.startswith("glemt-sjekk /glemt-sjekk/: utenforstående GET ga 200") for p in problemer
    )
    assert any(
        p.startswith("glemt-sjekk /glemt-sjekk/: utenforstående POST ga 200") for p in problemer
    )
    assert any(
        p.startswith("glemt-sjekk-objekt (glemt-sjekk/<int:pk>/) trenger pk") for p in problemer
    )


@pytest.mark.postgres
def test_the_write_counter_sees_a_row_written_in_this_transaction(db, ansatt):
    for_skriving = skrevne_rader()
    ansatt.first_name = "Endret"
    ansatt.save(update_fields=["first_name"])
    assert skrevne_rader() == for_skriving + 1
