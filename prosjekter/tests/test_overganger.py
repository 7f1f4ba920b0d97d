"""The steering decision offers only the moves declared in prosjekter/overganger.py."""

import pytest
from django.urls import reverse

from prosjekter.models import Styringsbeslutning
from tests.test_skjema_fuzz import SkjemaLeser

pytestmark = pytest.mark.django_db


def valg(klient, prosjekt) -> dict:
    url = reverse("prosjekter:styringsbeslutning", args=[prosjekt.pk])
    leser = SkjemaLeser(url)
    leser.feed(klient.get(url).content.decode())
    skjemaer = [s for s in leser.skjemaer if s.action.endswith(url)]
    return skjemaer[0].valg if skjemaer else {}


def test_a_project_on_hold_is_not_offered_on_hold_again(prosjekt, leder, klient_for):
    prosjekt.tilstand, prosjekt.fase = "pa_vent", "planlegge"
    prosjekt.save()
    klient = klient_for(leder)
    tilbudt = valg(klient, prosjekt)
    assert set(tilbudt["type"]) == {"fortsett", "stopp", "endre_fase", "avslutt"}
    # The phase moves forward, or one step back.
    assert tilbudt["til_fase"] == ["", "konsept", "gjennomfore", "avslutte", "realisere"]

    url = reverse("prosjekter:styringsbeslutning", args=[prosjekt.pk])
    svar = klient.post(
        url,
        {
            "type": "pa_vent",
            "begrunnelse": "Igjen",
            "versjon": prosjekt.versjon,
        },
    )
    assert svar.status_code == 200 and not Styringsbeslutning.objects.exists()


def test_a_stopped_project_can_only_be_closed(prosjekt, leder, klient_for):
    prosjekt.tilstand = "stoppet"
    prosjekt.save()
    assert valg(klient_for(leder), prosjekt)["type"] == ["avslutt"]


def test_a_closed_project_offers_no_decision_form(prosjekt, leder, klient_for):
    prosjekt.tilstand = "avsluttet"
    prosjekt.save()
    klient = klient_for(leder)
    assert valg(klient, prosjekt) == {}
    url = reverse("prosjekter:styringsbeslutning", args=[prosjekt.pk])
    assert "det kan ikke tas flere beslutninger" in klient.get(url).content.decode()
