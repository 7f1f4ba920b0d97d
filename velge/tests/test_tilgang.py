"""Who may do what on Velge's screens: chair, member, secretary, development team, outsider and
anonymous, on GET and POST. Only members score; only the chair decides, reveals and edits
criteria; the secretary (and the development team) keeps the agenda; other employees read."""

import pytest
from django.urls import reverse

from velge.tests.factories import (
    KonseptnotatFactory,
    kriterier_for,
    mote_med_notater,
)

# A fixture, found by pytest through its name in this module.

pytestmark = pytest.mark.django_db

LESE = ["detalj", "mote", "mote-resultat", "motepakke", "protokoll", "protokoll-docx"]
# URL name -> roles that may use it (GET where it has a page, POST always).
ENDRE = {
    "kriterier": {"leder"},
    "mote-ny": {"leder", "sekretaer", "utvikler"},
    "agenda-legg-til": {"leder", "sekretaer", "utvikler"},
    "agenda-fjern": {"leder", "sekretaer", "utvikler"},
    "vis-vurderinger": {"leder"},
    "vurder": {"leder", "medlem"},
    "beslutt": {"leder"},
    "beslutningsregel": {"leder"},
    "inhabil": {"leder", "medlem"},
}
KUN_POST = {"agenda-legg-til", "agenda-fjern", "vis-vurderinger"}


@pytest.fixture
def oppsett(portefolje, leder, medlem, sekretaer, utvikler, ansatt):
    kriterier_for(portefolje)
    mote, [notat] = mote_med_notater(portefolje)
    return {
        "roller": {
            "leder": leder,
            "medlem": medlem,
            "sekretaer": sekretaer,
            "utvikler": utvikler,
            "ansatt": ansatt,
        },
        "mote": mote,
        "notat": notat,
    }


def url(navn, oppsett):
    mote, notat = oppsett["mote"], oppsett["notat"]
    kwargs = {"slug": mote.portefolje.slug}
    if navn not in {"detalj", "kriterier", "mote-ny", "beslutningsregel"}:
        kwargs["pk"] = mote.pk
    if navn in {"vurder", "beslutt", "agenda-fjern", "inhabil"}:
        kwargs["notat_pk"] = notat.pk
    return reverse(f"velge:{navn}", kwargs=kwargs)


@pytest.mark.parametrize("navn", LESE)
def test_every_employee_reads_but_anonymous_is_sent_to_login(navn, oppsett, client, klient_for):
    svar = client.get(url(navn, oppsett))
    assert svar.status_code == 302 and "/konto/login/" in svar["Location"]
    for bruker in oppsett["roller"].values():
        assert klient_for(bruker).get(url(navn, oppsett)).status_code == 200


@pytest.mark.parametrize("navn", sorted(ENDRE))
@pytest.mark.parametrize("rolle", ["leder", "medlem", "sekretaer", "utvikler", "ansatt"])
def test_changing_screens_follow_the_roles(navn, rolle, oppsett, klient_for):
    klient = klient_for(oppsett["roller"][rolle])
    adresse = url(navn, oppsett)
    if rolle in ENDRE[navn]:
        if navn not in KUN_POST:
            assert klient.get(adresse).status_code == 200
    else:
        assert klient.get(adresse).status_code == 403
        assert klient.post(adresse, {}).status_code == 403


@pytest.mark.parametrize("navn", sorted(ENDRE))
def test_anonymous_changes_nothing(navn, oppsett, client):
    for svar in (client.get(url(navn, oppsett)), client.post(url(navn, oppsett), {})):
        assert svar.status_code == 302 and "/konto/login/" in svar["Location"]


def test_secretary_puts_a_ready_note_on_the_agenda_and_takes_it_off(
    oppsett, portefolje, sekretaer, klient_for
):
    mote = oppsett["mote"]
    nytt = KonseptnotatFactory(portefolje=portefolje)
    klient = klient_for(sekretaer)
    klient.post(
        reverse("velge:agenda-legg-til", kwargs={"slug": portefolje.slug, "pk": mote.pk}),
        {"notat": nytt.pk},
    )
    punkt = mote.agendapunkter.get(notat=nytt)
    assert punkt.versjon is not None and punkt.versjon.frosset  # the pack shows this version
    klient.post(
        reverse(
            "velge:agenda-fjern",
            kwargs={"slug": portefolje.slug, "pk": mote.pk, "notat_pk": nytt.pk},
        )
    )
    assert not mote.agendapunkter.filter(notat=nytt).exists()


def test_a_note_of_another_portfolio_cannot_go_on_the_agenda(
    oppsett, portefolje, klg, sekretaer, klient_for
):
    mote = oppsett["mote"]
    fremmed = KonseptnotatFactory(portefolje=klg)
    klient_for(sekretaer).post(
        reverse("velge:agenda-legg-til", kwargs={"slug": portefolje.slug, "pk": mote.pk}),
        {"notat": fremmed.pk},
    )
    assert not mote.agendapunkter.filter(notat=fremmed).exists()


def test_a_meeting_is_not_reached_through_another_portfolios_address(oppsett, leder, klient_for):
    mote = oppsett["mote"]
    svar = klient_for(leder).get(reverse("velge:mote", kwargs={"slug": "klg", "pk": mote.pk}))
    assert svar.status_code == 404
