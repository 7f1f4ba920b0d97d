"""Årshjulet: the chair or secretary sets the year's dates; bad input gets a clear message; the
portfolio page shows the next points; the deadline reminds once per person and event."""

import datetime
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from konseptnotat.models import Status
from portefolje.models import Varsel
from portefolje.paminnelser import paminnelser_kjor
from velge.models import Agendapunkt, Arshjul, Arshjulpunkt, Mote
from velge.paminnelser import ARSHJUL_NOTATFRIST, MOTE_IKKE_VURDERT
from velge.services.arshjul import datofeil
from velge.tests.factories import KonseptnotatFactory, kriterier_for

pytestmark = pytest.mark.django_db

IDAG = timezone.localdate()
AR = IDAG.year + 1


def side(portefolje, ar=AR):
    return reverse("velge:arshjul", kwargs={"slug": portefolje.slug, "ar": ar})


def datoer(**endret):
    data = {
        "notatfrist": f"{AR}-03-01",
        "vurderingsmote": f"{AR}-04-15",
        "beslutningsmote": f"{AR}-04-29",
        "budsjettforslag": f"{AR}-10-01",
        "versjon": "0",
    }
    return {**data, **endret}


# --- the pure rule ----------------------------------------------------------------------------


def test_dates_in_order_are_fine_and_the_meetings_may_be_the_same_day():
    d = datetime.date
    assert not datofeil(
        ar=2030,
        datoer={
            "notatfrist": d(2030, 3, 1),
            "vurderingsmote": d(2030, 4, 1),
            "beslutningsmote": d(2030, 4, 1),
            "budsjettforslag": d(2030, 10, 1),
        },
        idag=d(2029, 1, 1),
    )


def test_a_deadline_on_the_meeting_day_and_a_date_outside_the_year_are_named_per_field():
    d = datetime.date
    feil = datofeil(
        ar=2030,
        datoer={
            "notatfrist": d(2030, 4, 1),
            "vurderingsmote": d(2030, 4, 1),
            "beslutningsmote": None,
            "budsjettforslag": d(2031, 1, 5),
        },
        idag=d(2029, 1, 1),
    )
    assert set(feil) == {"vurderingsmote", "budsjettforslag"}
    assert "2030" in feil["budsjettforslag"]


# --- the page ---------------------------------------------------------------------------------


def test_chair_sets_the_dates_and_the_scoring_meeting_is_put_in_the_calendar(
    portefolje, leder, klient_for
):
    klient = klient_for(leder)
    svar = klient.post(side(portefolje), datoer(), follow=True)
    assert "Årshjulet for" in svar.content.decode()
    hjul = Arshjul.objects.get(portefolje=portefolje, ar=AR)
    assert hjul.vurderingsmote == datetime.date(AR, 4, 15) and hjul.versjon == 1
    assert set(Mote.objects.filter(portefolje=portefolje).values_list("dato", flat=True)) == {
        datetime.date(AR, 4, 15),
        datetime.date(AR, 4, 29),
    }
    # The page links each meeting point to its meeting.
    innhold = klient.get(side(portefolje)).content.decode()
    mote = Mote.objects.get(portefolje=portefolje, dato=datetime.date(AR, 4, 15))
    assert reverse("velge:mote", args=[portefolje.slug, mote.pk]) in innhold


def test_moving_the_date_moves_the_empty_meeting_the_cycle_made(portefolje, sekretaer, klient_for):
    klient = klient_for(sekretaer)
    klient.post(side(portefolje), datoer())
    klient.post(side(portefolje), datoer(vurderingsmote=f"{AR}-04-20", versjon="1"))
    assert set(Mote.objects.filter(portefolje=portefolje).values_list("dato", flat=True)) == {
        datetime.date(AR, 4, 20),
        datetime.date(AR, 4, 29),
    }


@pytest.mark.parametrize(
    ("endret", "felt", "melding"),
    [
        ({"vurderingsmote": f"{AR}-02-01"}, "vurderingsmote", "må komme etter frist for"),
        ({"budsjettforslag": f"{AR}-04-01"}, "budsjettforslag", "kan ikke komme før"),
        ({"notatfrist": f"{AR + 1}-01-10"}, "notatfrist", f"Datoen må være i {AR}"),
    ],
)
def test_dates_in_the_wrong_order_get_a_message_at_the_field_and_nothing_is_saved(
    portefolje, leder, klient_for, endret, felt, melding
):
    svar = klient_for(leder).post(side(portefolje), datoer(**endret))
    assert svar.status_code == 200
    assert melding in svar.content.decode()
    assert melding in " ".join(svar.context["form"].errors[felt])
    assert not Arshjul.objects.exists() and not Mote.objects.exists()


def test_a_passed_year_is_refused_with_a_message(portefolje, leder, klient_for):
    forbi = IDAG.year - 1
    klient = klient_for(leder)
    assert klient.get(side(portefolje, forbi)).context["form"] is None
    svar = klient.post(
        side(portefolje, forbi),
        {
            "notatfrist": f"{forbi}-03-01",
            "vurderingsmote": f"{forbi}-04-15",
            "beslutningsmote": "",
            "budsjettforslag": "",
            "versjon": "0",
        },
    )
    assert f"{forbi} er passert. Planlegg i år eller et senere år." in svar.content.decode()
    assert not Arshjul.objects.exists()


def test_a_stale_form_is_refused_and_keeps_what_was_typed(portefolje, leder, klient_for):
    klient = klient_for(leder)
    klient.post(side(portefolje), datoer())
    svar = klient.post(side(portefolje), datoer(budsjettforslag=f"{AR}-11-11", versjon="0"))
    innhold = svar.content.decode()
    assert "Lagret nå" in innhold and f"{AR}-11-11" in innhold
    assert Arshjul.objects.get().budsjettforslag == datetime.date(AR, 10, 1)


def test_named_points_are_added_once_and_removed(portefolje, leder, klient_for):
    klient = klient_for(leder)
    form = klient.get(side(portefolje)).context["punktform"]
    data = {"navn": "Økonomiplanseminar", "dato": f"{AR}-06-10"}
    data["skjema_nokkel"] = str(form.initial["skjema_nokkel"])
    url = reverse("velge:arshjul-punkt-ny", args=[portefolje.slug, AR])
    klient.post(url, data)
    klient.post(url, data)  # posted twice: one point
    punkt = Arshjulpunkt.objects.get()
    innhold = klient.get(side(portefolje)).content.decode()
    fjern = reverse("velge:arshjul-punkt-fjern", args=[portefolje.slug, AR, punkt.pk])
    assert "Økonomiplanseminar" in innhold and fjern in innhold
    klient.post(fjern)
    punkt.refresh_from_db()
    assert punkt.arkivert
    linjer = klient.get(side(portefolje)).context["linjer"]
    assert "Økonomiplanseminar" not in [linje.navn for linje in linjer]


def test_a_point_added_meanwhile_does_not_make_an_open_date_form_stale(
    portefolje, leder, sekretaer, klient_for
):
    """The chair opens the year's dates (no cycle yet: version 0); meanwhile the secretary adds
    a named point, which makes the year's row. No date changed, so the chair's dates save."""
    apen = klient_for(leder).get(side(portefolje)).content.decode()
    versjon = re.search(r'name="versjon" value="(\d+)"', apen).group(1)
    sekretar = klient_for(sekretaer)
    form = sekretar.get(side(portefolje)).context["punktform"]
    sekretar.post(
        reverse("velge:arshjul-punkt-ny", args=[portefolje.slug, AR]),
        {"navn": "Seminar", "dato": f"{AR}-06-10", "skjema_nokkel": form.initial["skjema_nokkel"]},
    )
    assert Arshjulpunkt.objects.filter(navn="Seminar").exists()
    klient_for(leder).post(side(portefolje), datoer(versjon=versjon))
    assert Arshjul.objects.get().notatfrist == datetime.date(AR, 3, 1)


@pytest.mark.parametrize("hvem", ["medlem", "ansatt"])
def test_members_and_outsiders_read_but_cannot_change(portefolje, medlem, ansatt, klient_for, hvem):
    klient = klient_for({"medlem": medlem, "ansatt": ansatt}[hvem])
    svar = klient.get(side(portefolje))
    assert svar.status_code == 200 and svar.context["form"] is None
    assert klient.post(side(portefolje), datoer()).status_code == 403
    url = reverse("velge:arshjul-punkt-ny", args=[portefolje.slug, AR])
    assert klient.post(url, {"navn": "X", "dato": f"{AR}-06-10"}).status_code == 403
    assert not Arshjul.objects.exists()


def test_anonymous_is_sent_to_login(portefolje, client):
    svar = client.post(side(portefolje), datoer())
    assert svar.status_code == 302 and "login" in svar["Location"]
    assert not Arshjul.objects.exists()


def test_the_portfolio_page_shows_the_next_points_soonest_first(
    portefolje, leder, ansatt, klient_for
):
    klient_for(leder).post(side(portefolje), datoer())
    innhold = klient_for(ansatt).get(portefolje.get_absolute_url()).content.decode()
    frist, budsjett = innhold.find("Frist for konseptnotater"), innhold.find("Budsjettforslag")
    assert 0 < frist < budsjett
    assert reverse("velge:arshjul-i-ar", args=[portefolje.slug]) in innhold
    # The look-back is for the roles: not linked for an outsider.
    assert reverse("rapporter:beslutningskvalitet") not in innhold


# --- reminders --------------------------------------------------------------------------------


@pytest.fixture
def frist_om_tre_dager(portefolje):
    frist = IDAG + datetime.timedelta(days=3)
    return Arshjul.objects.create(portefolje=portefolje, ar=frist.year, notatfrist=frist)


def test_the_deadline_reminds_authors_and_the_team_once(
    portefolje, frist_om_tre_dager, lag_bruker, utvikler
):
    eier, medforfatter = lag_bruker("eier"), lag_bruker("medforfatter")
    utkast = KonseptnotatFactory(portefolje=portefolje, eier=eier, status=Status.UTKAST)
    utkast.medforfattere.add(medforfatter)
    # A note not yet placed, from the portfolio's section, counts; a ready one does not.
    KonseptnotatFactory(
        seksjon=portefolje.seksjon, portefolje=None, eier=eier, status=Status.INNSENDT
    )
    KonseptnotatFactory(portefolje=portefolje, eier=eier, status=Status.KLAR)

    paminnelser_kjor(idag=IDAG, synkron=True)
    paminnelser_kjor(idag=IDAG, synkron=True)
    paminnelser_kjor(idag=IDAG + datetime.timedelta(days=1), synkron=True)

    varsler = Varsel.objects.filter(type=ARSHJUL_NOTATFRIST)
    mottakere = sorted(varsler.values_list("mottaker__username", flat=True))
    # Owner: two notes; co-author: one; the team: one listing both.
    assert mottakere == ["eier", "eier", "medforfatter", "utvikler"]
    team = varsler.get(mottaker=utvikler)
    assert "2 konseptnotater" in team.tittel
    assert (
        len([m for m in mail.outbox if "klart innen" in m.subject or "klare innen" in m.subject])
        == 4
    )


def test_no_reminder_outside_the_window_or_after_the_deadline(portefolje, lag_bruker, utvikler):
    frist = IDAG + datetime.timedelta(days=30)
    Arshjul.objects.create(portefolje=portefolje, ar=frist.year, notatfrist=frist)
    KonseptnotatFactory(portefolje=portefolje, eier=lag_bruker("eier"), status=Status.UTKAST)
    paminnelser_kjor(idag=IDAG, synkron=True)
    paminnelser_kjor(idag=frist + datetime.timedelta(days=1), synkron=True)
    assert not Varsel.objects.filter(type=ARSHJUL_NOTATFRIST).exists()


def test_the_cycles_scoring_meeting_reminds_members_through_the_meeting_rule_once(
    portefolje, leder, medlem, klient_for
):
    """Same day for scoring and deciding: one meeting, and one «not scored» reminder each."""
    # In March next year, so the dates never straddle a new year, whatever day the tests run.
    mote_dag = datetime.date(IDAG.year + 1, 3, 12)
    frist = mote_dag - datetime.timedelta(days=1)
    for_motet = mote_dag - datetime.timedelta(days=2)
    kriterier_for(portefolje)
    klient_for(leder).post(
        side(portefolje, mote_dag.year),
        {
            "notatfrist": frist.isoformat(),
            "vurderingsmote": mote_dag.isoformat(),
            "beslutningsmote": mote_dag.isoformat(),
            "budsjettforslag": "",
            "versjon": "0",
        },
    )
    mote = Mote.objects.get(portefolje=portefolje)
    Agendapunkt.objects.create(mote=mote, notat=KonseptnotatFactory(portefolje=portefolje))
    paminnelser_kjor(idag=for_motet, synkron=True)
    paminnelser_kjor(idag=for_motet, synkron=True)
    assert sorted(
        Varsel.objects.filter(type=MOTE_IKKE_VURDERT).values_list("mottaker__username", flat=True)
    ) == ["leder", "medlem"]


def test_the_cycles_meetings_are_titled_in_the_municipalitys_language(
    portefolje, leder, klient_for, settings
):
    """A meeting title is stored once and read by all: the municipality's written language, even
    when the chair reads the portal in nynorsk (and not English from a command)."""
    settings.LANGUAGE_CODE = "nb"
    klient = klient_for(leder)
    klient.cookies[settings.LANGUAGE_COOKIE_NAME] = "nn"
    klient.post(side(portefolje), datoer())
    assert sorted(Mote.objects.filter(portefolje=portefolje).values_list("tittel", flat=True)) == [
        "Beslutningsmøte",
        "Vurderingsmøte",
    ]
