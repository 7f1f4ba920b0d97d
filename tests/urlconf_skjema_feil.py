"""The project's URLs plus a form whose view breaks on long text, for the fuzzing's self-test."""

from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.urls import path

from portefolje.urls import handler403, handler404, handler500
from portefolje.urls import urlpatterns as prosjektets


def skjor_view(request):
    if request.method == "POST" and len(request.POST.get("tittel", "")) > 5_000:
        raise ValueError("for lang tittel")  # the kind of bug the fuzzing is there to find
    return HttpResponse(
        '<form method="post"><input type="hidden" name="csrfmiddlewaretoken" '
        f'value="{get_token(request)}"><input name="tittel"><button>Lagre</button></form>'
    )


# First, so that the fuzzing meets it before the project's own forms.
urlpatterns = [path("skjor/", skjor_view, name="skjor"), *prosjektets]

__all__ = ["handler403", "handler404", "handler500", "urlpatterns"]
