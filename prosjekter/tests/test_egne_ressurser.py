"""A person's own line duties and absence: registered by themselves, counted in their load."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from prosjekter import selectors
from prosjekter.models import Prosjekt, Ressursallokering
from prosjekter.tests.factories import AllokeringFactory

pytestmark = pytest.mark.django_db


def _data(**ekstra):
    mandag = timezone.localdate() - timedelta(days=timezone.localdate().weekday())
    return {
        "type": "fravaer",
        "rolle": "Ferie",
        "belastning": "100",
        "fra": mandag.isoformat(),
        "til": (mandag + timedelta(days=6)).isoformat(),
        **ekstra,
    }


def test_absence_counts_towards_the_load_and_overbooks(prosjekt, prosjektleder, klient_for):
    mandag = timezone.localdate() - timedelta(days=timezone.localdate().weekday())
    AllokeringFactory(
        prosjekt=prosjekt,
        person=prosjektleder,
        belastning=50,
        fra=mandag,
        til=mandag + timedelta(days=6),
    )
    svar = klient_for(prosjektleder).post(reverse("prosjekter:mine-ressurser"), _data())
    assert svar.status_code == 302
    fravaer = Ressursallokering.objects.get(type="fravaer")
    assert fravaer.person == prosjektleder and fravaer.prosjekt is None
    tidslinje = selectors.ressurstidslinje(Prosjekt.objects.all(), fra=mandag)
    rad = tidslinje["rader"][0]
    assert rad["uker"][0]["sum"] == 150 and rad["overbooket"]


def test_a_load_above_100_and_a_missing_what_are_refused(ansatt, klient_for):
    svar = klient_for(ansatt).post(
        reverse("prosjekter:mine-ressurser"), _data(belastning="150", rolle="")
    )
    innhold = svar.content.decode()
    assert "mindre enn eller lik 100" in innhold
    assert "Si hva tiden går til." in innhold
    assert not Ressursallokering.objects.exists()


def test_nobody_archives_someone_elses_absence(prosjektleder, ansatt, klient_for):
    klient_for(prosjektleder).post(reverse("prosjekter:mine-ressurser"), _data())
    fravaer = Ressursallokering.objects.get()
    url = reverse("prosjekter:min-ressurs-arkiver", args=[fravaer.pk])
    assert klient_for(ansatt).post(url).status_code == 404
    fravaer.refresh_from_db()
    assert not fravaer.arkivert
    assert klient_for(prosjektleder).post(url).status_code == 302
    fravaer.refresh_from_db()
    assert fravaer.arkivert


def test_anonymous_is_sent_to_login(client):
    svar = client.post(reverse("prosjekter:mine-ressurser"), _data())
    assert svar.status_code == 302 and not Ressursallokering.objects.exists()
