"""Samle's background work."""

from celery import shared_task

from ideer.services import innspill_anonymiser_utlopte


@shared_task(name="ideer.tasks.anonymiser_innspill")
def anonymiser_innspill() -> int:
    """Daily: remove citizens' names and e-mail from inputs closed beyond the retention period.

    Takes no arguments (it works on whatever is due), and is safe to run twice.
    """
    return innspill_anonymiser_utlopte()
