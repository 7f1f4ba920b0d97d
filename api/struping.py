"""Rate limit for the API, counted in the cache (Redis in production) per user or address."""

from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle

from portefolje.klient import klientadresse


class ApiStruping(SimpleRateThrottle):
    """`API_STRUPING` requests per period (e.g. «600/min»); empty turns it off."""

    scope = "api"

    def get_rate(self):
        return getattr(settings, "API_STRUPING", "600/min") or None

    def get_cache_key(self, request, view):
        if request.user and request.user.is_authenticated:
            ident = f"bruker-{request.user.pk}"
        else:
            ident = f"adresse-{klientadresse(request._request)}"
        return self.cache_format % {"scope": self.scope, "ident": ident}
