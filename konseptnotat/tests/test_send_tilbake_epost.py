"""Begrunne's «sent back» notice: the notification and its e-mail happen at the action, when
its transaction commits, and no reminder pass makes or sends it again."""

from datetime import date

import pytest
from django.core import mail

from konseptnotat.models import Status
from konseptnotat.tests.factories import KonseptnotatFactory
from konseptnotat.varsler import KONSEPTNOTAT_TIL_REVISJON
from portefolje.models import Varsel, VarselInnstilling
from portefolje.paminnelser import paminnelser_kjor

pytestmark = pytest.mark.django_db


@pytest.fixture
def notat(lag_bruker):
    eier = lag_bruker("ingrid", first_name="Ingrid")
    return KonseptnotatFactory(eier=eier, status=Status.INNSENDT, tittel="Dagtilbud for eldre")


def send_tilbake(klient, notat, kommentar):
    side = klient.get(f"/konseptnotater/{notat.pk}/").content.decode()
    lenke = f"/konseptnotater/{notat.pk}/send-tilbake/"
    assert lenke in side  # the button the development team uses
    return klient.post(lenke, {"kommentar": kommentar})


def test_sent_back_email_leaves_when_the_action_commits(
    klient_for, utvikler, notat, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        svar = send_tilbake(klient_for(utvikler), notat, "Beskriv nullalternativet.")
        assert mail.outbox == []  # nothing before the commit
    assert svar.status_code == 302
    (melding,) = mail.outbox
    assert melding.to == [notat.eier.email]
    assert "Dagtilbud for eldre" in melding.subject
    assert "Beskriv nullalternativet." in melding.body
    varsel = Varsel.objects.get(type=KONSEPTNOTAT_TIL_REVISJON)
    assert varsel.mottaker == notat.eier and varsel.epost_sendt is not None


def test_the_reminder_pass_does_not_make_the_notice_again(
    klient_for, utvikler, notat, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        send_tilbake(klient_for(utvikler), notat, "Mer om kostnadene.")
    resultat = paminnelser_kjor(idag=date.today(), synkron=True)
    assert (resultat.nye, resultat.epost_sendt, resultat.ettersendt) == (0, 0, 0)
    assert Varsel.objects.filter(type=KONSEPTNOTAT_TIL_REVISJON).count() == 1
    assert len(mail.outbox) == 1


def test_owner_who_turned_the_kind_off_gets_the_notice_only_in_the_portal(
    klient_for, utvikler, notat, django_capture_on_commit_callbacks
):
    VarselInnstilling.objects.create(bruker=notat.eier, type=KONSEPTNOTAT_TIL_REVISJON, epost=False)
    with django_capture_on_commit_callbacks(execute=True):
        send_tilbake(klient_for(utvikler), notat, "Mer om kostnadene.")
    assert mail.outbox == []
    varsel = Varsel.objects.get(type=KONSEPTNOTAT_TIL_REVISJON)
    assert not varsel.epost_onsket
