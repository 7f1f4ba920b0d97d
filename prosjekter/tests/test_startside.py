"""Styre's start-page blocks: «Mine prosjekter» with status and due reports, and the portfolio at a
glance, in a constant number of queries."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from prosjekter.startside import blokker
from prosjekter.tests.factories import ProsjektFactory, StatusrapportFactory

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
    tekster = [o.tekst for o in blikk.oppgaver]
    assert "Aktiv: 3" in tekster and "På vent: 1" in tekster
    assert "Aktive med siste status rød: 2" in tekster
    assert "Aktive med siste status grønn: 1" in tekster


def test_the_blocks_make_a_constant_number_of_queries(portefolje, prosjektleder):
    ProsjektFactory(portefolje=portefolje, prosjektleder=prosjektleder)
    with CaptureQueriesContext(connection) as liten:
        blokker(prosjektleder)
    for _ in range(5):
        StatusrapportFactory(prosjekt__portefolje=portefolje, prosjekt__prosjektleder=prosjektleder)
    with CaptureQueriesContext(connection) as stor:
        blokker(prosjektleder)
    assert len(stor) == len(liten) == 3
