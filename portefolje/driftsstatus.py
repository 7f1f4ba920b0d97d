"""Is the broker or the cache down? Asked by /helse/ and by every page's «degradert» notice.

Without the broker (Redis) e-mail and reports wait; without the cache the rate limits count per
process. Neither stops anyone from working, but people should know why their report is slow, so
the layout says so (portefolje.context_processors). A page must not pay a network round trip for
that: each process asks at most every half minute, and learns at once when one of its own calls
fails (`marker_nede`, from the queueing helper and the rate limits).
"""

import logging
import time

from django.conf import settings
from django.core.cache import cache
from kombu import Connection

logger = logging.getLogger("portefolje.driftsstatus")

BROKER = "broker"
CACHE = "cache"

# How long one process trusts what it last found, in seconds.
SJEKK_HVERT = 30
_TIDSAVBRUDD = 1

# {service: (answers, when we found out)}, per process.
_kjent: dict[str, tuple[bool, float]] = {}


def broker_svarer() -> bool:
    """Whether the broker accepts a connection now (asks it)."""
    try:
        with Connection(
            settings.CELERY_BROKER_URL,
            transport_options=settings.CELERY_BROKER_TRANSPORT_OPTIONS,
            connect_timeout=_TIDSAVBRUDD,
        ) as forbindelse:
            forbindelse.ensure_connection(max_retries=1, timeout=_TIDSAVBRUDD)
        svar = True
    except Exception:
        logger.warning("Meldingskøen (broker) svarer ikke", exc_info=True)
        svar = False
    _kjent[BROKER] = (svar, time.monotonic())
    return svar


def cache_svarer() -> bool:
    """Whether the cache that holds the rate limits answers now (asks it)."""
    try:
        cache.get("driftsstatus:ping")
        svar = True
    except Exception:
        logger.warning("Cachen (rate-grensene) svarer ikke", exc_info=True)
        svar = False
    _kjent[CACHE] = (svar, time.monotonic())
    return svar


_SJEKKER = {BROKER: broker_svarer, CACHE: cache_svarer}


def marker_nede(tjeneste: str) -> None:
    """Record that a call to `tjeneste` just failed, so the pages say so without asking again."""
    _kjent[tjeneste] = (False, time.monotonic())


def nede() -> list[str]:
    """The services found down, from what this process knew in the last half minute (asking
    again those it has not heard from since)."""
    naa = time.monotonic()
    borte = []
    for tjeneste, sjekk in _SJEKKER.items():
        kjent = _kjent.get(tjeneste)
        svarer = kjent[0] if kjent and naa - kjent[1] < SJEKK_HVERT else sjekk()
        if not svarer:
            borte.append(tjeneste)
    return borte


def glem() -> None:
    """Forget what was found (tests, and a process that knows the services are back)."""
    _kjent.clear()
