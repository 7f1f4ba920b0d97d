"""The start plan per portfolio: proposal within capacity, the chair's override recorded."""

from datetime import date

import pytest
from django.urls import reverse

from portefolje.models import Hendelse
from prosjekter import beregning, selectors
from prosjekter.models import Kapasitet, Ressursbehov, Startvedtak
from prosjekter.tests.factories import AllokeringFactory, ProsjektFactory, lag_beslutning

pytestmark = pytest.mark.django_db

FORSTE = date(2027, 1, 1)


def _godkjent(portefolje, leder, eier, tittel, score, behov):
    from prosjekter import services

    beslutning = lag_beslutning(
        portefolje=portefolje, eier=eier, besluttet_av=leder, tittel=tittel, score=score
    )
    prosjekt = services.prosjekt_opprett_fra_beslutning(beslutning=beslutning)
    Ressursbehov.objects.bulk_create(
        Ressursbehov(prosjekt=prosjekt, maned_nr=i, personprosent=v)
        for i, v in enumerate(behov, start=1)
    )
    return prosjekt


@pytest.fixture
def kandidater(portefolje, leder, lag_bruker):
    eier = lag_bruker("initiativtaker")
    Kapasitet.objects.create(portefolje=portefolje, fra_maned=FORSTE, personprosent=200)
    lav = _godkjent(portefolje, leder, eier, "Vikarpool", 40, [100, 100])
    hoy = _godkjent(portefolje, leder, eier, "Fallsensorer", 90, [150, 150])
    return hoy, lav


def test_higher_score_goes_first_and_the_rest_waits_for_capacity(portefolje, kandidater):
    hoy, lav = kandidater
    plan = selectors.startplan(portefolje, forste_maned=FORSTE, horisont=12)
    assert [p.pk for p in plan["prosjekter"]] == [hoy.pk, lav.pk]
    starter = {p.pk: p.forslag.start for p in plan["prosjekter"]}
    assert starter == {hoy.pk: date(2027, 1, 1), lav.pk: date(2027, 3, 1)}
    assert not any(m["over"] for m in plan["maneder"])


def test_running_projects_allocations_take_capacity(portefolje, kandidater):
    hoy, lav = kandidater
    pagaende = ProsjektFactory(portefolje=portefolje, tilstand="aktiv")
    AllokeringFactory(
        prosjekt=pagaende, belastning=100, fra=date(2027, 1, 1), til=date(2027, 2, 28)
    )
    plan = selectors.startplan(portefolje, forste_maned=FORSTE, horisont=12)
    starter = {p.pk: p.forslag.start for p in plan["prosjekter"]}
    # 150 does not fit beside 100 of 200 in Jan–Feb; the 100-project does, the other waits.
    assert starter == {hoy.pk: date(2027, 3, 1), lav.pk: date(2027, 1, 1)}


def test_the_chair_overrides_the_proposal_and_it_is_recorded(
    portefolje, kandidater, leder, klient_for
):
    hoy, lav = kandidater
    url = reverse("prosjekter:startvedtak", args=[portefolje.slug, lav.pk])
    svar = klient_for(leder).post(
        url,
        {
            f"p{lav.pk}-vedtatt_start": "2027-01",
            f"p{lav.pk}-begrunnelse": "Lovkrav fra 1. januar.",
        },
    )
    assert svar.status_code == 302
    vedtak = Startvedtak.objects.get()
    assert vedtak.vedtatt_start == date(2027, 1, 1) and vedtak.besluttet_av == leder
    assert Hendelse.objects.for_objekt(lav).filter(handling="startvedtak").exists()
    plan = selectors.startplan(portefolje, forste_maned=FORSTE, horisont=12)
    forslag = {p.pk: p.forslag for p in plan["prosjekter"]}
    assert forslag[lav.pk].fast and forslag[lav.pk].start == date(2027, 1, 1)
    assert forslag[hoy.pk].start == date(2027, 3, 1)


def test_a_start_decision_without_rationale_is_refused(portefolje, kandidater, leder, klient_for):
    _hoy, lav = kandidater
    url = reverse("prosjekter:startvedtak", args=[portefolje.slug, lav.pk])
    svar = klient_for(leder).post(
        url, {f"p{lav.pk}-vedtatt_start": "2027-01", f"p{lav.pk}-begrunnelse": ""}, follow=True
    )
    assert "Skriv begrunnelsen for beslutningen." in svar.content.decode()
    assert not Startvedtak.objects.exists()


def test_the_chair_sets_capacity(portefolje, leder, klient_for):
    url = reverse("prosjekter:kapasitet", args=[portefolje.slug])
    klient_for(leder).post(url, {"fra_maned": "2027-02", "personprosent": "300"})
    assert Kapasitet.objects.get(portefolje=portefolje).fra_maned == date(2027, 2, 1)


def test_members_read_the_plan_but_only_the_chair_decides(
    portefolje, kandidater, medlem, ansatt, prosjektleder, klient_for, client
):
    _hoy, lav = kandidater
    plan_url = reverse("prosjekter:startplan", args=[portefolje.slug])
    vedtak_url = reverse("prosjekter:startvedtak", args=[portefolje.slug, lav.pk])
    kapasitet_url = reverse("prosjekter:kapasitet", args=[portefolje.slug])
    data = {f"p{lav.pk}-vedtatt_start": "2027-01", f"p{lav.pk}-begrunnelse": "Nå."}
    svar = klient_for(medlem).get(plan_url)
    assert svar.status_code == 200 and "Vikarpool" in svar.content.decode()
    for bruker in (medlem, ansatt, prosjektleder):
        klient = klient_for(bruker)
        assert klient.post(vedtak_url, data).status_code == 403
        assert (
            klient.post(kapasitet_url, {"fra_maned": "2027-02", "personprosent": "1"}).status_code
            == 403
        )
    assert klient_for(ansatt).get(plan_url).status_code == 403
    client.logout()
    assert client.get(plan_url).status_code == 302
    assert not Startvedtak.objects.exists()
    assert Kapasitet.objects.get().personprosent == 200


def test_the_timelines_proposals_are_the_start_plans_in_five_queries_for_all_portfolios(
    portefolje, kandidater, klg, leder, lag_bruker, django_assert_num_queries
):
    """`startforslag` (the timeline's order) proposes what each portfolio's `startplan` does:
    capacity, running projects' allocations, a chair's decision and a need with a gap."""
    from portefolje.models import Portefolje

    hoy, lav = kandidater
    AllokeringFactory(
        prosjekt=ProsjektFactory(portefolje=portefolje, tilstand="aktiv"),
        belastning=100,
        fra=date(2027, 1, 1),
        til=date(2027, 2, 28),
    )
    for start in [date(2027, 2, 1), date(2027, 5, 1)]:  # the latest decision counts
        Startvedtak.objects.create(
            prosjekt=lav, vedtatt_start=start, begrunnelse="Slik blir det.", besluttet_av=leder
        )
    annen = Portefolje.objects.create(navn="Oppvekst", slug="oppvekst", forelder=klg)
    Kapasitet.objects.create(portefolje=annen, fra_maned=FORSTE, personprosent=100)
    Kapasitet.objects.create(portefolje=annen, fra_maned=date(2027, 4, 1), personprosent=300)
    eier = lag_bruker("eier2")
    # The lower score comes first by number; the plan takes the higher score first.
    liten = _godkjent(annen, leder, eier, "Leksehjelp", 20, [100, 100])
    skole = _godkjent(annen, leder, eier, "Skolebibliotek", 70, [100, 0, 200, 0])
    tom = _godkjent(annen, leder, eier, "Uten behov", 10, [])
    for_stor = _godkjent(annen, leder, eier, "For stor", 50, [900])
    ProsjektFactory(portefolje=annen, tilstand="ikke_startet")  # no decision, no need

    forventet = {}
    for p in [portefolje, annen, klg]:
        for prosjekt in selectors.startplan(p, forste_maned=FORSTE, horisont=12)["prosjekter"]:
            forventet[prosjekt.pk] = (prosjekt.forslag, prosjekt.behov)
    with django_assert_num_queries(5):
        forslag = selectors.startforslag(
            [portefolje.pk, annen.pk, klg.pk], forste_maned=FORSTE, horisont=12
        )
    assert forslag == forventet and len(forslag) == 7
    assert forslag[lav.pk][0] == beregning.Forslag(lav.pk, date(2027, 5, 1), fast=True)
    assert forslag[hoy.pk][0].start == date(2027, 3, 1)
    assert forslag[skole.pk][1] == [100, 0, 200] and forslag[for_stor.pk][0].start is None
    assert (forslag[skole.pk][0].start, forslag[liten.pk][0].start) == (
        date(2027, 2, 1),
        date(2027, 3, 1),
    )
    assert forslag[tom.pk][1] == []
