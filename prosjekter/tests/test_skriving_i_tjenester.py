"""Writes live in services: the start plan's inputs are changed in place (never hard-deleted)
and element edits are logged with before and after."""

import pytest
from django.urls import reverse

from portefolje.models import Hendelse
from prosjekter.models import Ressursbehov
from prosjekter.tests.factories import LeveranseFactory

pytestmark = pytest.mark.django_db


def test_a_shorter_resource_estimate_keeps_every_month_and_logs_before_and_after(
    prosjekt, prosjektleder, klient_for
):
    klient = klient_for(prosjektleder)
    url = reverse("prosjekter:ressursbehov", args=[prosjekt.pk])
    klient.post(url, {"behov": "100, 80, 60"})
    rader = list(Ressursbehov.objects.filter(prosjekt=prosjekt).values_list("pk", flat=True))
    assert klient.post(url, {"behov": "50, 40"}).status_code == 302

    igjen = Ressursbehov.objects.filter(prosjekt=prosjekt).order_by("maned_nr")
    assert list(igjen.values_list("pk", flat=True)) == rader  # same rows, none deleted
    assert [r.personprosent for r in igjen] == [50, 40, 0]
    assert "50, 40" in klient.get(url).content.decode()  # the dropped month is not shown
    logg = Hendelse.objects.filter(handling="ressursbehov").order_by("-id").first()
    assert "100, 80, 60 → 50, 40" in logg.beskrivelse


def test_an_element_edit_is_logged_with_before_and_after(prosjekt, prosjektleder, klient_for):
    leveranse = LeveranseFactory(prosjekt=prosjekt, tittel="Pilot")
    klient = klient_for(prosjektleder)
    url = reverse("prosjekter:leveranse-rediger", args=[prosjekt.pk, leveranse.pk])
    side = klient.get(url)
    data = {
        navn: ("" if verdi is None else getattr(verdi, "pk", verdi))
        for navn, verdi in side.context["form"].initial.items()
    }
    assert klient.post(url, {**data, "tittel": "Pilot i to soner"}).status_code == 302
    logg = Hendelse.objects.filter(handling="endret").order_by("-id").first()
    assert "Tittel: Pilot → Pilot i to soner" in logg.beskrivelse
