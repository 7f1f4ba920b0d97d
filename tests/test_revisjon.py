"""The audit trail records logins, logouts and failed logins, never a password."""

import json

from portefolje.models import Hendelse
from portefolje.revisjon import (
    INNLOGGET,
    INNLOGGING_FEILET,
    UTLOGGET,
    logg_mislykket_innlogging,
)


def test_login_and_logout_are_in_the_audit_trail(client, ansatt):
    client.post("/konto/login/", {"username": "ansatt", "password": "hemmelig-123"})
    client.post("/konto/logout/")

    hendelser = list(Hendelse.objects.order_by("id"))
    assert [h.handling for h in hendelser] == [INNLOGGET, UTLOGGET]
    assert all(h.aktor == ansatt for h in hendelser)
    assert all((h.objekt_type, h.objekt_id) == ("auth.user", ansatt.pk) for h in hendelser)
    assert hendelser[0].data["ip"] == "127.0.0.1"


def test_failed_login_is_recorded_without_the_password(client, ansatt):
    client.post("/konto/login/", {"username": "ansatt", "password": "gjett-Hemmelig-987"})

    hendelse = Hendelse.objects.get()
    assert hendelse.handling == INNLOGGING_FEILET
    assert hendelse.aktor is None
    assert hendelse.objekt_id == ansatt.pk
    assert hendelse.data["brukernavn"] == "ansatt"
    lagret = hendelse.beskrivelse + json.dumps(hendelse.data)
    assert "gjett-Hemmelig-987" not in lagret


def test_failed_login_for_an_unknown_username_is_recorded_too(client, db):
    client.post("/konto/login/", {"username": "finnes-ikke", "password": "x"})

    hendelse = Hendelse.objects.get()
    assert hendelse.handling == INNLOGGING_FEILET
    assert hendelse.objekt_id == 0
    assert "finnes-ikke" in hendelse.beskrivelse


def test_anonymous_logout_records_nothing(client, db):
    client.post("/konto/logout/")
    assert not Hendelse.objects.exists()


def test_a_failed_login_with_odd_characters_is_still_recorded(db):
    # Django's login form refuses NUL characters itself, but other login paths (admin, SSO,
    # an API) call authenticate() too: PostgreSQL cannot store NUL, so it is removed.
    logg_mislykket_innlogging(sender=None, credentials={"username": "a\x00b" + "ø" * 500})

    hendelse = Hendelse.objects.get()
    assert hendelse.data["brukernavn"] == "ab" + "ø" * 148
