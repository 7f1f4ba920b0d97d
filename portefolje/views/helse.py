"""/helse/: is the portal able to work? For load balancers and the operator's monitoring."""

import logging

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from kombu import Connection

logger = logging.getLogger(__name__)


def _database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:
        logger.exception("Helsesjekk: databasen svarer ikke")
        return False


def _broker_ok() -> bool:
    try:
        with Connection(
            settings.CELERY_BROKER_URL,
            transport_options=settings.CELERY_BROKER_TRANSPORT_OPTIONS,
            connect_timeout=2,
        ) as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
        return True
    except Exception:
        logger.warning("Helsesjekk: meldingskøen (broker) svarer ikke", exc_info=True)
        return False


@login_not_required
@never_cache
def helse_view(request):
    database = _database_ok()
    broker = _broker_ok()
    # Only the database decides the status code: without it nothing works, while a broker that
    # is down delays reminders but leaves the portal usable.
    return JsonResponse(
        {
            "status": "ok" if database and broker else ("degradert" if database else "feil"),
            "database": "ok" if database else "feil",
            "broker": "ok" if broker else "feil",
        },
        status=200 if database else 503,
    )
