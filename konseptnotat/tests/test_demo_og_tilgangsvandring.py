"""The demo notes, and the permission walk over Begrunne's URLs as tilgang.py classifies them."""

import io

import pytest
from django.core.management import call_command
from django.urls import NoReverseMatch, get_resolver, reverse

from konseptnotat.models import Kommentar, Konseptnotat, KonseptnotatVersjon, Status

from . import tilgang


@pytest.fixture
def demo(settings, db):
    settings.DEBUG = True
    call_command("demo_data", stdout=io.StringIO())


def test_demo_has_notes_in_every_state_with_versions_and_comments(demo):
    statuser = set(Konseptnotat.objects.values_list("status", flat=True))
    assert statuser == set(Status.values)
    assert Konseptnotat.objects.count() >= 15
    klare = Konseptnotat.objects.filter(status=Status.KLAR)
    assert klare.filter(portefolje__slug="klg").exists()
    assert klare.filter(portefolje__slug="helse-og-omsorg").exists()
    assert KonseptnotatVersjon.objects.filter(frosset=True).exists()
    assert Kommentar.objects.exists()
    assert Konseptnotat.objects.filter(innspill__isnull=False).exists()
    assert Konseptnotat.objects.filter(eier__username="initiativtaker").count() >= 8


def _navn():
    ns = get_resolver().namespace_dict["konseptnotat"][1]
    return sorted(f"konseptnotat:{n}" for n in ns.reverse_dict if isinstance(n, str))


def test_every_url_name_with_arguments_has_an_example():
    for navn in _navn():
        try:
            reverse(navn)
        except NoReverseMatch:
            assert navn in tilgang.EKSEMPEL_KWARGS, navn


def test_outsider_walk(demo, client, lag_bruker):
    outsider = lag_bruker("utenforstaaende")
    client.force_login(outsider)
    for navn in _navn():
        lag = tilgang.EKSEMPEL_KWARGS.get(navn)
        url = reverse(navn, kwargs=lag() if lag else None)
        svar_get = client.get(url)
        svar_post = client.post(url, {})
        if navn in tilgang.ALLE_ANSATTE:
            assert svar_get.status_code == 200, navn
        else:
            assert svar_get.status_code in (403, 404), (navn, svar_get.status_code)
        if navn in tilgang.ALLE_ANSATTE_POST:
            assert svar_post.status_code in (200, 302), navn
        else:
            assert svar_post.status_code in (403, 404, 405), (navn, svar_post.status_code)
            # Reading pages refuse writes with 405; nothing else may answer a POST.
            assert svar_post.status_code != 405 or navn in tilgang.ALLE_ANSATTE, navn
