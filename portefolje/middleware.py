"""Middleware of the core."""

from django.conf import settings
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_vary_headers

from portefolje.sprak import SESJONSNOKKEL, sprak_eller_standard, sprak_gyldig


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


class SprakMiddleware:
    """The language of every page, in place of Django's LocaleMiddleware.

    A signed-in person's profile choice (carried in the session from login, see
    `portefolje.sprak`), then the language cookie from `set_language`, then the municipality's
    `LANGUAGE_CODE`. The browser's Accept-Language is not consulted (see `portefolje.sprak`).
    An unknown code in the cookie or session is ignored, never an error.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        okt = getattr(request, "session", None)
        valgt = okt.get(SESJONSNOKKEL) if okt is not None else None
        if not sprak_gyldig(valgt):
            valgt = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        sprak = sprak_eller_standard(valgt)
        translation.activate(sprak)
        request.LANGUAGE_CODE = sprak
        response = self.get_response(request)
        patch_vary_headers(response, ("Cookie",))
        response.headers.setdefault("Content-Language", translation.get_language())
        return response
