"""Who is asking, and how often: the client's address and cache-based rate limits.

The one place that reads a client address. The public form's rate limit, the password reset
throttle, axes (`AXES_CLIENT_IP_CALLABLE`) and the audit log all call `klientadresse`, so
running behind the municipality's proxy is configured once: `TRUSTED_PROXY_COUNT`.
"""

import ipaddress

from django.conf import settings
from django.core.cache import cache


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


def over_grensen(nokkel: str, *, grense: int, sekunder: int) -> bool:
    """Count one attempt under `nokkel`; True when this attempt is beyond `grense` per window.

    The counter lives in Django's cache: in production the shared Redis (see settings, CACHES),
    so several web processes count together.
    """
    nokkel = f"grense:{nokkel}"
    cache.add(nokkel, 0, timeout=sekunder)
    try:
        antall = cache.incr(nokkel)
    except ValueError:  # expired between add and incr
        cache.set(nokkel, 1, timeout=sekunder)
        antall = 1
    return antall > grense
