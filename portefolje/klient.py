"""Who is asking, and how often: the client's address and cache-based rate limits.

The rate limits (the public form, password reset, the API) all count with `tell_forsok`: one
atomic counter per key in the shared cache, and a per-process count while the cache is down.

The one place that reads a client address. The public form's rate limit, the password reset
throttle, axes (`AXES_CLIENT_IP_CALLABLE`) and the audit log all call `klientadresse`, so
running behind the municipality's proxy is configured once: `TRUSTED_PROXY_COUNT`.
"""

import ipaddress
import logging

from django.conf import settings
from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache
from redis.exceptions import RedisError

from portefolje import driftsstatus

logger = logging.getLogger("portefolje.klient")


def _gyldig(adresse: str) -> str | None:
    try:
        return str(ipaddress.ip_address(adresse.strip()))
    except ValueError:
        return None


def klientadresse(request) -> str | None:
    """The address of the person at the other end, as far as we can trust it.

    With `TRUSTED_PROXY_COUNT = 0` (no proxy) that is `REMOTE_ADDR`; anything in
    `X-Forwarded-For` is ignored, since the client may have written it. Behind N proxies each
    appends the address it received the request from, so the client is the N-th entry from the
    right of `X-Forwarded-For` + `REMOTE_ADDR`; entries further left were written by the client
    and are never read. A malformed entry gives None («unknown»), never the proxy's address.
    """
    if request is None:
        return None
    fjern = _gyldig(request.META.get("REMOTE_ADDR") or "")
    antall = settings.TRUSTED_PROXY_COUNT
    if antall <= 0:
        return fjern
    kjede = [a for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if a.strip()]
    kjede.append(fjern or "")
    # Fewer entries than proxies: the request did not pass all of them; take the leftmost that
    # a trusted proxy wrote.
    kandidat = kjede[-(antall + 1)] if len(kjede) > antall else kjede[0]
    return _gyldig(kandidat)


# When the shared cache does not answer, each process counts for itself until it does: a limit
# per process is weaker, but a citizen's text is saved and an API client is answered.
_reserve = LocMemCache("grense-reserve", {"TIMEOUT": None, "OPTIONS": {"MAX_ENTRIES": 10_000}})


def _tell(teller, nokkel: str, sekunder: int) -> int:
    """One more under `nokkel` in `teller`, atomically: the key is added with its expiry if it
    is missing, then incremented (in Redis: SET NX EX, then INCR, which keeps the expiry). The
    window starts at the first attempt and ends `sekunder` later."""
    teller.add(nokkel, 0, timeout=sekunder)
    try:
        return teller.incr(nokkel)
    except ValueError:  # expired between add and incr: this attempt opens a new window
        teller.add(nokkel, 0, timeout=sekunder)
        return teller.incr(nokkel)


def tell_forsok(nokkel: str, *, sekunder: int) -> int:
    """Count one attempt under `nokkel`; returns the count in the current window.

    The counter lives in Django's cache: in production the shared Redis (see settings, CACHES),
    so every web process counts together, and no two requests read the same count. With the
    cache down, the process's own memory counts instead (logged as a warning), never an error.
    """
    nokkel = f"grense:{nokkel}"
    try:
        return _tell(cache, nokkel, sekunder)
    except RedisError:
        logger.warning(
            "Cachen svarer ikke; grensen for %s telles i denne prosessen", nokkel, exc_info=True
        )
        driftsstatus.marker_nede(driftsstatus.CACHE)
        return _tell(_reserve, nokkel, sekunder)


def over_grensen(nokkel: str, *, grense: int, sekunder: int) -> bool:
    """Count one attempt under `nokkel`; True when this attempt is beyond `grense` per window."""
    return tell_forsok(nokkel, sekunder=sekunder) > grense
