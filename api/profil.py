"""The «API keys» section of «Min profil»."""

from django.urls import reverse
from django.utils.translation import gettext as _

from api.forms import NokkelForm
from api.models import ApiNokkel
from portefolje.profil import Profilseksjon

VIS_NOKLER = 50


def nokkelseksjon(request) -> Profilseksjon | None:
    """One query: the person's keys, newest first (the new secret comes from the session)."""
    if not request.user.is_authenticated:
        return None
    ny = request.session.pop("api_ny_nokkel", None)
    nokler = list(ApiNokkel.objects.filter(bruker=request.user)[:VIS_NOKLER])
    return Profilseksjon(
        tittel=_("API keys"),
        mal="api/profil_nokler.html",
        rekkefolge=50,
        kontekst={
            "nokler": nokler,
            "ny": ny,
            "form": getattr(request, "api_nokkelskjema", None) or NokkelForm(),
            "dokumentasjon": reverse("api:dokumentasjon"),
        },
    )
