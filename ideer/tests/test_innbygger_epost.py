"""Citizens' e-mail goes the core's one way: claimed with the change, queued on commit, sent by a
retried task, never in the request; a mail server that is down is never a 500."""

import smtplib
from unittest import mock

import pytest
from django.core import mail
from django.core.mail.backends import locmem

from ideer.paminnelser import INNSPILL_BESVART
from ideer.services import innspill_anonymiser_utlopte
from ideer.tests.factories import InnbyggerInnspillFactory
from portefolje import epost
from portefolje.models import Varsel
from portefolje.tasks import send_varsel_epost

pytestmark = pytest.mark.django_db


def svar(klient, innspill, tekst, **data):
    innspill.refresh_from_db()
    return klient.post(
        f"/ideer/{innspill.pk}/triage/",
        {"versjon": innspill.versjon, "handling": "svar", "svar": tekst, **data},
    )


def test_saving_the_same_answer_again_sends_no_second_email(
    klient_for, utvikler, django_capture_on_commit_callbacks
):
    innspill = InnbyggerInnspillFactory()
    klient = klient_for(utvikler)
    with django_capture_on_commit_callbacks(execute=True):
        assert svar(klient, innspill, "Lysene kommer i januar.").status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        # The answer box comes back pre-filled; saving it again (also to close) is no news.
        assert svar(klient, innspill, "Lysene kommer i januar.", lukk="on").status_code == 302
    assert len(mail.outbox) == 1
    with django_capture_on_commit_callbacks(execute=True):
        assert svar(klient, innspill, "Lysene kommer i februar.").status_code == 302
    assert [m.to for m in mail.outbox] == [["kari@example.no"]] * 2
    assert "februar" in mail.outbox[1].body


def test_a_title_with_line_breaks_cannot_add_headers_and_is_no_500(
    klient_for, utvikler, django_capture_on_commit_callbacks
):
    innspill = InnbyggerInnspillFactory(tittel="Hei\r\nBcc: alle@example.no\nSubject: x")
    with django_capture_on_commit_callbacks(execute=True):
        assert svar(klient_for(utvikler), innspill, "Takk for innspillet.").status_code == 302
    (melding,) = mail.outbox
    assert "\n" not in melding.subject and "\r" not in melding.subject
    assert melding.bcc == [] and melding.recipients() == ["kari@example.no"]
    headere = melding.message()
    assert headere["Bcc"] is None and headere.get_all("Subject") == [melding.subject]


def test_no_smtp_in_the_request_the_task_sends_it(
    klient_for, utvikler, django_capture_on_commit_callbacks
):
    innspill = InnbyggerInnspillFactory()
    with (
        mock.patch.object(send_varsel_epost, "delay") as delay,
        mock.patch.object(locmem.EmailBackend, "send_messages") as smtp,
        django_capture_on_commit_callbacks(execute=True),
    ):
        assert svar(klient_for(utvikler), innspill, "Takk.").status_code == 302
    smtp.assert_not_called()
    varsel = Varsel.objects.get(type=INNSPILL_BESVART, mottaker__isnull=True)
    delay.assert_called_once_with(varsel.pk)
    assert varsel.mottaker_epost == "kari@example.no" and varsel.epost_sendt is None
    assert send_varsel_epost.apply(args=[varsel.pk]).get() == epost.SENDT
    varsel.refresh_from_db()
    assert varsel.epost_sendt is not None
    assert varsel.mottaker_epost == ""  # the address is kept only until the e-mail is sent


def test_mail_server_down_is_logged_retried_and_never_a_500(
    klient_for, utvikler, django_capture_on_commit_callbacks, caplog
):
    innspill = InnbyggerInnspillFactory()
    with (
        mock.patch.object(
            locmem.EmailBackend, "send_messages", side_effect=smtplib.SMTPServerDisconnected("nede")
        ),
        django_capture_on_commit_callbacks(execute=True),
    ):
        assert svar(klient_for(utvikler), innspill, "Takk.").status_code == 302
    assert mail.outbox == [] and "varsel" in caplog.text.lower()
    varsel = Varsel.objects.get(type=INNSPILL_BESVART)
    assert varsel.epost_onsket and varsel.epost_sendt is None
    assert send_varsel_epost.apply(args=[varsel.pk]).get() == epost.SENDT  # the retry
    assert send_varsel_epost.apply(args=[varsel.pk]).get() == epost.ALLEREDE_SENDT
    assert len(mail.outbox) == 1


def test_anonymising_the_input_forgets_an_unsent_address(klient_for, utvikler):
    innspill = InnbyggerInnspillFactory()
    svar(klient_for(utvikler), innspill, "Takk.", lukk="on")  # on_commit never runs here
    innspill.refresh_from_db()
    innspill_anonymiser_utlopte(
        maaneder=0, na=innspill.lukket.replace(year=innspill.lukket.year + 1)
    )
    varsel = Varsel.objects.get(type=INNSPILL_BESVART)
    assert varsel.mottaker_epost == "" and not varsel.epost_onsket
    assert send_varsel_epost.apply(args=[varsel.pk]).get() == epost.IKKE_ONSKET
