"""Scoring in a meeting: the next note after saving, the ranking on the meeting page, and a
sensitivity table that lists only what moves."""

import re

import pytest
from django.urls import reverse

from velge import services
from velge.tests.factories import kriterier_for, mote_med_notater

pytestmark = pytest.mark.django_db


def _url(navn, mote, **ekstra):
    return reverse(f"velge:{navn}", kwargs={"slug": mote.portefolje.slug, "pk": mote.pk, **ekstra})


def _poeng(kriterier, verdi):
    data = {}
    for k in kriterier:
        data[f"poeng_{k.pk}"] = str(verdi)
        data[f"kommentar_{k.pk}"] = ""
    return data


def test_after_saving_a_score_the_page_offers_the_next_note(portefolje, medlem, klient_for):
    kriterier = kriterier_for(portefolje)
    mote, (a, b, c) = mote_med_notater(portefolje, antall=3)
    services.vurdering_lagre(
        mote=mote, notat=b, medlem=medlem, poeng={k.pk: (3, "") for k in kriterier}
    )
    klient = klient_for(medlem)
    svar = klient.post(_url("vurder", mote, notat_pk=a.pk), _poeng(kriterier, 4), follow=True)
    innhold = svar.content.decode()
    # b is scored already: the next note is c, and the link is what the page renders.
    neste = re.search(
        r'<a class="btn btn-primary" href="([^"]+)">Neste notat: ([^<]+)</a>', innhold
    )
    assert neste and neste.group(2) == c.tittel
    assert neste.group(1) == _url("vurder", mote, notat_pk=c.pk)
    svar = klient.post(neste.group(1), _poeng(kriterier, 2), follow=True)
    innhold = svar.content.decode()
    assert "Du har vurdert alle notatene på denne sakslisten." in innhold
    assert "Tilbake til møtet" in innhold


def test_the_meeting_page_shows_the_ranking(portefolje, leder, medlem, sekretaer, klient_for):
    kriterier = kriterier_for(portefolje)
    mote, (a, b) = mote_med_notater(portefolje, antall=2)
    for notat, verdi in ((a, 2), (b, 5)):
        services.vurdering_lagre(
            mote=mote, notat=notat, medlem=medlem, poeng={k.pk: (verdi, "") for k in kriterier}
        )
    innhold = klient_for(sekretaer).get(_url("mote", mote)).content.decode()
    tabell = innhold[innhold.index("Notatene på denne sakslisten, etter vektet sum") :]
    assert tabell.index(b.tittel) < tabell.index(a.tittel)
    # Well apart on every criterion: no weight move changes a place, so no rows of «Ingen».
    assert "alle plasseringene er sikre" in innhold
    assert ">Ingen<" not in innhold
    # A member who has not scored does not learn the others' view from the ranking.
    skjult = klient_for(leder).get(_url("mote", mote)).content.decode()
    assert "Rangeringen vises når du har vurdert alle notatene på denne sakslisten" in skjult
