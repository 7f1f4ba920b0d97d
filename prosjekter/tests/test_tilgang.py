"""Styre's own permission walk over demo data: every URL name is classified in tilgang.py, an
outsider is refused everything not open to all, and the roles who may see a screen get it."""

import io

import pytest
from django.core.management import call_command
from django.urls import get_resolver, reverse

from prosjekter.tests import tilgang


def _navn():
    resolver = get_resolver()
    _ns, sub = resolver.namespace_dict["prosjekter"]
    return sorted(f"prosjekter:{n}" for n in sub.reverse_dict if isinstance(n, str))


@pytest.fixture
def demo(db, settings):
    call_command("demo_data", force=True, stdout=io.StringIO())
    from django.contrib.auth import get_user_model

    return {u.username: u for u in get_user_model().objects.all()}


def _url(navn):
    kwargs = tilgang.EKSEMPEL_KWARGS.get(navn)
    return reverse(navn, kwargs=kwargs() if kwargs else None)


def test_every_url_name_is_classified():
    for navn in _navn():
        assert navn in tilgang.ALLE_ANSATTE or navn in tilgang.EKSEMPEL_KWARGS, navn


def test_outsider_is_refused_everything_not_open_to_all(demo, client):
    client.force_login(demo["ansatt"])
    for navn in _navn():
        url = _url(navn)
        if navn in tilgang.ALLE_ANSATTE:
            assert client.get(url).status_code == 200, navn
            continue
        assert client.get(url).status_code in (403, 404, 405), navn
        assert client.post(url, {}).status_code in (403, 404), navn


def test_anonymous_is_sent_to_login_everywhere(demo, client):
    for navn in _navn():
        svar = client.get(_url(navn))
        assert svar.status_code == 302 and "/konto/login/" in svar["Location"], navn


LESESKJERMER = {"prosjekter:detalj", "prosjekter:rapport", "prosjekter:startplan"}


def test_klg_reads_a_section_project_but_does_not_edit_it(demo, client):
    client.force_login(demo["klg"])
    for navn in _navn():
        if navn in tilgang.ALLE_ANSATTE or navn in LESESKJERMER:
            assert client.get(_url(navn)).status_code == 200, navn
        else:
            assert client.post(_url(navn), {}).status_code in (403, 404), navn


def test_the_manager_and_the_chair_open_every_screen(demo, client):
    """The project manager and the section's chair get 200 on every GET screen."""
    for bruker in ("prosjektleder", "helseleder"):
        client.force_login(demo[bruker])
        for navn in _navn():
            if navn.endswith(("-arkiver", "-publiser", "rapport-ny", "kapasitet", "startvedtak")):
                continue  # POST only
            if navn == "prosjekter:styringsbeslutning" and bruker != "helseleder":
                continue
            if navn == "prosjekter:startplan" and bruker == "prosjektleder":
                continue
            assert client.get(_url(navn)).status_code == 200, (bruker, navn)
