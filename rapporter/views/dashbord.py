"""Dashboards: one for all the projects the reader may read, and one per portfolio.

Every employee may open them; each counts only the projects the reader may read (the same
`synlige_for` as the project overview), so a dashboard never shows more than the lists do.
"""

from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from rapporter import dashbord as data
from rapporter import selectors
from rapporter.permissions import kan_bestille_portefoljerapport


@require_safe
def dashbord_view(request, slug=None):
    portefolje = get_object_or_404(selectors.portefoljer(), slug=slug) if slug else None
    prosjekter = data.utvalg(request.user, portefolje)
    return render(
        request,
        "rapporter/dashbord.html",
        {
            **data.dashbord(prosjekter),
            "portefolje": portefolje,
            "portefoljer": selectors.aktive_portefoljer(),
            "kan_bestille": portefolje is not None
            and kan_bestille_portefoljerapport(request.user, portefolje),
        },
    )
