"""The field history in words on the project's page: the project and its elements."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from prosjekter.forms import ProsjektForm
from prosjekter.tests.factories import (
    GevinstFactory,
    IndikatorFactory,
    LeveranseFactory,
    MalingFactory,
)

pytestmark = pytest.mark.django_db


def tekst(svar) -> str:
    """The page as text, with Norwegian thousands separators as plain spaces."""
    return re.sub(r"\s+", " ", svar.content.decode().replace("\xa0", " "))


def skjemadata(form) -> dict:
    data = {}
    for navn, felt in form.fields.items():
        verdi = form.initial.get(navn, felt.initial)
        data[navn] = "" if verdi is None else getattr(verdi, "pk", verdi)
    return data


def test_editing_the_project_shows_before_and_after_on_its_page(
    prosjekt, prosjektleder, klient_for
):
    prosjektleder.first_name, prosjektleder.last_name = "Kari", "Nordmann"
    prosjektleder.save()
    klient = klient_for(prosjektleder)
    data = skjemadata(ProsjektForm(instance=prosjekt))
    svar = klient.post(
        reverse("prosjekter:rediger", args=[prosjekt.pk]), {**data, "budsjett": 1_750_000}
    )
    assert svar.status_code == 302

    side = tekst(klient.get(prosjekt.get_absolute_url()))
    assert "Kari Nordmann endret prosjekt" in side
    assert "Budsjett (kr): 1 500 000 → 1 750 000" in side


def test_a_changed_measurement_keeps_its_previous_value_in_the_history(
    prosjekt, prosjektleder, klient_for
):
    indikator = IndikatorFactory(gevinst=GevinstFactory(prosjekt=prosjekt))
    maling = MalingFactory(indikator=indikator, verdi=80)
    klient = klient_for(prosjektleder)
    url = reverse("prosjekter:maling-rediger", args=[prosjekt.pk, maling.pk])
    svar = klient.post(
        url,
        {
            "indikator": indikator.pk,
            "dato": "2026-09-01",
            "verdi": "75",
            "kommentar": "Rettet",
            "versjon": maling.versjon,
        },
    )
    assert svar.status_code == 302
    side = tekst(klient.get(prosjekt.get_absolute_url()))
    assert "Verdi: 80,00 → 75,00" in side


def test_project_page_history_costs_the_same_queries_at_two_sizes(
    prosjekt, prosjektleder, klient_for, django_assert_num_queries
):
    klient = klient_for(prosjektleder)

    def lag(antall):
        for i in range(antall):
            leveranse = LeveranseFactory(prosjekt=prosjekt)
            leveranse.tittel = f"Endret {leveranse.pk}"
            leveranse.save()
            indikator = IndikatorFactory(gevinst=GevinstFactory(prosjekt=prosjekt))
            maling = MalingFactory(indikator=indikator)
            maling.verdi = 70 + i
            maling.save()

    lag(1)
    klient.get(prosjekt.get_absolute_url())  # warm the session and caches
    with CaptureQueriesContext(connection) as liten:
        klient.get(prosjekt.get_absolute_url())
    lag(4)
    with django_assert_num_queries(len(liten.captured_queries)):
        svar = klient.get(prosjekt.get_absolute_url())
    assert tekst(svar).count("endret leveranse") == 5
