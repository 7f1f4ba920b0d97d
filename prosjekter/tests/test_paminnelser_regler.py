"""Each kind of reminder: who gets it, when, and that a second pass sends nothing again."""

import logging
from datetime import date, timedelta

import pytest
from django.core import mail
from django.utils import timezone

from ideer.paminnelser import PARKERT_FRIST
from konseptnotat.models import KonseptnotatVersjon
from konseptnotat.models import Status as NotatStatus
from konseptnotat.services import notat_send_til_revisjon
from konseptnotat.varsler import KONSEPTNOTAT_TIL_REVISJON
from portefolje.models import PaminnelsesInnstilling, Varsel, VarselInnstilling
from portefolje.paminnelser import UKESAMMENDRAG, paminnelser_kjor
from prosjekter.models import Tilstand
from prosjekter.paminnelser.regler import (
    STATUSRAPPORT_ESKALERT,
    STATUSRAPPORT_FORFALT,
    STATUSRAPPORT_SNART,
)
from prosjekter.tests.paminnelser_hjelp import (
    lag_innspill,
    lag_notat,
    lag_prosjekt,
    publiser_rapport,
)
from velge.models import Agendapunkt, Beslutning, Kriterium, Mote, Utfall, Vurdering
from velge.paminnelser import MOTE_IKKE_VURDERT, MOTE_NOTAT_IKKE_KLART

pytestmark = pytest.mark.django_db

START = date(2026, 10, 20)  # monthly reports: due 20 November 2026


def kjor(idag):
    return paminnelser_kjor(idag=idag, synkron=True)


def varsler(type=None):
    qs = Varsel.objects.order_by("pk")
    if type:
        qs = qs.filter(type=type)
    return [(v.mottaker.username, v.type) for v in qs.select_related("mottaker")]


@pytest.fixture
def prosjektleder(lag_bruker):
    return lag_bruker("pia")


@pytest.fixture
def eier(lag_bruker):
    return lag_bruker("eirik")


@pytest.fixture
def prosjekt(portefolje, prosjektleder, eier, leder):
    return lag_prosjekt(
        portefolje, startdato=START, leder=prosjektleder, eier=eier, tittel="Trygghetsalarmer"
    )


# --- status reports ---------------------------------------------------------------------------


def test_no_reminder_before_the_window(prosjekt):
    assert kjor(date(2026, 11, 12)).nye == 0
    assert mail.outbox == []


def test_manager_is_reminded_some_days_before_the_due_date(prosjekt):
    resultat = kjor(date(2026, 11, 13))  # seven days before
    assert varsler() == [("pia", STATUSRAPPORT_SNART)]
    assert resultat.epost_sendt == 1
    (epost,) = mail.outbox
    assert epost.to == ["pia@example.no"]
    assert "Statusrapport for «Trygghetsalarmer»" in epost.subject
    assert "20. november 2026" in epost.subject


def test_overdue_report_reminds_the_manager_but_does_not_escalate_yet(prosjekt):
    kjor(date(2026, 11, 25))
    assert varsler() == [("pia", STATUSRAPPORT_FORFALT)]


def test_escalates_to_owner_and_chair_after_more_days(prosjekt):
    kjor(date(2026, 11, 25))
    kjor(date(2026, 12, 4))  # 14 days overdue
    assert sorted(varsler(STATUSRAPPORT_ESKALERT)) == [
        ("eirik", STATUSRAPPORT_ESKALERT),
        ("leder", STATUSRAPPORT_ESKALERT),
    ]
    assert varsler(STATUSRAPPORT_FORFALT) == [("pia", STATUSRAPPORT_FORFALT)]
    assert sorted(m.to[0] for m in mail.outbox) == [
        "eirik@example.no",
        "leder@example.no",
        "pia@example.no",
    ]


def test_a_second_pass_sends_nothing_again(prosjekt):
    forste = kjor(date(2026, 12, 4))
    andre = kjor(date(2026, 12, 4))
    assert forste.nye == 3 and forste.epost_sendt == 3
    assert andre.nye == 0 and andre.epost_sendt == 0 and andre.allerede == 3
    assert len(mail.outbox) == 3


def test_a_published_report_moves_the_due_date(prosjekt):
    publiser_rapport(prosjekt, dato=date(2026, 11, 18))
    assert kjor(date(2026, 11, 25)).nye == 0
    kjor(date(2026, 12, 14))  # due 18 December, four days left
    assert varsler() == [("pia", STATUSRAPPORT_SNART)]
    assert Varsel.objects.get().periode == "2026-12-18"


def test_a_draft_report_does_not_count(prosjekt):
    from prosjekter.models import Statusrapport

    Statusrapport.objects.create(prosjekt=prosjekt)
    kjor(date(2026, 11, 25))
    assert varsler() == [("pia", STATUSRAPPORT_FORFALT)]


def test_portfolio_day_counts_override_the_defaults(prosjekt, portefolje):
    PaminnelsesInnstilling.objects.create(
        portefolje=portefolje, dager_for_rapportfrist=2, dager_til_eskalering=3
    )
    assert kjor(date(2026, 11, 13)).nye == 0
    kjor(date(2026, 11, 18))
    assert varsler() == [("pia", STATUSRAPPORT_SNART)]
    kjor(date(2026, 11, 23))
    assert len(varsler(STATUSRAPPORT_ESKALERT)) == 2


@pytest.mark.parametrize(
    "tilstand", [Tilstand.STOPPET, Tilstand.AVSLUTTET, Tilstand.PA_VENT, Tilstand.IKKE_STARTET]
)
def test_projects_that_are_not_active_get_no_reminders(prosjekt, tilstand):
    prosjekt.tilstand = tilstand
    prosjekt.save(update_fields=["tilstand"])
    assert kjor(date(2026, 12, 20)).nye == 0


def test_project_without_manager_reminds_the_owner_and_logs_it(portefolje, eier, leder, caplog):
    lag_prosjekt(portefolje, startdato=START, leder=None, eier=eier)
    with caplog.at_level(logging.WARNING, logger="prosjekter.paminnelser"):
        kjor(date(2026, 11, 25))
    assert varsler() == [("eirik", STATUSRAPPORT_FORFALT)]
    assert "ingen aktiv prosjektleder" in caplog.text


def test_project_without_manager_or_owner_reminds_the_chair(portefolje, leder):
    lag_prosjekt(portefolje, startdato=START)
    kjor(date(2026, 11, 25))
    assert varsler() == [("leder", STATUSRAPPORT_FORFALT)]


def test_user_without_email_gets_the_portal_notification_only(prosjekt, prosjektleder, caplog):
    prosjektleder.email = ""
    prosjektleder.save(update_fields=["email"])
    with caplog.at_level(logging.WARNING, logger="prosjekter.paminnelser"):
        resultat = kjor(date(2026, 11, 25))
    varsel = Varsel.objects.get()
    assert resultat.uten_epost == 1
    assert mail.outbox == []
    assert varsel.epost_onsket is False  # so no later pass tries to send it
    assert "ingen e-postadresse" in caplog.text


def test_email_turned_off_for_a_kind_still_shows_in_the_portal(prosjekt, prosjektleder):
    VarselInnstilling.objects.create(bruker=prosjektleder, type=STATUSRAPPORT_FORFALT, epost=False)
    kjor(date(2026, 11, 25))
    assert varsler() == [("pia", STATUSRAPPORT_FORFALT)]
    assert mail.outbox == []


# --- concept notes ----------------------------------------------------------------------------


def test_note_sent_back_reminds_its_owner_with_the_comment(lag_bruker, utvikler):
    initiativtaker = lag_bruker("ingrid")
    notat = lag_notat(initiativtaker, tittel="Sansehage", status=NotatStatus.INNSENDT)
    notat_send_til_revisjon(notat=notat, aktor=utvikler, kommentar="Beskriv kostnadene.")
    # The owner is told at the action (its e-mail is queued on commit, see
    # konseptnotat/tests/test_send_tilbake_epost.py); no rule makes the notice again.
    varsel = Varsel.objects.get()
    assert (varsel.mottaker, varsel.type) == (initiativtaker, KONSEPTNOTAT_TIL_REVISJON)
    assert "Beskriv kostnadene." in varsel.tekst
    kjor(date(2026, 11, 25))
    assert Varsel.objects.count() == 1
    # Here the commit never happens, so the e-mail was never queued: the pass's catch-up sends
    # it once the claim is older than the resend window, as it does after a broker outage.
    Varsel.objects.update(opprettet=timezone.now() - timedelta(minutes=15))
    kjor(date(2026, 11, 25))
    assert len(mail.outbox) == 1
    assert "Sansehage" in mail.outbox[0].subject


def test_note_sent_back_twice_gives_two_reminders(lag_bruker, utvikler):
    notat = lag_notat(lag_bruker("ingrid"), status=NotatStatus.INNSENDT)
    notat_send_til_revisjon(notat=notat, aktor=utvikler, kommentar="Første runde.")
    kjor(date(2026, 11, 25))
    kjor(date(2026, 11, 26))
    notat_send_til_revisjon(notat=notat, aktor=utvikler, kommentar="Andre runde.")
    kjor(date(2026, 11, 27))
    assert Varsel.objects.filter(type=KONSEPTNOTAT_TIL_REVISJON).count() == 2


# --- before a meeting -------------------------------------------------------------------------


@pytest.fixture
def mote(portefolje):
    return Mote.objects.create(portefolje=portefolje, dato=date(2026, 12, 3), tittel="Desembermøte")


def test_notes_not_ready_remind_owner_and_guide(mote, lag_bruker, utvikler):
    eier = lag_bruker("ingrid")
    ikke_klar = lag_notat(eier, veileder=utvikler, status=NotatStatus.INNSENDT)
    klar = lag_notat(eier, veileder=utvikler, status=NotatStatus.KLAR)
    Agendapunkt.objects.create(mote=mote, notat=ikke_klar)
    Agendapunkt.objects.create(mote=mote, notat=klar)
    assert kjor(date(2026, 11, 25)).nye == 0  # eight days before: outside the window
    kjor(date(2026, 11, 26))
    rader = Varsel.objects.filter(type=MOTE_NOTAT_IKKE_KLART)
    assert sorted(v.mottaker.username for v in rader) == ["ingrid", "utvikler"]
    assert {v.objekt_id for v in rader} == {ikke_klar.pk}


def test_members_who_have_not_scored_are_reminded(mote, portefolje, leder, medlem, sekretaer):
    kriterium = Kriterium.objects.create(portefolje=portefolje, navn="Gevinst")
    notat = lag_notat(leder, tittel="Responssenter", status=NotatStatus.KLAR)
    Agendapunkt.objects.create(mote=mote, notat=notat)
    Vurdering.objects.create(kriterium=kriterium, notat=notat, medlem=leder, poeng=4)
    assert kjor(date(2026, 11, 29)).nye == 0  # four days before: outside the default three
    kjor(date(2026, 11, 30))
    (varsel,) = Varsel.objects.filter(type=MOTE_IKKE_VURDERT)
    assert varsel.mottaker == medlem  # the chair scored; the secretary does not score
    assert "Responssenter" in varsel.tekst
    assert "1 notat å vurdere" in varsel.tittel


def test_no_scoring_reminder_when_the_portfolio_has_no_criteria(mote, medlem, leder):
    Agendapunkt.objects.create(mote=mote, notat=lag_notat(leder, status=NotatStatus.KLAR))
    kjor(date(2026, 12, 1))
    assert not Varsel.objects.filter(type=MOTE_IKKE_VURDERT).exists()


# --- parked -----------------------------------------------------------------------------------


def test_parked_input_whose_date_has_come_reminds_the_development_team(utvikler, lag_bruker):
    from ideer.models import Status

    lag_innspill(tittel="Sansehage", status=Status.PARKERT, parkert_til=date(2026, 11, 25))
    lag_innspill(tittel="Senere", status=Status.PARKERT, parkert_til=date(2026, 12, 25))
    lag_bruker("utenfor")  # not in the team
    assert kjor(date(2026, 11, 24)).nye == 0
    kjor(date(2026, 11, 25))
    (varsel,) = Varsel.objects.filter(type=PARKERT_FRIST)
    assert varsel.mottaker == utvikler and "Sansehage" in varsel.tittel


def test_parked_decision_on_a_note_reminds_the_development_team(utvikler, leder, portefolje):
    notat = lag_notat(leder, tittel="Parkert notat", status=NotatStatus.BEHANDLET)
    versjon = KonseptnotatVersjon.objects.create(notat=notat, nummer=1, innhold={})
    Beslutning.objects.create(
        notat=notat,
        portefolje=portefolje,
        utfall=Utfall.PARKERT,
        begrunnelse="Tas opp igjen etter budsjettet.",
        parkert_til=date(2026, 11, 20),
        besluttet_av=leder,
        versjon=versjon,
    )
    kjor(date(2026, 11, 25))
    (varsel,) = Varsel.objects.filter(type=PARKERT_FRIST)
    assert varsel.mottaker == utvikler and "Parkert notat" in varsel.tittel


# --- weekly digest ----------------------------------------------------------------------------

MANDAG = date(2026, 11, 30)


def test_weekly_digest_is_off_by_default(prosjekt):
    kjor(MANDAG)
    assert not Varsel.objects.filter(type=UKESAMMENDRAG).exists()


def test_weekly_digest_once_a_week_for_those_who_turn_it_on(prosjekt, prosjektleder):
    VarselInnstilling.objects.create(bruker=prosjektleder, type=UKESAMMENDRAG, epost=True)
    kjor(MANDAG)
    kjor(MANDAG)
    kjor(MANDAG + timedelta(days=1))
    (sammendrag,) = Varsel.objects.filter(type=UKESAMMENDRAG)
    assert sammendrag.mottaker == prosjektleder
    assert "Trygghetsalarmer" in sammendrag.tekst  # the unread overdue reminder
    assert any("uke 49" in m.subject for m in mail.outbox)


def test_portfolio_meeting_window_overrides_the_default(mote, portefolje, lag_bruker):
    PaminnelsesInnstilling.objects.create(portefolje=portefolje, dager_for_mote_notater=10)
    Agendapunkt.objects.create(
        mote=mote, notat=lag_notat(lag_bruker("ingrid"), status=NotatStatus.UTKAST)
    )
    kjor(date(2026, 11, 23))  # ten days before
    assert varsler(MOTE_NOTAT_IKKE_KLART) == [("ingrid", MOTE_NOTAT_IKKE_KLART)]
