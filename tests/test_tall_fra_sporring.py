"""Every number read from a query string is bounded (portefolje.spor)."""

import re
from pathlib import Path

import pytest
from django.test import RequestFactory
from django.urls import reverse

from konseptnotat.tests.factories import KonseptnotatFactory
from portefolje.spor import heltall_fra_get, side_fra_get

ROT = Path(__file__).resolve().parents[1]
APPER = ["portefolje", "ideer", "konseptnotat", "velge", "prosjekter"]
STYGGE = ["99999999999", "-99999999999", "9" * 5000, "1e9", "x", "", "-1", "0"]


@pytest.mark.parametrize("verdi", STYGGE)
def test_the_helper_gives_the_default_for_anything_outside_the_range(verdi):
    request = RequestFactory().get("/", {"uke": verdi, "side": verdi})
    assert heltall_fra_get(request, "uke", standard=0, minst=-520, hoyst=520) in (0, -1)
    assert side_fra_get(request) == 1


def test_the_helper_keeps_a_number_inside_the_range():
    request = RequestFactory().get("/", {"uke": " -13 ", "side": "7"})
    assert heltall_fra_get(request, "uke", standard=0, minst=-520, hoyst=520) == -13
    assert side_fra_get(request) == 7


def test_no_view_parses_a_number_from_the_query_string_itself():
    """The class, not the instance: every view goes through portefolje.spor."""
    monster = re.compile(r"int\(\s*request\.(GET|POST)|get_page\(\s*request\.GET")
    funn = [
        f"{fil.relative_to(ROT)}:{nr}"
        for app in APPER
        for fil in (ROT / app).rglob("*.py")
        if "tests" not in fil.parts and fil.name != "spor.py"
        for nr, linje in enumerate(fil.read_text().splitlines(), 1)
        if monster.search(linje)
    ]
    assert funn == []


@pytest.mark.django_db
@pytest.mark.parametrize("verdi", ["99999999999", "-99999999999", "9" * 30, "abc"])
def test_pages_answer_bad_numbers_without_a_server_error(klient_for, utvikler, verdi):
    notat = KonseptnotatFactory(eier=utvikler)
    klient = klient_for(utvikler)
    adresser = [
        reverse("prosjekter:ressursoversikt") + f"?uke={verdi}",
        reverse("prosjekter:gevinstoversikt") + f"?side={verdi}",
        reverse("prosjekter:liste") + f"?side={verdi}",
        reverse("ideer:liste") + f"?side={verdi}",
        reverse("konseptnotat:liste") + f"?side={verdi}",
        reverse("konseptnotat:utskrift", kwargs={"pk": notat.pk}) + f"?versjon={verdi}",
        reverse("konseptnotat:ny") + f"?innspill={verdi}",
        reverse("konseptnotat:diff", kwargs={"pk": notat.pk}) + f"?fra={verdi}&til=1",
        reverse("varsler") + f"?side={verdi}",
    ]
    for adresse in adresser:
        svar = klient.get(adresse)
        assert svar.status_code in (200, 404), adresse
