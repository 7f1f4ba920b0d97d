"""Reports' Celery tasks. They take ids only; the work is in `rapporter.services`."""

from celery import shared_task
from django.conf import settings

from rapporter.models import Portefoljerapport
from rapporter.services import portefoljerapport_lag, portefoljerapporter_feie

# A worker still making a report when the sweep would queue it again is stopped first: the soft
# limit records the failure on the report, the hard limit ends a worker that ignores it.
_FEIE_ETTER = settings.RAPPORTER["KOE_IGJEN_ETTER_MINUTTER"] * 60


@shared_task(
    name="rapporter.tasks.lag_portefoljerapport",
    ignore_result=True,
    acks_late=True,
    soft_time_limit=_FEIE_ETTER - 60,
    time_limit=_FEIE_ETTER - 30,
)
def lag_portefoljerapport(rapport_id: int) -> None:
    """Make one ordered portfolio report (PDF and Word). Safe to deliver twice."""
    rapport = Portefoljerapport.objects.filter(pk=rapport_id).first()
    if rapport is not None:
        portefoljerapport_lag(rapport=rapport)


@shared_task(name="rapporter.tasks.feie_portefoljerapporter", ignore_result=True)
def feie_portefoljerapporter() -> dict:
    """Every five minutes: queue again the reports no worker finished in time, or mark them
    failed after the last attempt (see rapporter.services.portefoljerapporter_feie). Safe to
    run twice."""
    return portefoljerapporter_feie()
