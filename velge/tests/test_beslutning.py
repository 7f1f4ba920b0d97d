"""Decisions: who, what is recorded, what each outcome does, and every refusal."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError
from django.urls import reverse
from django.utils import timezone

from ideer.models import Innspill, Kanal, Opphav
from konseptnotat.models import Status
from portefolje.models import Hendelse, Medlemskap, Rolle
from velge import hooks, services
from velge.models import Agendapunkt, Beslutning, Utfall, Vurdering
from velge.tests.factories import (
    MoteFactory,
    kriterier_for,
    mote_med_notater,
)

# A fixture, found by pytest through its name in this module.

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def godkjenningskall(monkeypatch):
    """A small downstream handler in place of Styre's: records each call."""
    kall = []
    monkeypatch.setattr(hooks, "_ved_godkjenning", [])
    hooks.registrer_ved_godkjenning(lambda *, beslutning: kall.append(beslutning) or "prosjekt")
    return kall


@pytest.fixture
def sak(portefolje, leder, medlem):
    kriterier = kriterier_for(portefolje, vekter=(1, 1))
    mote, [notat] = mote_med_notater(portefolje)
    services.vurdering_lagre(
        mote=mote,
        notat=notat,
        medlem=medlem,
        poeng={kriterier[0].pk: (5, ""), kriterier[1].pk: (3, "")},
    )
    return mote, notat


# The quorum confirmation, ticked: one of two members has scored the note in `sak`.
UNDER_KVORUM = {"under_kvorum": "on", "under_kvorum_grunn": "Saken haster."}


def beslutt(mote, notat, aktor, **kw):
    kw.setdefault("utfall", Utfall.GODKJENT)
    kw.setdefault("begrunnelse", "God gevinst og lav risiko.")
    # Below the quorum unless the test has every member score (test_habilitet.py covers it).
    kw.setdefault("under_kvorum_grunn", "Saken haster.")
    return services.beslutning_fatt(mote=mote, notat=notat, aktor=aktor, **kw)


def beslutt_url(mote, notat):
    return reverse(
        "velge:beslutt",
        kwargs={"slug": mote.portefolje.slug, "pk": mote.pk, "notat_pk": notat.pk},
    )


def uendret(notat):
    notat.refresh_from_db()
    return notat.status == Status.KLAR and not Beslutning.objects.exists()


def test_approval_records_who_when_why_version_and_score_and_calls_downstream(
    sak, leder, godkjenningskall
):
    mote, notat = sak
    beslutning = beslutt(mote, notat, leder)
    assert beslutning.mote == mote and beslutning.besluttet_av == leder
    assert beslutning.begrunnelse == "God gevinst og lav risiko."
    assert beslutning.versjon.frosset and beslutning.versjon.notat == notat
    assert float(beslutning.vektet_score) == 75.0  # (1.0 + 0.5) / 2
    assert godkjenningskall == [beslutning]
    notat.refresh_from_db()
    assert notat.status == Status.BEHANDLET
    hendelse = Hendelse.objects.get(handling="beslutning_godkjent")
    assert hendelse.aktor == leder and hendelse.objekt_id == beslutning.pk


def test_failure_downstream_rolls_the_decision_back(sak, leder, monkeypatch):
    mote, notat = sak

    def feiler(*, beslutning):
        raise RuntimeError("prosjektet kunne ikke opprettes")

    monkeypatch.setattr(hooks, "_ved_godkjenning", [feiler])
    with pytest.raises(RuntimeError):
        beslutt(mote, notat, leder)
    assert uendret(notat)
    assert not Hendelse.objects.filter(handling__startswith="beslutning").exists()


def test_rejection_and_parking_decide_the_note(portefolje, leder):
    kriterier_for(portefolje)
    mote, [a, b] = mote_med_notater(portefolje, antall=2)
    beslutt(mote, a, leder, utfall=Utfall.AVVIST)
    om_et_halvar = timezone.localdate() + datetime.timedelta(days=180)
    parkert = beslutt(mote, b, leder, utfall=Utfall.PARKERT, parkert_til=om_et_halvar)
    assert parkert.parkert_til == om_et_halvar
    for notat in (a, b):
        notat.refresh_from_db()
        assert notat.status == Status.BEHANDLET


@pytest.mark.parametrize("dato", [None, "i går"])
def test_parking_needs_a_future_date(sak, leder, dato):
    mote, notat = sak
    parkert_til = None if dato is None else timezone.localdate() - datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as feil:
        beslutt(mote, notat, leder, utfall=Utfall.PARKERT, parkert_til=parkert_til)
    assert "parkert_til" in feil.value.error_dict
    assert uendret(notat)


def test_sending_back_for_revision_returns_the_note_to_its_owner(sak, leder):
    mote, notat = sak
    beslutt(mote, notat, leder, utfall=Utfall.TIL_REVISJON, begrunnelse="Mangler nullalternativ.")
    notat.refresh_from_db()
    assert notat.status == Status.TIL_REVISJON
    assert Hendelse.objects.filter(
        handling="til_revisjon", beskrivelse__contains="Mangler nullalternativ"
    ).exists()


def test_lifting_moves_the_note_to_klgs_next_meeting_keeping_the_scores(
    sak, leder, klg, klient_for
):
    mote, notat = sak
    forbi = MoteFactory(portefolje=klg, dato=timezone.localdate() - datetime.timedelta(days=3))
    neste = MoteFactory(portefolje=klg, dato=timezone.localdate() + datetime.timedelta(days=10))
    senere = MoteFactory(portefolje=klg, dato=timezone.localdate() + datetime.timedelta(days=40))
    beslutning = beslutt(mote, notat, leder, utfall=Utfall.LOFTET_TIL_KLG)
    notat.refresh_from_db()
    assert notat.portefolje == klg and notat.status == Status.KLAR
    assert Agendapunkt.objects.filter(mote=neste, notat=notat).exists()
    assert not Agendapunkt.objects.filter(mote__in=[forbi, senere], notat=notat).exists()
    assert Vurdering.objects.filter(notat=notat).count() == 2  # the section's scores are kept
    assert float(beslutning.vektet_score) == 75.0
    innhold = (
        klient_for(leder).get(reverse("velge:detalj", kwargs={"slug": "klg"})).content.decode()
    )
    assert "Løftet fra Ledergruppe helse og omsorg (deres vektede sum 75,0)" in innhold


def test_lifting_without_a_klg_meeting_leaves_the_note_waiting_in_klg(sak, leder, klg):
    mote, notat = sak
    beslutt(mote, notat, leder, utfall=Utfall.LOFTET_TIL_KLG)
    notat.refresh_from_db()
    assert notat.portefolje == klg and not notat.agendapunkter.filter(mote__portefolje=klg).exists()


def test_klg_cannot_lift_to_itself(klg, lag_bruker):
    sjef = lag_bruker("sjef")
    Medlemskap.objects.create(portefolje=klg, bruker=sjef, rolle=Rolle.LEDER)
    mote, [notat] = mote_med_notater(klg)
    with pytest.raises(ValidationError):
        beslutt(mote, notat, sjef, utfall=Utfall.LOFTET_TIL_KLG)
    assert uendret(notat)


def palagt(notat):
    innspill = Innspill.objects.create(
        tittel="Ny forskrift",
        beskrivelse="Pålagt.",
        opphav=Opphav.POLITISK,
        kanal=Kanal.VEDTAK,
        palagt=True,
    )
    notat.innspill.add(innspill)


def test_an_imposed_order_can_be_rejected_only_by_klg(sak, leder, klg, lag_bruker, klient_for):
    mote, notat = sak
    palagt(notat)
    svar = klient_for(leder).get(beslutt_url(mote, notat))
    assert "Bare KLG kan avvise det" in svar.content.decode()
    with pytest.raises(ValidationError) as feil:
        beslutt(mote, notat, leder, utfall=Utfall.AVVIST)
    assert "Bare KLG" in str(feil.value) or feil.value.error_dict
    assert uendret(notat)

    sjef = lag_bruker("sjef")
    Medlemskap.objects.create(portefolje=klg, bruker=sjef, rolle=Rolle.LEDER)
    klg_mote = MoteFactory(portefolje=klg)
    beslutt(mote, notat, leder, utfall=Utfall.LOFTET_TIL_KLG)
    assert beslutt(klg_mote, notat, sjef, utfall=Utfall.AVVIST).utfall == Utfall.AVVIST


@pytest.mark.parametrize("begrunnelse", ["", "   \n "])
def test_decision_without_rationale_is_refused(sak, leder, klient_for, begrunnelse):
    mote, notat = sak
    with pytest.raises(ValidationError):
        beslutt(mote, notat, leder, begrunnelse=begrunnelse)
    svar = klient_for(leder).post(
        beslutt_url(mote, notat), {"utfall": "godkjent", "begrunnelse": begrunnelse}
    )
    assert svar.status_code == 200
    assert "En beslutning må ha en begrunnelse." in svar.content.decode()
    assert uendret(notat)


def test_decision_on_a_note_not_on_the_agenda_is_refused(portefolje, leder):
    kriterier_for(portefolje)
    mote, _ = mote_med_notater(portefolje)
    _annet_mote, [annet] = mote_med_notater(portefolje)
    with pytest.raises(ValidationError, match="sakslisten"):
        beslutt(mote, annet, leder)
    assert uendret(annet)


def test_second_decision_on_a_decided_note_is_refused(sak, leder, klient_for):
    mote, notat = sak
    beslutt(mote, notat, leder)
    with pytest.raises(ValidationError, match="allerede behandlet"):
        beslutt(mote, notat, leder, utfall=Utfall.AVVIST)
    nytt_mote = MoteFactory(portefolje=mote.portefolje)
    Agendapunkt.objects.create(mote=nytt_mote, notat=notat)
    with pytest.raises(ValidationError, match="allerede behandlet"):
        beslutt(nytt_mote, notat, leder, utfall=Utfall.AVVIST)
    svar = klient_for(leder).post(
        beslutt_url(mote, notat), {"utfall": "avvist", "begrunnelse": "Nei."}
    )
    assert svar.status_code == 200 and "allerede behandlet" in svar.content.decode()
    assert list(Beslutning.objects.values_list("utfall", flat=True)) == [Utfall.GODKJENT]


def test_database_allows_one_final_decision_per_note(sak, leder):
    mote, notat = sak
    forste = beslutt(mote, notat, leder)
    with pytest.raises(IntegrityError):
        Beslutning.objects.create(
            notat=notat,
            portefolje=mote.portefolje,
            utfall=Utfall.AVVIST,
            begrunnelse="Nei.",
            besluttet_av=leder,
            versjon=forste.versjon,
        )


def test_only_the_chair_decides(sak, medlem, sekretaer, ansatt, utvikler, klient_for):
    mote, notat = sak
    for bruker in (medlem, sekretaer, ansatt, utvikler):
        with pytest.raises(PermissionDenied):
            beslutt(mote, notat, bruker)
        svar = klient_for(bruker).post(
            beslutt_url(mote, notat), {"utfall": "godkjent", "begrunnelse": "Ja."}
        )
        assert svar.status_code == 403
    assert uendret(notat)


def test_a_decision_before_the_meeting_day_must_be_confirmed(sak, leder, klient_for):
    mote, notat = sak  # the meeting is a week ahead
    klient = klient_for(leder)
    data = {
        "utfall": "godkjent",
        "begrunnelse": "Vedtatt på forhånd.",
        "prosjekteier": notat.eier_id,
        **UNDER_KVORUM,
    }
    svar = klient.post(beslutt_url(mote, notat), data)
    innhold = svar.content.decode()
    assert svar.status_code == 200 and uendret(notat)
    assert "før møtet er holdt" in innhold and 'type="checkbox" name="bekreft"' in innhold
    assert "Vedtatt på forhånd." in innhold
    svar = klient.post(beslutt_url(mote, notat), {**data, "bekreft": "on"})
    assert svar.status_code == 302
    # Recorded before the meeting: dated the day it was recorded, never ahead.
    assert Beslutning.objects.get().dato == timezone.localdate()


def test_chair_decides_through_the_page(sak, leder, klient_for, godkjenningskall):
    mote, notat = sak
    mote.dato = timezone.localdate()
    mote.save()
    svar = klient_for(leder).post(
        beslutt_url(mote, notat),
        {
            "utfall": "godkjent",
            "begrunnelse": "Gir tid til brukerne.",
            "prosjekteier": notat.eier_id,
            **UNDER_KVORUM,
        },
        follow=True,
    )
    assert "Beslutningen er lagret: Godkjent som prosjekt." in svar.content.decode()
    assert len(godkjenningskall) == 1
