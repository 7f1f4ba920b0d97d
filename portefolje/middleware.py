"""Middleware of the core."""

from django.utils.cache import add_never_cache_headers


class IngenLagringForInnloggetMiddleware:
    """Pages for a signed-in person are never stored by the browser or a proxy on the way.

    They hold personal data (names, assessments, exports); `Cache-Control: no-store, private`
    keeps them out of a shared proxy's cache and the back button's disk cache on a shared PC.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        bruker = getattr(request, "user", None)
        if bruker is not None and bruker.is_authenticated:
            add_never_cache_headers(response)
        return response
