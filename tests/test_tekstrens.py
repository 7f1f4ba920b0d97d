"""Bidirectional control characters never reach a single-line field."""

import importlib
import uuid

import pytest
from django import forms
from django.conf import settings
from django.urls import reverse

from ideer.importer import innspill_importer
from ideer.models import Innspill, Kanal
from ideer.tests.hjelp import offentlig_post
from portefolje.skjema import EngangsnokkelMixin, RenTekstMixin, rens_enkeltlinje

APPER = ["portefolje", "ideer", "konseptnotat", "velge", "prosjekter"]
SNU = "\u202e"  # RIGHT-TO-LEFT OVERRIDE: «Faktura\u202efdp.exe» reads «Fakturaexe.pdf»


@pytest.mark.parametrize(
    "tegn",
    [
        "\u202a",
        "\u202b",
        "\u202c",
        "\u202d",
        "\u202e",
        "\u2066",
        "\u2067",
        "\u2068",
        "\u2069",
        "\u200e",
        "\u200f",
        "\u061c",
    ],
)
def test_every_bidi_formatting_character_is_removed(tegn):
    assert rens_enkeltlinje(f"Budsjett{tegn}2027") == "Budsjett2027"


def test_norwegian_text_and_line_breaks_become_one_clean_line():
    assert rens_enkeltlinje("Ærlig talt\tøvre\nEiker å") == "Ærlig talt øvre Eiker å"


def _alle_skjemaklasser():
    # Every view is reachable from the URLconf, so importing it imports every form in use;
    # the importer's row form is used by a command and a service.
    importlib.import_module(settings.ROOT_URLCONF)
    importlib.import_module("ideer.importer")
    ventende, sett = [forms.BaseForm], set()
    while ventende:
        for under in ventende.pop().__subclasses__():
            if under not in sett:
                sett.add(under)
                ventende.append(under)
    return [
        k
        for k in sett
        if k.__module__.split(".")[0] in APPER
        and ".tests" not in k.__module__
        and k is not EngangsnokkelMixin
    ]


def test_every_form_of_the_portal_cleans_its_single_line_fields():
    klasser = _alle_skjemaklasser()
    assert len(klasser) > 30
    assert [k.__qualname__ for k in klasser if not issubclass(k, RenTekstMixin)] == []


@pytest.mark.django_db
def test_employee_idea_title_is_stored_without_the_override(klient_for, ansatt):
    klient_for(ansatt).post(
        reverse("ideer:ny"),
        {
            "type": "ide",
            "tittel": f"Faktura{SNU}fdp.exe",
            "beskrivelse": "Et behov.",
            "opphav": "medarbeidere",
            "skjema_nokkel": str(uuid.uuid4()),
        },
    )
    assert Innspill.objects.get().tittel == "Fakturafdp.exe"


@pytest.mark.django_db
def test_public_form_title_is_stored_without_the_override(client):
    client.post("/innspill/ny/", offentlig_post(tittel=f"Lys{SNU} på veien"))
    assert Innspill.objects.get().tittel == "Lys på veien"


@pytest.mark.django_db
def test_imported_title_is_stored_without_the_override():
    innhold = f"id;tittel;beskrivelse\nX-1;Skole{SNU}buss;Et behov\n".encode()
    assert innspill_importer(innhold=innhold, kanal=Kanal.SAMMENSKAPERVI).opprettet == 1
    assert Innspill.objects.get().tittel == "Skolebuss"
