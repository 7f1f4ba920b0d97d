"""Reports' Celery tasks. They take ids only; the work is in `rapporter.services`."""

from celery import shared_task

from rapporter.models import Portefoljerapport
from rapporter.services import portefoljerapport_lag


@shared_task(name="rapporter.tasks.lag_portefoljerapport", ignore_result=True, acks_late=True)
def lag_portefoljerapport(rapport_id: int) -> None:
    """Make one ordered portfolio report (PDF and Word). Safe to deliver twice."""
    rapport = Portefoljerapport.objects.filter(pk=rapport_id).first()
    if rapport is not None:
        portefoljerapport_lag(rapport=rapport)
