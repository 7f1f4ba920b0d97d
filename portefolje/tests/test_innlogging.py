import pytest
from django.core import mail

from portefolje.demo import PERSONER
from tests.demodata import demo_data_lag

DEMO_BRUKERE = [p.brukernavn for p in PERSONER if p.kan_logge_inn]


@pytest.fixture
def demo(db):
    demo_data_lag()


@pytest.mark.parametrize("brukernavn", DEMO_BRUKERE)
def test_every_demo_user_logs_in_and_out(demo, client, brukernavn):
    svar = client.post("/konto/login/", {"username": brukernavn, "password": "demo"})
    assert svar.status_code == 302
    assert svar["Location"] == "/"
    assert client.get("/").status_code == 200

    svar = client.post("/konto/logout/")
    assert svar.status_code == 302
    assert client.get("/").status_code == 302


def test_wrong_password_shows_the_form_again_in_norwegian(demo, client):
    svar = client.post("/konto/login/", {"username": "klg", "password": "feil"})
    assert svar.status_code == 200
    assert "korrekt brukernavn og passord" in svar.content.decode()
    assert '<html lang="nb">' in svar.content.decode()


def test_repeated_failures_lock_the_login(demo, client):
    for _ in range(5):
        client.post("/konto/login/", {"username": "klg", "password": "feil"})
    svar = client.post("/konto/login/", {"username": "klg", "password": "demo"})
    assert "For mange mislykkede innlogginger" in svar.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize(
    "adresse",
    ["/", "/ideer/", "/konseptnotater/", "/portefoljer/klg/", "/prosjekter/", "/varsler/"],
)
def test_anonymous_is_sent_to_login(db, client, adresse):
    svar = client.get(adresse)
    assert svar.status_code == 302
    assert svar["Location"].startswith(f"/konto/login/?next={adresse}")


@pytest.mark.parametrize(
    "adresse", ["/helse/", "/tilgjengelighet/", "/personvern/", "/konto/login/"]
)
def test_public_pages_need_no_login(db, client, adresse):
    assert client.get(adresse).status_code == 200


def test_password_reset_sends_a_norwegian_link(demo, client):
    svar = client.post("/konto/password_reset/", {"email": "klg@ovre-eiker.example"})
    assert svar.status_code == 302
    assert len(mail.outbox) == 1
    assert "Nytt passord" in mail.outbox[0].subject
    assert "/konto/reset/" in mail.outbox[0].body


def test_unknown_page_is_a_norwegian_404(db, client, ansatt):
    client.force_login(ansatt)
    svar = client.get("/finnes-ikke/")
    assert svar.status_code == 404
    assert "Vi fant ikke siden" in svar.content.decode()
