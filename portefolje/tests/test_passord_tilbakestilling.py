"""Requests for a new password are throttled per address and per client, without telling
anyone which addresses have an account."""

import pytest
from django.core import mail
from django.core.cache import cache

URL = "/konto/password_reset/"


@pytest.fixture(autouse=True)
def tom_cache(settings):
    settings.PASSORD_TILBAKESTILLING_PER_TIME = 3
    cache.clear()
    yield
    cache.clear()


def test_the_form_follows_the_link_on_the_login_page(db, client):
    side = client.get("/konto/login/").content.decode()
    assert f'href="{URL}"' in side
    assert client.get(URL).status_code == 200


def test_too_many_requests_for_one_address_are_refused_in_norwegian(client, ansatt):
    for _ in range(3):
        assert client.post(URL, {"email": ansatt.email}).status_code == 302
    svar = client.post(URL, {"email": ansatt.email.upper()})
    assert svar.status_code == 429
    side = svar.content.decode()
    assert "mange forespørsler om nytt passord" in side
    assert len(mail.outbox) == 3


def test_an_unknown_address_is_refused_the_same_way(client, ansatt):
    """Same counts, same answer, same message: the limit reveals no account."""
    svar_kjent = [client.post(URL, {"email": ansatt.email}).status_code for _ in range(4)]
    svar_ukjent = [
        client.post(URL, {"email": "ingen@example.no"}, REMOTE_ADDR="198.51.100.9").status_code
        for _ in range(4)
    ]
    assert svar_kjent == svar_ukjent == [302, 302, 302, 429]


def test_one_client_cannot_walk_through_many_addresses(client, ansatt):
    koder = [client.post(URL, {"email": f"p{n}@example.no"}).status_code for n in range(7)]
    assert koder == [302] * 6 + [429]
    # The limit is per client: someone elsewhere still gets their link.
    andre = client.post(URL, {"email": ansatt.email}, REMOTE_ADDR="198.51.100.2")
    assert andre.status_code == 302
    assert len(mail.outbox) == 1
