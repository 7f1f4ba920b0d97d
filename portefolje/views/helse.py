"""/helse/: is the portal able to work? For load balancers and the operator's monitoring."""

import logging

from django.contrib.auth.decorators import login_not_required
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

from portefolje import driftsstatus

logger = logging.getLogger(__name__)


def _database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:
        logger.exception("Helsesjekk: databasen svarer ikke")
        return False


def _ok(svarer: bool) -> str:
    return "ok" if svarer else "feil"


@login_not_required
@never_cache
def helse_view(request):
    database = _database_ok()
    broker = driftsstatus.broker_svarer()
    cache = driftsstatus.cache_svarer()
    # Only the database decides the status code: without it nothing works, while a broker or a
    # cache that is down delays e-mail and reports but leaves the portal usable.
    status = "ok" if database and broker and cache else ("degradert" if database else "feil")
    return JsonResponse(
        {
            "status": status,
            "database": _ok(database),
            "broker": _ok(broker),
            "cache": _ok(cache),
        },
        status=200 if database else 503,
    )
