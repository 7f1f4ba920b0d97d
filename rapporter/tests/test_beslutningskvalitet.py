"""Beslutningskvalitet: expected (the frozen note) against realised, per project, portfolio and
score band; honest about small n; for the roles only; a constant number of queries."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from konseptnotat.models import Konseptnotat, KonseptnotatVersjon
from prosjekter.tests.factories import (
    IndikatorFactory,
    MalingFactory,
    ProsjektFactory,
    StatusrapportFactory,
)
from rapporter import beslutningskvalitet as bk
from velge.models import Beslutning, Utfall

pytestmark = pytest.mark.django_db

URL = reverse("rapporter:beslutningskvalitet")


def besluttet_prosjekt(
    portefolje, eier, *, skar, investering="1000000", kostnad=None, malt=80, nr=0
):
    """An approved project whose frozen note expected `investering`; the indicator goes from
    100 towards 60 and was last measured at `malt`."""
    notat = Konseptnotat.objects.create(
        tittel=f"Notat {nr}", eier=eier, portefolje=portefolje, status="behandlet"
    )
    versjon = KonseptnotatVersjon.objects.create(
        notat=notat,
        nummer=1,
        frosset=True,
        innhold={"investering": investering, "gevinst_tid_spart": True},
    )
    beslutning = Beslutning.objects.create(
        notat=notat,
        portefolje=portefolje,
        utfall=Utfall.GODKJENT,
        begrunnelse="Ja.",
        besluttet_av=eier,
        versjon=versjon,
        vektet_score=None if skar is None else Decimal(str(skar)),
    )
    prosjekt = ProsjektFactory(portefolje=portefolje, beslutning=beslutning, konseptnotat=notat)
    if kostnad is not None:
        StatusrapportFactory(prosjekt=prosjekt, prognose=Decimal(kostnad))
    indikator = IndikatorFactory(gevinst__prosjekt=prosjekt)
    MalingFactory(indikator=indikator, dato=datetime.date(2026, 1, 1), verdi=100)
    MalingFactory(indikator=indikator, dato=datetime.date(2026, 6, 1), verdi=malt)
    return prosjekt


# --- the arithmetic ---------------------------------------------------------------------------


def rad(**kw):
    standard = {
        "prosjekt": None,
        "portefolje": None,
        "skar": 75,
        "forventet_investering": Decimal(1000),
        "forventet_drift": None,
        "forventede_gevinster": [],
        "realisert_kostnad": Decimal(1200),
        "planlagt_slutt": datetime.date(2026, 1, 1),
        "faktisk_slutt": datetime.date(2026, 1, 31),
        "avsluttet": True,
        "realiseringer": [0.5, 1.0],
    }
    return bk.Prosjektrad(**{**standard, **kw})


def test_expected_against_realised_for_one_project():
    r = rad()
    assert r.kostnadsgrad == 120.0
    assert r.forsinkelse_dager == 30
    assert r.gevinstrealisering == 75.0
    assert r.band == "hoy"


def test_unknown_cost_is_never_counted_as_zero():
    assert rad(forventet_investering=None).kostnadsgrad is None
    assert rad(forventet_investering=Decimal(0)).kostnadsgrad is None
    gruppe = bk.gruppe_lag("x", "X", [rad(forventet_investering=None), rad()])
    assert (gruppe.kostnad, gruppe.n_kostnad, gruppe.n) == (120.0, 1, 2)


@pytest.mark.parametrize(
    ("skar", "band"),
    [(None, "uten"), (0, "lav"), (49.9, "lav"), (50, "middels"), (69.9, "middels"), (70, "hoy")],
)
def test_score_bands(skar, band):
    assert bk.skarband(skar) == band


def test_every_band_is_listed_empty_ones_with_n_zero_and_few_is_said():
    grupper = bk.etter_skarband([rad(skar=80, realiseringer=[1.0]), rad(skar=81)])
    assert [g.nokkel for g in grupper] == ["hoy", "middels", "lav"]
    hoy, middels, _lav = grupper
    assert (hoy.n, hoy.gevinst, hoy.n_gevinst) == (2, 87.5, 2)
    assert (middels.n, middels.gevinst, middels.n_gevinst) == (0, None, 0)
    assert hoy.fa and middels.fa
    assert not bk.gruppe_lag("x", "X", [rad()] * bk.FA_PROSJEKTER).fa


def test_not_closed_has_no_lateness():
    assert rad(faktisk_slutt=None, avsluttet=False).forsinkelse_dager is None


# --- the page ---------------------------------------------------------------------------------


def test_chair_sees_expected_against_realised_and_the_small_n(portefolje, leder, klient_for):
    besluttet_prosjekt(portefolje, leder, skar=80, kostnad="1100000", malt=70, nr=1)
    besluttet_prosjekt(portefolje, leder, skar=40, kostnad=None, investering=None, malt=90, nr=2)
    svar = klient_for(leder).get(URL)
    assert svar.status_code == 200
    innhold = svar.content.decode()
    hoy = next(g for g in svar.context["skarband"] if g.nokkel == "hoy")
    assert (hoy.n, hoy.gevinst, hoy.kostnad) == (1, 75.0, 110.0)
    lav = next(g for g in svar.context["skarband"] if g.nokkel == "lav")
    assert (lav.gevinst, lav.kostnad, lav.n_kostnad) == (25.0, None, 0)
    assert "kostnad ukjent" in innhold
    assert "Få prosjekter" in innhold and "for få til å se et mønster" in innhold
    assert 'id="tabell-skarband"' in innhold and "beslutningskvalitet-skarband-data" in innhold
    # The chart is the band table's figures.
    diagram = svar.context["diagram"]
    assert diagram.serier[0].verdier == [g.gevinst for g in svar.context["skarband"]]


@pytest.mark.parametrize(("hvem", "status"), [("leder", 200), ("medlem", 200), ("utvikler", 200)])
def test_the_portfolios_roles_and_the_team_may_look(
    portefolje, leder, medlem, utvikler, klient_for, hvem, status
):
    bruker = {"leder": leder, "medlem": medlem, "utvikler": utvikler}[hvem]
    assert klient_for(bruker).get(URL).status_code == status


def test_an_outsider_is_refused_and_anonymous_sent_to_login(ansatt, klient_for, client):
    assert client.get(URL).status_code == 302
    assert klient_for(ansatt).get(URL).status_code == 403


def test_a_member_sees_only_their_portfolios(portefolje, leder, lag_bruker, klient_for):
    from prosjekter.tests.factories import PortefoljeFactory

    annen = PortefoljeFactory()
    besluttet_prosjekt(portefolje, leder, skar=80, nr=1)
    besluttet_prosjekt(annen, leder, skar=80, nr=2)
    svar = klient_for(leder).get(URL)
    assert [g.nokkel for g in svar.context["per_portefolje"]] == [portefolje.slug]


def test_the_number_of_queries_does_not_grow(
    portefolje, leder, klient_for, django_assert_num_queries
):
    klient = klient_for(leder)
    besluttet_prosjekt(portefolje, leder, skar=80, kostnad="900000", nr=0)
    klient.get(URL)
    with django_assert_num_queries(ANTALL) as liten:
        assert klient.get(URL).status_code == 200
    for i in range(1, 15):
        besluttet_prosjekt(portefolje, leder, skar=30 + i * 4, kostnad="900000", nr=i)
    with django_assert_num_queries(ANTALL) as stor:
        assert klient.get(URL).status_code == 200
    assert len(liten.captured_queries) == len(stor.captured_queries)


# Session, user, role check, team check, portfolios, projects, indicators, readable projects,
# approved count, notifications badge, membership for the menu.
ANTALL = 11
