"""Where the phases' pages link to the reports: registered in the core's link places, so no
phase names this app (portefolje/lenker.py)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from portefolje.lenker import Lenke, registrer
from portefolje.permissions import er_medlem, er_utvikler


@registrer("portefolje")
def portefoljens_rapporter(bruker, *, portefolje):
    lenker = [
        Lenke(
            _("Dashboard and reports"),
            reverse("rapporter:dashbord-portefolje", kwargs={"slug": portefolje.slug}),
        )
    ]
    # The look-back is for the portfolio's roles and the development team.
    if er_medlem(bruker, portefolje) or er_utvikler(bruker):
        url = reverse("rapporter:beslutningskvalitet") + f"?portefolje={portefolje.slug}"
        lenker.append(Lenke(_("Looking back: did our decisions deliver?"), url))
    return lenker


@registrer("prosjektoversikter")
def dashbordfanen(bruker):
    return [Lenke(_("Dashboard"), reverse("rapporter:dashbord"))]
