"""The Celery side, eagerly: beat's schedule names a real task, and the pass task queues e-mail
only after each claim commits."""

from datetime import timedelta

import pytest
from celery.schedules import crontab
from django.conf import settings
from django.core import mail
from django.utils import timezone

from portefolje.celery import app as celery_app
from portefolje.models import Varsel
from portefolje.tasks import kjor_paminnelser
from prosjekter.paminnelser.frister import legg_til_maneder
from prosjekter.tests.paminnelser_hjelp import lag_prosjekt


def test_beat_runs_the_reminder_pass_every_hour():
    oppforing = settings.CELERY_BEAT_SCHEDULE["paminnelser"]
    celery_app.loader.import_default_modules()
    assert oppforing["task"] in celery_app.tasks
    assert oppforing["schedule"] == crontab(minute=7)  # once an hour, at a fixed minute


@pytest.mark.django_db
def test_the_pass_task_claims_then_sends_after_commit(
    portefolje, lag_bruker, django_capture_on_commit_callbacks
):
    start = legg_til_maneder(timezone.localdate() - timedelta(days=3), -1)
    lag_prosjekt(portefolje, startdato=start, leder=lag_bruker("pia"))
    with django_capture_on_commit_callbacks(execute=False) as etter_commit:
        resultat = kjor_paminnelser.delay().get()
    assert resultat["nye"] == 1 and resultat["epost_koet"] == 1
    assert mail.outbox == []  # nothing sent before the claim commits
    for callback in etter_commit:
        callback()
    assert len(mail.outbox) == 1
    assert Varsel.objects.get().epost_sendt is not None
