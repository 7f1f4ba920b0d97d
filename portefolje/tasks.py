"""The core's background work."""

from celery import shared_task

from portefolje.skjema import skjemanokler_rydd


@shared_task(name="portefolje.tasks.rydd_skjemanokler")
def rydd_skjemanokler() -> int:
    """Daily: remove one-time form keys too old to meet a repeated post. Safe to run twice."""
    return skjemanokler_rydd()
