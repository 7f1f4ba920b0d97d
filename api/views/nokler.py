"""Making and revoking one's own API keys, from the section on «Min profil» (api/profil.py)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from api import services
from api.forms import NokkelForm
from api.models import ApiNokkel
from portefolje.skjema import engangsnokkel, opprett_en_gang
from portefolje.views.profil import profil_side

OKTNOKKEL = "api_ny_nokkel"


@require_POST
def nokkel_ny_view(request):
    form = NokkelForm(request.POST)
    if form.is_valid():
        hemmeligheter = []

        def opprett():
            nokkel, hemmelighet = services.nokkel_opprett(
                bruker=request.user, navn=form.cleaned_data["navn"], gyldig=form.gyldig()
            )
            hemmeligheter.append(hemmelighet)
            return nokkel

        try:
            nokkel, ny = opprett_en_gang(
                nokkel=engangsnokkel(request, form.cleaned_data.get("skjema_nokkel")),
                opprett=opprett,
            )
        except ValidationError as feil:
            form.add_error(None, feil)
        else:
            if ny:
                # Shown once, on the profile page it returns to, then gone from the session.
                request.session[OKTNOKKEL] = {"id": nokkel.pk, "hemmelighet": hemmeligheter[0]}
            else:
                messages.info(request, _("The key was already made by this form."))
            return redirect("profil")
    # The profile page again, with the form and its messages at the fields.
    request.api_nokkelskjema = form
    svar = profil_side(request)
    svar.status_code = 400
    return svar


@require_POST
def nokkel_trekk_tilbake_view(request, pk):
    """Only one's own keys: another person's key is a 404, as if it did not exist."""
    nokkel = get_object_or_404(ApiNokkel, pk=pk, bruker=request.user)
    services.nokkel_trekk_tilbake(nokkel=nokkel, aktor=request.user)
    messages.success(
        request, _("The key «%(navn)s» is revoked and no longer works.") % {"navn": nokkel.navn}
    )
    return redirect("profil")
