"""Every screen that changes a project, for each role: manager and owner may, the portfolio's
chair may, a member reads only, an outsider and an anonymous visitor get nothing."""

import pytest
from django.urls import reverse

from prosjekter import services
from prosjekter.tests.factories import (
    AllokeringFactory,
    GevinstFactory,
    IndikatorFactory,
    LeveranseFactory,
    MalingFactory,
    UsikkerhetFactory,
)
from prosjekter.tests.tilgang import ELEMENTER

pytestmark = pytest.mark.django_db


@pytest.fixture
def skrive_urler(prosjekt, prosjektleder):
    indikator = IndikatorFactory(gevinst=GevinstFactory(prosjekt=prosjekt))
    elementer = {
        "leveranse": LeveranseFactory(prosjekt=prosjekt),
        "gevinst": indikator.gevinst,
        "indikator": indikator,
        "maling": MalingFactory(indikator=indikator),
        "ressurs": AllokeringFactory(prosjekt=prosjekt),
        "risiko": UsikkerhetFactory(prosjekt=prosjekt),
    }
    rapport = services.statusrapport_ny(prosjekt=prosjekt, aktor=prosjektleder)
    urler = [
        reverse("prosjekter:rediger", args=[prosjekt.pk]),
        reverse("prosjekter:ressursbehov", args=[prosjekt.pk]),
        reverse("prosjekter:rapport-ny", args=[prosjekt.pk]),
        reverse("prosjekter:rapport", args=[prosjekt.pk, rapport.pk]),
        reverse("prosjekter:rapport-publiser", args=[prosjekt.pk, rapport.pk]),
    ]
    for art in ELEMENTER:
        urler.append(reverse(f"prosjekter:{art}-ny", args=[prosjekt.pk]))
        urler.append(reverse(f"prosjekter:{art}-rediger", args=[prosjekt.pk, elementer[art].pk]))
        if art != "maling":
            urler.append(
                reverse(f"prosjekter:{art}-arkiver", args=[prosjekt.pk, elementer[art].pk])
            )
    return urler


@pytest.mark.parametrize("hvem", ["medlem", "ansatt", "sekretaer"])
def test_readers_and_outsiders_change_nothing(request, skrive_urler, klient_for, hvem):
    klient = klient_for(request.getfixturevalue(hvem))
    for url in skrive_urler:
        assert klient.post(url, {}).status_code == 403, url


def test_anonymous_is_sent_to_login_from_every_write_screen(client, skrive_urler):
    for url in skrive_urler:
        svar = client.post(url, {})
        assert svar.status_code == 302 and "/konto/login/" in svar.url, url


@pytest.mark.parametrize("hvem", ["prosjektleder", "prosjekteier", "leder"])
def test_manager_owner_and_chair_reach_every_write_screen(request, skrive_urler, klient_for, hvem):
    klient = klient_for(request.getfixturevalue(hvem))
    for url in skrive_urler:
        if url.endswith(("/arkiver/", "/publiser/", "/statusrapport/ny/")):
            continue  # these act at once; covered by their own tests
        assert klient.get(url).status_code == 200, url
