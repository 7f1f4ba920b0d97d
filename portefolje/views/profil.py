from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _

from portefolje.forms_sprak import SprakForm
from portefolje.models import Medlemskap
from portefolje.profil import seksjoner_for
from portefolje.sprak import profilsprak_lagre, sprak_informasjonskapsel, sprak_valgt


def profil_view(request):
    """«Min profil»: who the portal thinks you are, your roles, the sections apps add, and the
    written language you read the portal and your e-mail in (POST saves it)."""
    if request.method == "POST":
        sprakform = SprakForm(request.POST)
        if sprakform.is_valid():
            valgt = sprakform.cleaned_data["sprak"]
            gjelder = profilsprak_lagre(bruker=request.user, sprak=valgt, request=request)
            with translation.override(gjelder):
                messages.success(request, _("Your written language is saved."))
            return sprak_informasjonskapsel(redirect("profil"), valgt)
    else:
        sprakform = None
    return profil_side(request, sprakform=sprakform)


def profil_side(request, *, sprakform=None):
    """The page itself. A section's own form posts to its own view, which renders the page again
    with that form's errors through this function (api/views/nokler.py), never through
    `profil_view`, whose POST is the language form."""
    if sprakform is None:
        sprakform = SprakForm(initial={"sprak": sprak_valgt(request.user)})
    medlemskap = (
        Medlemskap.objects.filter(bruker=request.user, portefolje__aktiv=True)
        .select_related("portefolje")
        .order_by("portefolje__navn")
    )
    profil = getattr(request.user, "profil", None)
    return render(
        request,
        "portefolje/profil.html",
        {
            "profil": profil,
            "medlemskap": medlemskap,
            "seksjoner": seksjoner_for(request),
            "sprakform": sprakform,
        },
    )
