"""Choosing the written language from any page, signed in or not."""

from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST
from django.views.i18n import set_language

from portefolje.sprak import profilsprak_lagre, sprak_gyldig


@login_not_required
@require_POST
def sprak_velg_view(request):
    """Django's `set_language` (the language cookie, back to `next`), for the portal's languages
    only: an unknown code changes nothing and goes back where it came from. A signed-in person's
    choice is saved on their profile too, so their e-mail follows it."""
    kode = request.POST.get("language")
    if not sprak_gyldig(kode):
        neste = request.POST.get("next", "")
        trygg = url_has_allowed_host_and_scheme(
            neste, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
        return HttpResponseRedirect(neste if trygg and neste else "/")
    if request.user.is_authenticated:
        profilsprak_lagre(bruker=request.user, sprak=kode, request=request)
    return set_language(request)
