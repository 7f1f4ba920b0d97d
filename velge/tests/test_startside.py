"""Velge's start-page blocks: «Venter på din vurdering» and «Neste møter»."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from velge import hooks, services
from velge.models import Utfall
from velge.tests.factories import kriterier_for, mote_med_notater

# A fixture, found by pytest through its name in this module.

pytestmark = pytest.mark.django_db


@pytest.fixture
def moter(portefolje, leder, medlem, monkeypatch):
    monkeypatch.setattr(hooks, "_ved_godkjenning", [])
    kriterier = kriterier_for(portefolje)
    kommende, [a, b, c] = mote_med_notater(portefolje, antall=3)
    forbi, [gammel] = mote_med_notater(
        portefolje, dato=timezone.localdate() - datetime.timedelta(days=5)
    )
    services.vurdering_lagre(
        mote=kommende, notat=a, medlem=medlem, poeng={k.pk: (3, "") for k in kriterier}
    )
    services.vurdering_lagre(
        mote=kommende, notat=b, medlem=medlem, poeng={kriterier[0].pk: (3, "")}
    )
    services.beslutning_fatt(
        mote=kommende,
        notat=c,
        utfall=Utfall.AVVIST,
        begrunnelse="Nei.",
        aktor=leder,
        under_kvorum_grunn="Saken haster.",
    )
    return kommende, a, b, c, gammel


def test_member_sees_notes_not_fully_scored_on_upcoming_meetings(moter, medlem, klient_for):
    kommende, a, b, c, gammel = moter
    innhold = klient_for(medlem).get(reverse("startside")).content.decode()
    assert "Venter på din vurdering" in innhold and "Neste møter" in innhold
    assert b.tittel in innhold  # one of three criteria scored
    assert a.tittel not in innhold  # fully scored
    assert c.tittel not in innhold  # decided
    assert gammel.tittel not in innhold  # past meeting
    assert (
        reverse(
            "velge:vurder",
            kwargs={"slug": kommende.portefolje.slug, "pk": kommende.pk, "notat_pk": b.pk},
        )
        in innhold
    )


def test_secretary_and_outsider_are_not_asked_to_score(moter, sekretaer, ansatt, klient_for):
    _kommende, a, b, _c, _gammel = moter
    innhold = klient_for(sekretaer).get(reverse("startside")).content.decode()
    assert "Neste møter" in innhold and b.tittel not in innhold
    assert (
        "Venter på din vurdering"
        not in klient_for(ansatt).get(reverse("startside")).content.decode()
    )


def test_start_page_blocks_make_a_fixed_number_of_queries(
    moter, medlem, portefolje, klient_for, django_assert_max_num_queries
):
    from velge.startside import blokker

    with django_assert_max_num_queries(2):
        blokker(medlem)
    mote_med_notater(portefolje, antall=10)
    with django_assert_max_num_queries(2):
        assert len(blokker(medlem)[0].oppgaver) == 8  # capped; 1 + 10 waiting
