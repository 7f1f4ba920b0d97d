"""Helpers shared by Styre's views: fetching a project with a permission check first."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from prosjekter import permissions
from prosjekter.models import Prosjekt


def hent_prosjekt(request, pk, *, skrive: bool = False) -> Prosjekt:
    """The project, or 403 when the user may not read it (or write to it, with `skrive`)."""
    prosjekt = get_object_or_404(
        Prosjekt.objects.select_related(
            "portefolje__forelder",
            "prosjektleder",
            "prosjekteier",
            "gevinstansvarlig",
            "beslutning__mote",
        ),
        pk=pk,
    )
    tillatt = (
        permissions.kan_redigere(request.user, prosjekt)
        if skrive
        else permissions.kan_lese(request.user, prosjekt)
    )
    if not tillatt:
        raise PermissionDenied
    return prosjekt
