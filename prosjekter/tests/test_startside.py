"""Styre's start-page blocks: «Mine prosjekter» with status and due reports, and the portfolio at a
glance, in a constant number of queries."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from prosjekter import selectors
from prosjekter.models import Prosjekt
from prosjekter.startside import blokker
from prosjekter.tests.factories import (
    IndikatorFactory,
    MalingFactory,
    ProsjektFactory,
    StatusrapportFactory,
)

pytestmark = pytest.mark.django_db


def test_my_projects_show_status_and_a_due_report(portefolje, prosjektleder):
    forfalt = ProsjektFactory(portefolje=portefolje, prosjektleder=prosjektleder, tittel="Gammel")
    StatusrapportFactory(
        prosjekt=forfalt, publisert=timezone.now() - timedelta(days=70), farge="rod"
    )
    fersk = ProsjektFactory(portefolje=portefolje, prosjektleder=prosjektleder, tittel="Fersk")
    StatusrapportFactory(prosjekt=fersk, publisert=timezone.now() - timedelta(days=2))
    mine = next(b for b in blokker(prosjektleder) if b.tittel == "Mine prosjekter")
    tekster = {o.tekst.split(" ", 1)[1].split(" –")[0]: o.tekst for o in mine.oppgaver}
    assert "status: Rød" in tekster["Gammel"] and "statusrapport forfalt" in tekster["Gammel"]
    assert "status: Grønn" in tekster["Fersk"] and "forfalt" not in tekster["Fersk"]


def test_someone_without_projects_gets_only_the_glance(ansatt, portefolje):
    ProsjektFactory(portefolje=portefolje)
    titler = [b.tittel for b in blokker(ansatt)]
    assert titler == ["Porteføljen på et blikk"]


def test_the_glance_counts_states_and_colours(portefolje, ansatt):
    for farge in ("rod", "rod", "gronn"):
        StatusrapportFactory(prosjekt__portefolje=portefolje, farge=farge)
    ProsjektFactory(portefolje=portefolje, tilstand="pa_vent")
    blikk = next(b for b in blokker(ansatt) if b.tittel == "Porteføljen på et blikk")
    tall = {b.tekst: b.antall for b in blikk.brikker}
    assert tall["Aktiv"] == 3 and tall["På vent"] == 1
    assert tall["Aktive med siste status rød"] == 2
    assert tall["Aktive med siste status grønn"] == 1


def test_the_chips_link_to_the_overview_filtered_on_them(portefolje, ansatt, klient_for):
    rod = StatusrapportFactory(prosjekt__portefolje=portefolje, farge="rod").prosjekt
    gronn = StatusrapportFactory(prosjekt__portefolje=portefolje, farge="gronn").prosjekt
    side = klient_for(ansatt).get(reverse("startside")).content.decode()
    lenke = f"{reverse('prosjekter:liste')}?visning=status&amp;farge=rod"
    assert lenke in side
    oversikt = klient_for(ansatt).get(lenke.replace("&amp;", "&")).content.decode()
    assert rod.tittel in oversikt and gronn.tittel not in oversikt


def test_a_report_due_soon_waits_with_its_date(portefolje, prosjektleder):
    p = ProsjektFactory(portefolje=portefolje, prosjektleder=prosjektleder, rapportfrekvens_mnd=1)
    StatusrapportFactory(prosjekt=p, publisert=timezone.now() - timedelta(days=25))
    ikke_enda = ProsjektFactory(portefolje=portefolje, prosjektleder=prosjektleder)
    StatusrapportFactory(prosjekt=ikke_enda, publisert=timezone.now() - timedelta(days=1))
    venter = next(b for b in blokker(prosjektleder) if b.tittel == "Statusrapporter med frist")
    assert [o.tekst for o in venter.oppgaver] == [f"{p.nummer} {p.tittel}"]
    assert venter.oppgaver[0].frist == selectors.neste_rapportfrist(
        selectors.med_siste_status(Prosjekt.objects.filter(pk=p.pk)).get()
    )


def test_indicators_not_measured_for_a_quarter_wait(portefolje, prosjektleder):
    p = ProsjektFactory(portefolje=portefolje, prosjektleder=prosjektleder)
    aldri = IndikatorFactory(gevinst__prosjekt=p, navn="Aldri målt")
    gammel = IndikatorFactory(gevinst__prosjekt=p, navn="Målt i fjor")
    MalingFactory(indikator=gammel, dato=timezone.localdate() - timedelta(days=200))
    fersk = IndikatorFactory(gevinst__prosjekt=p, navn="Målt nylig")
    MalingFactory(indikator=fersk, dato=timezone.localdate() - timedelta(days=10))
    venter = next(b for b in blokker(prosjektleder) if b.tittel == "Gevinster å måle")
    tekster = " ".join(o.tekst for o in venter.oppgaver)
    assert aldri.navn in tekster and gammel.navn in tekster and fersk.navn not in tekster


def test_the_blocks_make_a_constant_number_of_queries(portefolje, prosjektleder):
    ProsjektFactory(portefolje=portefolje, prosjektleder=prosjektleder)
    with CaptureQueriesContext(connection) as liten:
        blokker(prosjektleder)
    for _ in range(5):
        StatusrapportFactory(prosjekt__portefolje=portefolje, prosjekt__prosjektleder=prosjektleder)
        IndikatorFactory(gevinst__prosjekt__prosjektleder=prosjektleder)
    with CaptureQueriesContext(connection) as stor:
        blokker(prosjektleder)
    # Her projects, the indicators to measure, the states and the colours.
    assert len(stor) == len(liten) == 4
