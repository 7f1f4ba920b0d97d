"""Retention: citizens' name and e-mail go after the configured months; the content stays."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from ideer.models import Innspill, Status
from ideer.services import innspill_anonymiser_utlopte
from ideer.tasks import anonymiser_innspill
from ideer.tests.factories import InnbyggerInnspillFactory, InnspillFactory
from portefolje.models import Hendelse

pytestmark = pytest.mark.django_db


def lukket_for(dager, **kwargs):
    return InnbyggerInnspillFactory(
        status=Status.BESVART, lukket=timezone.now() - timedelta(days=dager), **kwargs
    )


def test_task_removes_name_and_email_after_retention(settings):
    settings.INNSPILL_OPPBEVARING_MAANEDER = 24
    gammel = lukket_for(365 * 2 + 10, beskrivelse="Innholdet blir")
    ny = lukket_for(30)
    apen = InnbyggerInnspillFactory(opprettet=timezone.now() - timedelta(days=1000))

    assert anonymiser_innspill.delay().get() == 1

    gammel.refresh_from_db()
    assert (gammel.innsender_navn, gammel.innsender_epost, gammel.samtykke_epost) == ("", "", False)
    assert gammel.anonymisert is not None
    assert gammel.beskrivelse == "Innholdet blir"
    assert Hendelse.objects.for_objekt(gammel).filter(handling="anonymisert").exists()
    for urort in (ny, apen):
        urort.refresh_from_db()
        assert urort.innsender_epost == "kari@example.no"


def test_retention_setting_is_respected(settings):
    gammel = lukket_for(100)
    settings.INNSPILL_OPPBEVARING_MAANEDER = 6
    assert innspill_anonymiser_utlopte() == 0
    settings.INNSPILL_OPPBEVARING_MAANEDER = 3
    assert innspill_anonymiser_utlopte() == 1
    gammel.refresh_from_db()
    assert gammel.innsender_navn == ""


def test_running_twice_changes_nothing_more():
    lukket_for(1000)
    assert innspill_anonymiser_utlopte() == 1
    assert innspill_anonymiser_utlopte() == 0


def test_employees_are_not_anonymised(ansatt):
    InnspillFactory(
        innsender=ansatt, status=Status.BESVART, lukket=timezone.now() - timedelta(days=1000)
    )
    assert innspill_anonymiser_utlopte() == 0
    assert Innspill.objects.get().innsender == ansatt


def test_command_runs_the_same_pass():
    lukket_for(1000)
    call_command("anonymiser_innspill")
    assert Innspill.objects.get().anonymisert is not None


def test_task_is_scheduled_daily(settings):
    oppforing = settings.CELERY_BEAT_SCHEDULE["ideer-anonymiser-innspill"]
    assert oppforing["task"] == "ideer.tasks.anonymiser_innspill"
    # Once a day, at night: crontab fields are sets of the values they match.
    assert oppforing["schedule"].hour == {3}
    assert len(oppforing["schedule"].minute) == 1


def test_privacy_page_states_the_configured_period(client, settings):
    settings.INNSPILL_OPPBEVARING_MAANEDER = 18
    assert "18 måneder" in client.get("/personvern/").content.decode()


def test_attachments_file_names_and_history_go_with_the_person(django_capture_on_commit_callbacks):
    """The attachment, its original name and the field history are personal too."""
    from django.core.files.base import ContentFile

    from ideer.services import innspill_legg_ved
    from ideer.tests.hjelp import PDF

    gammel = lukket_for(1000)
    vedlegg = innspill_legg_ved(
        innspill=gammel, fil=ContentFile(PDF, name="Kari Nordmann søknad.pdf"), filtype="pdf"
    )
    lagring, filnavn = vedlegg.fil.storage, vedlegg.fil.name
    assert lagring.exists(filnavn)

    with django_capture_on_commit_callbacks(execute=True):
        assert innspill_anonymiser_utlopte() == 1

    assert not gammel.vedlegg.exists()
    assert not lagring.exists(filnavn)
    linjer = Hendelse.objects.for_objekt(gammel).values_list("beskrivelse", flat=True)
    assert not any("Kari" in linje for linje in linjer)
    assert not gammel.history.filter(innsender_epost="kari@example.no").exists()
    assert not gammel.history.exclude(innsender_navn="").exists()
