"""Walk every Samle URL with the rules in ideer/tests/tilgang.py, on the demo data.

Public pages answer anyone; pages for all employees answer an outsider with 200; everything
else refuses an outsider (403 or 404) on GET and POST.
"""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import get_resolver, reverse

from ideer.models import Innspill
from ideer.tests import tilgang

pytestmark = pytest.mark.django_db


def samle_navn():
    resolver = get_resolver()
    return sorted(
        f"ideer:{navn}"
        for navn in resolver.namespace_dict["ideer"][1].reverse_dict
        if isinstance(navn, str)
    )


@pytest.fixture
def demo(settings):
    settings.DEBUG = True
    call_command("demo_data", stdout=io.StringIO())


def url_for(navn):
    lag = tilgang.EKSEMPEL_KWARGS.get(navn)
    return reverse(navn, kwargs=lag() if lag else None)


def test_every_url_is_classified():
    kjente = (
        tilgang.OFFENTLIGE
        | tilgang.ALLE_ANSATTE
        | set(tilgang.EKSEMPEL_KWARGS)
        | {"ideer:importer"}
    )
    assert set(samle_navn()) <= kjente


def test_outsider_and_anonymous_walk(demo, client):
    utenforstaende = get_user_model().objects.create_user("utenforstaende", password="x-123-y")
    antall_for = Innspill.objects.count()
    for navn in samle_navn():
        url = url_for(navn)
        anonym_get = client.get(url)
        if navn in tilgang.OFFENTLIGE:
            assert anonym_get.status_code == 200, navn
        else:
            assert anonym_get.status_code == 302 and "/konto/login/" in anonym_get["Location"], navn
    client.force_login(utenforstaende)
    for navn in samle_navn():
        url = url_for(navn)
        svar = client.get(url)
        if navn in tilgang.OFFENTLIGE or navn in tilgang.ALLE_ANSATTE:
            assert svar.status_code == 200, navn
        else:
            assert svar.status_code in (403, 404), navn
            assert client.post(url, {"versjon": 1}).status_code in (403, 404), navn
    assert Innspill.objects.count() == antall_for
