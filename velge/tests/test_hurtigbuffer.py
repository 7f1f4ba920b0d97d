"""The portfolio page reads its averages, ranking and sensitivity from the cache, and shows a
change at once: a score saved, a weight changed, a note decided, the scores revealed. The cached
figures are the same for everyone; who sees them is decided on every request."""

import re
from datetime import date

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from konseptnotat import arsbelop
from portefolje.belop import kroner
from velge import plass, services
from velge.models import Akse, Utfall, Vurdering
from velge.services.kriterier import KRITERIEFELT
from velge.tests.factories import KonseptnotatFactory, kriterier_for, mote_med_notater

pytestmark = pytest.mark.django_db


def _side(bruker) -> str:
    klient = Client()
    klient.force_login(bruker)
    return klient, klient.get(reverse("velge:detalj", kwargs={"slug": "helse-og-omsorg"}))


def _innhold(bruker) -> str:
    _klient, svar = _side(bruker)
    assert svar.status_code == 200
    return svar.content.decode()


@pytest.fixture
def scoret(portefolje, leder, sekretaer):
    """One note on the next meeting's agenda, scored by the chair: 5, 1, 1 on criteria weighted
    3, 2, 1, so a weighted total of 50,0. The secretary has opened the page (it is cached)."""
    kriterier = kriterier_for(portefolje)
    mote, [notat] = mote_med_notater(portefolje)
    for kriterium, poeng in zip(kriterier, (5, 1, 1), strict=True):
        Vurdering.objects.create(kriterium=kriterium, notat=notat, medlem=leder, poeng=poeng)
    assert "50,0" in _innhold(sekretaer)
    return mote, notat, kriterier


def test_a_score_saved_on_the_scoring_page_shows_at_once(scoret, medlem, sekretaer):
    _mote, _notat, kriterier = scoret
    klient, svar = _side(medlem)
    # The member follows the page's own «Score» link and gives 5 on every criterion.
    [lenke] = re.findall(r'href="([^"]+/vurder/)"', svar.content.decode())
    data = {f"poeng_{k.pk}": "5" for k in kriterier}
    assert klient.post(lenke, data).status_code == 302
    innhold = _innhold(sekretaer)
    # The means are now 5, 3, 3: a weighted total of 100 · (3·1 + 2·0,5 + 1·0,5) / 6 = 75.
    assert "75,0" in innhold and "50,0" not in innhold


def test_a_changed_weight_shows_at_once(scoret, leder, sekretaer):
    _mote, _notat, kriterier = scoret
    forste = kriterier[0]
    services.kriterier_lagre(
        portefolje=forste.portefolje,
        aktor=leder,
        endringer=[
            (forste.pk, forste.versjon, {f: getattr(forste, f) for f in KRITERIEFELT} | {"vekt": 1})
        ],
    )
    # Weights 1, 2, 1: 100 · 1 / 4 = 25.
    innhold = _innhold(sekretaer)
    assert "25,0" in innhold and "50,0" not in innhold


def test_a_decided_note_leaves_the_list_at_once(scoret, leder, sekretaer):
    mote, notat, _kriterier = scoret
    services.beslutning_fatt(
        mote=mote,
        notat=notat,
        utfall=Utfall.AVVIST,
        begrunnelse="Nei.",
        aktor=leder,
        under_kvorum_grunn="Saken haster.",
    )
    assert "Ingen konseptnotater venter på beslutning." in _innhold(sekretaer)


def test_a_member_who_has_not_scored_never_sees_the_cached_averages(scoret, medlem):
    innhold = _innhold(medlem)
    assert "Skjult til du har vurdert dette notatet." in innhold
    assert "50,0" not in innhold


def test_revealed_scores_show_at_once_to_a_member_who_has_not_scored(scoret, leder, medlem):
    mote, _notat, _kriterier = scoret
    assert "50,0" not in _innhold(medlem)
    services.mote_vis_vurderinger(mote=mote, aktor=leder)
    assert "50,0" in _innhold(medlem)


def test_scenarios_follow_a_saved_score(scoret, medlem, sekretaer):
    """The scenarios build on the same cached figures (velge.plass.scenario_grunnlag)."""
    mote, notat, kriterier = scoret
    portefolje = notat.portefolje

    def vektet():
        [r] = plass.scenario_grunnlag(portefolje=portefolje, bruker=sekretaer)["resultater"]
        return round(r.vektet, 1)

    assert vektet() == 50.0
    services.vurdering_lagre(
        mote=mote, notat=notat, medlem=medlem, poeng={k.pk: (5, "") for k in kriterier}
    )
    assert vektet() == 75.0


def test_the_scenario_page_makes_as_many_queries_for_thirteen_notes_as_for_two(
    scoret, leder, sekretaer
):
    """Computed once per change (the first view after it), read from the cache after that:
    either way the same number of queries for two notes as for thirteen."""
    mote, _notat, kriterier = scoret
    klient = Client()
    klient.force_login(sekretaer)
    url = reverse("velge:scenarioer", kwargs={"slug": "helse-og-omsorg"})
    klient.get(url)
    tall = []
    for antall in (1, 11):
        for notat in mote_med_notater(mote.portefolje, antall=antall)[1]:
            for kriterium in kriterier:
                Vurdering.objects.create(kriterium=kriterium, notat=notat, medlem=leder, poeng=3)
        with CaptureQueriesContext(connection) as forste:
            assert klient.get(url).status_code == 200
        with CaptureQueriesContext(connection) as neste:
            assert klient.get(url).status_code == 200
        tall.append((len(forste), len(neste)))
    assert tall[0] == tall[1]
    assert tall[0][1] < tall[0][0]  # the second view read the cache


def _del(innhold: str, fra: str, til: str) -> str:
    """The part of the page from the element with id `fra` to the one with id `til`."""
    return innhold[innhold.index(f'id="{fra}"') : innhold.index(f'id="{til}"')]


def test_the_matrix_and_what_fits_follow_a_saved_score(scoret, medlem, sekretaer):
    """The matrix and «what fits» are cached with the averages; a score saved through the
    service shows in both at once."""
    mote, notat, kriterier = scoret
    for kriterium, akse in zip(kriterier, (Akse.VERDI, Akse.GJENNOMFORBARHET, ""), strict=True):
        kriterium.akse = akse
        kriterium.save()
    matrise = _del(_innhold(sekretaer), "matrise-innhold", "plass-tittel")
    # The chair's 5 and 1: value 100, feasibility 0.
    assert "100,0" in matrise and "62,5" not in matrise
    services.vurdering_lagre(
        mote=mote,
        notat=notat,
        medlem=medlem,
        poeng={k.pk: (p, "") for k, p in zip(kriterier, (2, 4, 1), strict=True)},
    )
    innhold = _innhold(sekretaer)
    # Means 3,5 and 2,5: value 62,5, feasibility 37,5; weighted 100 · (3·0,625 + 2·0,375) / 6.
    matrise = _del(innhold, "matrise-innhold", "plass-tittel")
    assert "62,5" in matrise and "37,5" in matrise and "100,0" not in matrise
    assert "43,8" in _del(innhold, "plass-innhold", "historikk-tittel")


def test_a_frame_set_by_the_chair_shows_at_once_in_what_fits(scoret, leder, sekretaer):
    ar = arsbelop.planar()[1]  # the year «what fits» shows first
    assert kroner(1234000) not in _innhold(sekretaer)
    services.rammer_lagre(
        portefolje=leder.medlemskap.get().portefolje,
        aktor=leder,
        rammer={ar: {"investering": 1234000, "drift": None, "personmaneder": None}},
        versjoner={ar: 0},
    )
    assert kroner(1234000) in _del(_innhold(sekretaer), "plass-innhold", "historikk-tittel")


def test_a_decided_note_leaves_what_fits_and_the_next_agenda_at_once(scoret, leder, sekretaer):
    mote, notat, _kriterier = scoret
    foran = _innhold(sekretaer)
    assert notat.tittel in _del(foran, "plass-innhold", "historikk-tittel")
    services.beslutning_fatt(
        mote=mote,
        notat=notat,
        utfall=Utfall.AVVIST,
        begrunnelse="Nei.",
        aktor=leder,
        under_kvorum_grunn="Saken haster.",
    )
    assert notat.tittel not in _del(_innhold(sekretaer), "plass-innhold", "historikk-tittel")


def test_agenda_and_yearly_cycle_changes_show_at_once(scoret, leder, sekretaer):
    mote, _notat, _kriterier = scoret
    ny = KonseptnotatFactory(portefolje=mote.portefolje, tittel="Nytt på sakslisten")
    assert "Nytt på sakslisten" not in _del(_innhold(sekretaer), "mote-tittel", "arshjul-tittel")
    services.agenda_legg_til(mote=mote, notat=ny, aktor=leder)
    innhold = _innhold(sekretaer)
    assert "Nytt på sakslisten" in _del(innhold, "mote-tittel", "arshjul-tittel")
    assert "Budsjettseminar" not in innhold
    ar = timezone.localdate().year + 1
    services.arshjulpunkt_legg_til(
        portefolje=mote.portefolje, ar=ar, navn="Budsjettseminar", dato=date(ar, 1, 15), aktor=leder
    )
    assert "Budsjettseminar" in _del(_innhold(sekretaer), "arshjul-tittel", "venter-tittel")
