"""The start page as each role: «Venter på meg» lists the work due, and every link there leads to
it (the page answers 200 and shows the item). Pinned query count as the data grows."""

import datetime
import html
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from ideer.tests.factories import InnspillFactory
from konseptnotat.models import Status
from konseptnotat.tests.factories import KonseptnotatFactory
from portefolje.models import Medlemskap, Rolle
from prosjekter.tests.factories import IndikatorFactory, ProsjektFactory, StatusrapportFactory
from velge.tests.factories import kriterier_for, mote_med_notater

pytestmark = pytest.mark.django_db


def _venter_pa_meg(klient) -> dict[str, str]:
    """{text: link} of the items in the page's «Venter på meg» section."""
    side = klient.get(reverse("startside")).content.decode()
    del_ = side.split('id="venter-tittel"')[1].split('<section class="mb-4"')[0]
    return {
        html.unescape(tekst): html.unescape(lenke)
        for lenke, tekst in re.findall(r'<li class="py-1"><a href="([^"]+)">([^<]+)</a>', del_)
    }


def _folg(klient, venter: dict[str, str], tekst: str, viser: str):
    """Follow the waiting item whose text holds `tekst`: the page answers and shows `viser`."""
    lenke = next(lenke for t, lenke in venter.items() if tekst in t)
    svar = klient.get(lenke)
    assert svar.status_code == 200, lenke
    assert viser in html.unescape(svar.content.decode()), lenke


def test_an_employee_is_waited_for_by_nothing_and_follows_her_ideas(ansatt, klient_for):
    idé = InnspillFactory(innsender=ansatt, tittel="Felles kalender for vikarer")
    klient = klient_for(ansatt)
    assert _venter_pa_meg(klient) == {}
    side = html.unescape(klient.get(reverse("startside")).content.decode())
    folger = side.split('id="folger-tittel"')[1]
    assert "Det jeg følger" in side and idé.tittel in folger
    assert "Ingenting venter på deg akkurat nå." in side


def test_the_initiator_is_asked_for_the_concept_note_ordered_from_her(lag_bruker, klient_for):
    initiativtaker = lag_bruker("initiativtaker")
    idé = InnspillFactory(
        initiativtaker=initiativtaker, tittel="Digitalt tilsyn", status="konseptnotat_bestilt"
    )
    klient = klient_for(initiativtaker)
    _folg(klient, _venter_pa_meg(klient), idé.tittel, idé.tittel)


def test_the_developer_triages_and_guides_with_counts(utvikler, klient_for):
    for i in range(7):
        InnspillFactory(tittel=f"Nytt innspill {i}")
    notat = KonseptnotatFactory(tittel="Notat til veiledning", status=Status.INNSENDT)
    klient = klient_for(utvikler)
    side = klient.get(reverse("startside")).content.decode()
    # Five are listed, the count says all seven.
    assert re.search(r"Nye innspill til triagering</span>\s*<span[^>]*>7<", side)
    venter = _venter_pa_meg(klient)
    _folg(klient, venter, "Nytt innspill 6", "Nytt innspill 6")
    _folg(klient, venter, notat.tittel, notat.tittel)


@pytest.mark.parametrize("rolle", ["klg", "helseleder"])
def test_the_chairs_are_asked_for_their_scores_and_meetings(
    rolle, lag_bruker, klg, portefolje, klient_for
):
    bruker = lag_bruker(rolle)
    egen = klg if rolle == "klg" else portefolje
    Medlemskap.objects.create(portefolje=egen, bruker=bruker, rolle=Rolle.LEDER)
    kriterier_for(egen)
    mote, [notat] = mote_med_notater(egen)
    klient = klient_for(bruker)
    venter = _venter_pa_meg(klient)
    _folg(klient, venter, notat.tittel, notat.tittel)
    _folg(klient, venter, f"– {mote.tittel}", mote.tittel)


def test_the_project_manager_is_asked_for_the_report_due_and_the_measurements(
    portefolje, lag_bruker, klient_for
):
    prosjektleder = lag_bruker("prosjektleder")
    prosjekt = ProsjektFactory(
        portefolje=portefolje, prosjektleder=prosjektleder, rapportfrekvens_mnd=1
    )
    StatusrapportFactory(prosjekt=prosjekt, publisert=timezone.now() - datetime.timedelta(days=40))
    indikator = IndikatorFactory(gevinst__prosjekt=prosjekt, navn="Nattbesøk per uke")
    klient = klient_for(prosjektleder)
    side = html.unescape(klient.get(reverse("startside")).content.decode())
    assert "Statusrapporter med frist" in side and "Gevinster å måle" in side
    # The due date in words, the Norwegian way: «frist fredag 11.12.».
    assert re.search(r"\(frist \w+dag \d{1,2}\.\d{1,2}\.\)", side)
    venter = _venter_pa_meg(klient)
    _folg(klient, venter, prosjekt.tittel, "Ny statusrapport")
    _folg(klient, venter, indikator.navn, indikator.navn)


def test_the_start_page_makes_the_same_number_of_queries_as_work_grows(
    utvikler, portefolje, klient_for, django_assert_max_num_queries
):
    Medlemskap.objects.create(portefolje=portefolje, bruker=utvikler, rolle=Rolle.LEDER)
    kriterier_for(portefolje)
    ProsjektFactory(portefolje=portefolje, prosjektleder=utvikler)
    klient = klient_for(utvikler)
    klient.get(reverse("startside"))
    with django_assert_max_num_queries(60) as forste:
        klient.get(reverse("startside"))
    for _ in range(4):
        InnspillFactory(innsender=utvikler)
        KonseptnotatFactory(status=Status.INNSENDT)
        mote_med_notater(portefolje, antall=2)
        p = ProsjektFactory(portefolje=portefolje, prosjektleder=utvikler)
        IndikatorFactory(gevinst__prosjekt=p)
    with django_assert_max_num_queries(len(forste.captured_queries)):
        klient.get(reverse("startside"))
