"""The e-mail of a reminder: Norwegian, plain text and HTML, an absolute link, sent once; a mail
server or broker that is down loses nothing and doubles nothing."""

import smtplib
from datetime import date, timedelta
from unittest import mock

import pytest
from celery.exceptions import Retry
from django.core import mail
from django.core.mail.backends import locmem
from django.utils import timezone
from kombu.exceptions import OperationalError

from portefolje import driftsstatus, epost
from portefolje.models import Varsel
from portefolje.paminnelser import paminnelser_kjor
from portefolje.tasks import send_varsel_epost
from prosjekter.tests.paminnelser_hjelp import lag_prosjekt

pytestmark = pytest.mark.django_db

FORFALT = date(2026, 11, 25)


@pytest.fixture
def prosjekt(portefolje, lag_bruker):
    leder = lag_bruker("pia", first_name="Pia", last_name="Prosjektleder")
    return lag_prosjekt(
        portefolje, startdato=date(2026, 10, 20), leder=leder, tittel="Trygghetsalarmer"
    )


def eldes(minutter):
    """Make every claim look `minutter` old, as if the pass ran that long ago."""
    Varsel.objects.update(opprettet=timezone.now() - timedelta(minutes=minutter))


def test_email_is_norwegian_with_text_html_and_an_absolute_link(prosjekt, settings):
    settings.PORTAL_BASE_URL = "https://portal.ovre-eiker.example"
    settings.DEFAULT_FROM_EMAIL = "Porteføljeportalen <portal@ovre-eiker.example>"
    paminnelser_kjor(idag=FORFALT, synkron=True)
    (melding,) = mail.outbox
    assert melding.from_email == "Porteføljeportalen <portal@ovre-eiker.example>"
    assert melding.subject == "Porteføljeportalen: Statusrapport for «Trygghetsalarmer» er forfalt"
    lenke = f"https://portal.ovre-eiker.example/prosjekter/{prosjekt.pk}/"
    assert melding.body.startswith("Hei Pia Prosjektleder,")
    assert "skulle vært levert 20. november 2026" in melding.body
    assert lenke in melding.body
    ((html, mimetype),) = melding.alternatives
    assert mimetype == "text/html"
    assert f'href="{lenke}"' in html
    assert "https://portal.ovre-eiker.example/varsler/innstillinger/" in html


def test_sending_the_same_notification_twice_sends_one_email(prosjekt):
    paminnelser_kjor(idag=FORFALT, synkron=True)
    varsel = Varsel.objects.get()
    assert varsel.epost_sendt is not None
    assert epost.varsel_epost_send(varsel_id=varsel.pk) == epost.ALLEREDE_SENDT
    assert send_varsel_epost.delay(varsel.pk).get() == epost.ALLEREDE_SENDT
    assert len(mail.outbox) == 1


def test_mail_server_down_is_retried_by_the_next_pass_and_sent_once(prosjekt):
    with mock.patch.object(
        locmem.EmailBackend, "send_messages", side_effect=smtplib.SMTPServerDisconnected("nede")
    ):
        forste = paminnelser_kjor(idag=FORFALT, synkron=True)
    assert (forste.nye, forste.epost_feilet, len(mail.outbox)) == (1, 1, 0)
    assert Varsel.objects.get().epost_sendt is None

    # Too soon: a pass a minute later leaves it (a worker may still be retrying).
    assert paminnelser_kjor(idag=FORFALT, synkron=True).ettersendt == 0
    eldes(15)
    andre = paminnelser_kjor(idag=FORFALT, synkron=True)
    assert (andre.nye, andre.ettersendt, andre.epost_sendt) == (0, 1, 1)
    eldes(30)
    assert paminnelser_kjor(idag=FORFALT, synkron=True).ettersendt == 0
    assert len(mail.outbox) == 1


def test_the_task_asks_celery_to_retry_a_failing_mail_server(prosjekt):
    paminnelser_kjor(idag=FORFALT, synkron=False)  # claims; on_commit never fires in this test
    varsel = Varsel.objects.get()
    with (
        mock.patch.object(
            locmem.EmailBackend, "send_messages", side_effect=ConnectionRefusedError("SMTP nede")
        ),
        pytest.raises(Retry),
    ):  # eagerly, Celery raises what a worker would schedule
        send_varsel_epost.apply(args=[varsel.pk])
    varsel.refresh_from_db()
    assert varsel.epost_sendt is None and mail.outbox == []
    assert send_varsel_epost.max_retries and send_varsel_epost.retry_backoff

    send_varsel_epost.apply(args=[varsel.pk])  # the retry, with the server back
    send_varsel_epost.apply(args=[varsel.pk])  # a duplicate retry sends nothing
    assert len(mail.outbox) == 1


def test_old_unsent_claims_are_given_up_and_not_retried_forever(prosjekt, settings):
    with mock.patch.object(locmem.EmailBackend, "send_messages", side_effect=OSError("nede")):
        paminnelser_kjor(idag=FORFALT, synkron=True)
    eldes(60 * settings.PAMINNELSER["GI_OPP_ETTER_TIMER"] + 5)
    assert paminnelser_kjor(idag=FORFALT, synkron=True).ettersendt == 0
    assert mail.outbox == []
    assert Varsel.objects.get().lest is None  # still in the portal


@pytest.fixture
def glemt_driftsstatus():
    """What this process learnt about the broker is forgotten after the test."""
    yield
    driftsstatus.glem()


def test_broker_down_when_queueing_is_logged_and_picked_up_later(
    prosjekt, django_capture_on_commit_callbacks, caplog, glemt_driftsstatus
):
    with (
        mock.patch.object(
            send_varsel_epost, "delay", side_effect=OperationalError("Error 111 connecting")
        ),
        django_capture_on_commit_callbacks(execute=True),
    ):
        resultat = paminnelser_kjor(idag=FORFALT)  # as the beat task runs it
    assert resultat.nye == 1
    assert mail.outbox == []
    assert "neste påminnelsesrunde prøver igjen" in caplog.text
    varsel = Varsel.objects.get()
    assert varsel.epost_onsket and varsel.epost_sendt is None

    eldes(15)
    with django_capture_on_commit_callbacks(execute=True):
        igjen = paminnelser_kjor(idag=FORFALT)  # broker back: queued again, sent eagerly
    assert (igjen.nye, igjen.ettersendt) == (0, 1)
    assert len(mail.outbox) == 1


def test_email_removed_after_the_claim_is_logged_and_not_retried(prosjekt, caplog):
    paminnelser_kjor(idag=FORFALT, synkron=False)
    varsel = Varsel.objects.get()
    prosjekt.prosjektleder.email = ""
    prosjekt.prosjektleder.save(update_fields=["email"])
    assert epost.varsel_epost_send(varsel_id=varsel.pk) == epost.INGEN_ADRESSE
    varsel.refresh_from_db()
    assert not varsel.epost_onsket
    assert "ingen e-postadresse" in caplog.text
    eldes(15)
    assert paminnelser_kjor(idag=FORFALT, synkron=True).ettersendt == 0


def test_a_missing_notification_is_logged_not_an_error():
    assert epost.varsel_epost_send(varsel_id=987654) == epost.FINNES_IKKE
