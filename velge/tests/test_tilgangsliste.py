"""Velge's URL names are classified in tilgang.py, and its examples resolve on demo data: a
small local version of the project-wide permission walk, for the outsider."""

import io

import pytest
from django.core.management import call_command
from django.urls import get_resolver, reverse

from portefolje.tests import tilgang


def velge_navn():
    return sorted(
        f"velge:{n}"
        for n in get_resolver().namespace_dict["velge"][1].reverse_dict
        if isinstance(n, str)
    )


def test_every_velge_url_has_an_example():
    assert velge_navn()
    for navn in velge_navn():
        assert navn in tilgang.EKSEMPEL_KWARGS or navn == "velge:oversikt", navn


@pytest.mark.django_db
def test_outsider_is_refused_everything_not_open_to_all(settings, ansatt, klient_for):
    settings.DEBUG = True
    call_command("demo_data", stdout=io.StringIO())
    settings.DEBUG = False
    klient = klient_for(ansatt)
    for navn in velge_navn():
        kwargs = tilgang.EKSEMPEL_KWARGS.get(navn, lambda **_: {})()
        adresse = reverse(navn, kwargs=kwargs)
        if navn in tilgang.ALLE_ANSATTE:
            assert klient.get(adresse).status_code == 200, navn
            assert klient.post(adresse).status_code in (403, 404, 405), navn
        else:
            assert klient.get(adresse).status_code in (403, 404), navn
            assert klient.post(adresse).status_code in (403, 404), navn
