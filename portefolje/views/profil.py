from django.shortcuts import render

from portefolje.models import Medlemskap
from portefolje.profil import seksjoner_for


def profil_view(request):
    """«Min profil»: who the portal thinks you are, your roles, and the sections apps add."""
    medlemskap = (
        Medlemskap.objects.filter(bruker=request.user, portefolje__aktiv=True)
        .select_related("portefolje")
        .order_by("portefolje__navn")
    )
    profil = getattr(request.user, "profil", None)
    return render(
        request,
        "portefolje/profil.html",
        {"profil": profil, "medlemskap": medlemskap, "seksjoner": seksjoner_for(request)},
    )
