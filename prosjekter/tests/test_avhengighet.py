"""Dependencies: no project on itself, no cycles; a slip is flagged on both pages and on the
timeline, and told to A's manager and the portfolio's chair exactly once."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from portefolje.models import Varsel
from portefolje.paminnelser import paminnelser_kjor
from prosjekter.models import Avhengighet, glipp
from prosjekter.paminnelser.avhengigheter import AVHENGIGHET_FORSINKET
from prosjekter.services import avhengighet_arkiver, avhengighet_registrer
from prosjekter.tests.factories import LeveranseFactory, ProsjektFactory

pytestmark = pytest.mark.django_db

IDAG = datetime.date(2026, 12, 1)


@pytest.fixture
def a(portefolje, prosjektleder):
    return ProsjektFactory(
        portefolje=portefolje,
        tittel="Felles vikarpool",
        prosjektleder=prosjektleder,
        startdato=datetime.date(2027, 3, 1),
        sluttdato=datetime.date(2027, 12, 31),
    )


@pytest.fixture
def b(portefolje):
    return ProsjektFactory(
        portefolje=portefolje,
        tittel="Heltidskultur",
        startdato=datetime.date(2026, 1, 1),
        sluttdato=datetime.date(2027, 1, 31),
    )


def test_the_slip_rule():
    d = datetime.date
    assert glipp(leveres=d(2027, 2, 1), trengs=d(2027, 1, 1)).dager == 31
    assert glipp(leveres=d(2027, 1, 1), trengs=d(2027, 1, 1)) is None  # the same day is in time
    assert glipp(leveres=None, trengs=d(2027, 1, 1)) is None
    assert glipp(leveres=d(2027, 1, 1), trengs=None) is None


def test_a_project_cannot_depend_on_itself(a, prosjektleder):
    with pytest.raises(ValidationError) as feil:
        avhengighet_registrer(prosjekt=a, avhenger_av=a, aktor=prosjektleder)
    assert "Et prosjekt kan ikke avhenge av seg selv." in feil.value.messages
    assert not Avhengighet.objects.exists()


def test_a_dependency_that_closes_a_cycle_is_refused_with_the_chain(
    portefolje, a, b, prosjektleder
):
    c = ProsjektFactory(portefolje=portefolje, tittel="Tredje")
    avhengighet_registrer(prosjekt=a, avhenger_av=b, aktor=prosjektleder)
    avhengighet_registrer(prosjekt=b, avhenger_av=c, aktor=prosjektleder)
    with pytest.raises(ValidationError) as feil:
        avhengighet_registrer(prosjekt=c, avhenger_av=a, aktor=prosjektleder)
    melding = " ".join(feil.value.error_dict["avhenger_av"][0].messages)
    assert f"{c.nummer} → {a.nummer} → {b.nummer} → {c.nummer}" in melding
    assert Avhengighet.objects.count() == 2
    # An archived dependency no longer counts: then the same one is allowed.
    avhengighet_arkiver(avhengighet=Avhengighet.objects.get(prosjekt=b), aktor=prosjektleder)
    avhengighet_registrer(prosjekt=c, avhenger_av=a, aktor=prosjektleder)


def test_a_deliverable_must_be_the_other_projects(a, b, prosjektleder):
    annen = LeveranseFactory(prosjekt=a, sluttdato=datetime.date(2027, 6, 1))
    with pytest.raises(ValidationError) as feil:
        avhengighet_registrer(prosjekt=a, avhenger_av=b, leveranse=annen, aktor=prosjektleder)
    assert "leveranse" in feil.value.error_dict
    assert not Avhengighet.objects.exists()


def test_the_form_refuses_a_cycle_at_the_field_and_saves_nothing(a, b, leder, klient_for):
    avhengighet_registrer(prosjekt=b, avhenger_av=a, aktor=leder)
    klient = klient_for(leder)
    side = klient.get(a.get_absolute_url()).content.decode()
    url = reverse("prosjekter:avhengighet-ny", args=[a.pk])
    assert url in side  # the page's button leads to the form
    skjema = klient.get(url).content.decode()
    nokkel = re.search(r'name="skjema_nokkel" value="([^"]+)"', skjema).group(1)
    svar = klient.post(url, {"avhenger_av": b.pk, "skjema_nokkel": nokkel})
    assert svar.status_code == 400
    assert "Dette ville gitt en sykel" in svar.content.decode()
    assert Avhengighet.objects.count() == 1


def test_only_those_who_edit_a_register_its_dependencies(a, b, medlem, ansatt, klient_for, client):
    url = reverse("prosjekter:avhengighet-ny", args=[a.pk])
    assert klient_for(medlem).post(url, {"avhenger_av": b.pk}).status_code == 403
    assert klient_for(ansatt).post(url, {"avhenger_av": b.pk}).status_code == 403
    client.logout()
    assert client.post(url, {"avhenger_av": b.pk}).status_code == 302
    assert not Avhengighet.objects.exists()


def test_a_slip_is_flagged_on_both_pages_and_the_timeline(a, b, prosjektleder, leder, klient_for):
    avhengighet_registrer(prosjekt=a, avhenger_av=b, aktor=prosjektleder)
    klient = klient_for(leder)
    flagg = '<span class="status status-rod">Forsinket</span>'
    assert flagg not in klient.get(a.get_absolute_url()).content.decode()
    # B's end moves past A's start.
    b.sluttdato = datetime.date(2027, 5, 31)
    b.save()
    side_a = klient.get(a.get_absolute_url()).content.decode()
    side_b = klient.get(b.get_absolute_url()).content.decode()
    assert '<span class="status status-rod">Forsinket</span>' in side_a
    assert "91 dager forsinket" in side_a
    assert f"{a} venter på dette prosjektet" in side_b
    tidslinje = klient.get(reverse("prosjekter:tidslinje")).content.decode()
    assert "Forsinket avhengighet: " in tidslinje  # the marker's title in the picture
    assert '<span class="status status-rod">Forsinket</span>' in tidslinje  # and the table


def test_a_late_deliverable_is_a_slip_too(a, b, prosjektleder):
    leveranse = LeveranseFactory(
        prosjekt=b, tittel="Turnusmodell", sluttdato=datetime.date(2026, 6, 1)
    )
    avhengighet = avhengighet_registrer(
        prosjekt=a,
        avhenger_av=b,
        leveranse=leveranse,
        trengs_dato=datetime.date(2026, 9, 1),
        aktor=prosjektleder,
    )
    assert avhengighet.glipp is None
    leveranse.sluttdato = datetime.date(2026, 10, 1)
    leveranse.save()
    avhengighet.refresh_from_db()
    assert avhengighet.glipp.dager == 30


def _varsler():
    return sorted(
        Varsel.objects.filter(type=AVHENGIGHET_FORSINKET).values_list(
            "mottaker__username", "periode"
        )
    )


def test_the_manager_and_the_chair_are_told_exactly_once(a, b, prosjektleder, leder):
    avhengighet_registrer(prosjekt=a, avhenger_av=b, aktor=prosjektleder)
    paminnelser_kjor(idag=IDAG, synkron=True)
    assert _varsler() == []  # in time: nothing to tell
    b.sluttdato = datetime.date(2027, 5, 31)
    b.save()
    paminnelser_kjor(idag=IDAG, synkron=True)
    paminnelser_kjor(idag=IDAG, synkron=True)
    paminnelser_kjor(idag=IDAG + datetime.timedelta(days=1), synkron=True)
    periode = "2027-05-31/2027-03-01"
    assert _varsler() == [("leder", periode), ("prosjektleder", periode)]
    varsel = Varsel.objects.filter(type=AVHENGIGHET_FORSINKET).first()
    assert varsel.lenke == f"{a.get_absolute_url()}#avhengigheter"
    # It slips further: that is news, told once more.
    b.sluttdato = datetime.date(2027, 8, 31)
    b.save()
    paminnelser_kjor(idag=IDAG, synkron=True)
    paminnelser_kjor(idag=IDAG, synkron=True)
    assert len(_varsler()) == 4


def test_no_reminder_for_an_archived_dependency_or_a_closed_project(a, b, prosjektleder):
    b.sluttdato = datetime.date(2027, 5, 31)
    b.save()
    avhengighet = avhengighet_registrer(prosjekt=a, avhenger_av=b, aktor=prosjektleder)
    avhengighet_arkiver(avhengighet=avhengighet, aktor=prosjektleder)
    paminnelser_kjor(idag=IDAG, synkron=True)
    assert _varsler() == []
