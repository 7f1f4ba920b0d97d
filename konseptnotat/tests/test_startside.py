"""Begrunne's blocks on the start page."""

import pytest
from django.urls import reverse

from konseptnotat.models import Status
from konseptnotat.startside import blokker

from .factories import KonseptnotatFactory

pytestmark = pytest.mark.django_db


def test_ordered_inputs_link_to_a_new_note(lag_bruker):
    from ideer.models import Innspill

    meg = lag_bruker("meg")
    innspill = Innspill.objects.create(
        tittel="Digitalt tilsyn",
        beskrivelse="Behov",
        opphav="medarbeidere",
        kanal="portal",
        initiativtaker=meg,
        status="konseptnotat_bestilt",
    )
    blokk = next(b for b in blokker(meg) if "bestilt" in b.tittel.lower())
    assert blokk.oppgaver[0].lenke == reverse("konseptnotat:ny") + f"?innspill={innspill.pk}"


def test_development_team_sees_submitted_notes(utvikler, ansatt):
    KonseptnotatFactory(tittel="Til vurdering", status=Status.INNSENDT)
    titler = {b.tittel for b in blokker(utvikler)}
    assert "Notater å veilede / vurdere" in titler
    assert "Notater å veilede / vurdere" not in {b.tittel for b in blokker(ansatt)}


def test_start_page_query_count_does_not_grow(client, utvikler, django_assert_max_num_queries):
    KonseptnotatFactory(eier=utvikler, status=Status.INNSENDT)
    client.force_login(utvikler)
    client.get("/")
    with django_assert_max_num_queries(50) as forste:
        client.get("/")
    for _ in range(10):
        KonseptnotatFactory(eier=utvikler, status=Status.INNSENDT)
    with django_assert_max_num_queries(len(forste.captured_queries)):
        html = client.get("/").content.decode()
    assert "Mine konseptnotater" in html
