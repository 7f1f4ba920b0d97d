"""Rate limit for the API, counted in the cache (Redis in production) per user or address.

DRF's own throttle keeps a list of times in the cache and writes it back: requests in parallel
read the same list, and each is let through. This one counts with the core's atomic counter
(`portefolje.klient.tell_forsok`), shared by every web process, and counted per process while
the cache is down rather than failing the request.
"""

from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle

from portefolje.klient import klientadresse, over_grensen


class ApiStruping(SimpleRateThrottle):
    """`API_STRUPING` requests per period (e.g. «600/min»); empty turns it off. The period starts
    at a client's first request and the count starts again after it."""

    scope = "api"

    def get_rate(self):
        return getattr(settings, "API_STRUPING", "600/min") or None

    def get_cache_key(self, request, view):
        if request.user and request.user.is_authenticated:
            ident = f"bruker-{request.user.pk}"
        else:
            ident = f"adresse-{klientadresse(request._request)}"
        return self.cache_format % {"scope": self.scope, "ident": ident}

    def allow_request(self, request, view):
        if self.rate is None:
            return True
        nokkel = self.get_cache_key(request, view)
        return not over_grensen(nokkel, grense=self.num_requests, sekunder=self.duration)

    def wait(self):
        # The window's remaining time is not kept; its whole length is an upper bound.
        return self.duration
