"""Styre's Celery tasks. They take ids only; the work is in `prosjekter.services`."""

from celery import shared_task
from django.conf import settings

from prosjekter.models import Tidslinjefil
from prosjekter.services.tidslinjefil import tidslinjefil_lag, tidslinjefiler_feie

# A worker still making a file when the sweep would queue it again is stopped first.
_FEIE_ETTER = settings.RAPPORTER["KOE_IGJEN_ETTER_MINUTTER"] * 60


@shared_task(
    name="prosjekter.tasks.lag_tidslinjefil",
    ignore_result=True,
    acks_late=True,
    soft_time_limit=_FEIE_ETTER - 60,
    time_limit=_FEIE_ETTER - 30,
)
def lag_tidslinjefil(fil_id: int) -> None:
    """Make one ordered timeline PDF. Safe to deliver twice."""
    fil = Tidslinjefil.objects.filter(pk=fil_id).first()
    if fil is not None:
        tidslinjefil_lag(fil=fil)


@shared_task(name="prosjekter.tasks.feie_tidslinjefiler", ignore_result=True)
def feie_tidslinjefiler() -> dict:
    """Every five minutes: queue again the timeline PDFs no worker finished in time, or mark
    them failed after the last attempt. Safe to run twice."""
    return tidslinjefiler_feie()
