"""Where the phases' pages link to the reports: registered in the core's link places, so no
phase names this app (portefolje/lenker.py)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from portefolje.lenker import Lenke, registrer
from rapporter.permissions import kan_bestille_portefoljerapport


@registrer("portefolje")
def portefoljens_rapporter(bruker, *, portefolje):
    lenker = [
        Lenke(
            _("Dashboard and reports"),
            reverse("rapporter:dashbord-portefolje", kwargs={"slug": portefolje.slug}),
        )
    ]
    # The look-back is for those who may order the portfolio's reports: its roles, the leader
    # group above it, and the development team (the look-back page lets in the same).
    if kan_bestille_portefoljerapport(bruker, portefolje):
        url = reverse("rapporter:beslutningskvalitet") + f"?portefolje={portefolje.slug}"
        lenker.append(Lenke(_("Looking back: did our decisions deliver?"), url))
    return lenker


@registrer("prosjektoversikter")
def dashbordfanen(bruker):
    return [Lenke(_("Dashboard"), reverse("rapporter:dashbord"))]
