"""The portfolio timeline (`/prosjekter/tidslinje/`), its PDF for the meeting pack, and the
timeline on a project's page.

Server-rendered SVG, not a JavaScript timeline: no script to load or keep up to date, nothing
for the CSP to allow, the same picture on screen, on paper and in the PDF (WeasyPrint draws
inline SVG), and every shape is a link or has a `<title>`. The table under it holds the same
rows; the picture is drawn from them.

The PDF takes WeasyPrint many seconds for a large portfolio, so «Download PDF» orders it: it is
made in the background (`prosjekter.services.tidslinjefil`), and its page follows it until the
download link is there. Only the person who ordered a file can open it: it is drawn with what
that person may see.
"""

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe
from django.views.decorators.vary import vary_on_headers

from portefolje.eksport import PDF_TYPE
from portefolje.overganger import UlovligOvergang
from prosjekter import selectors
from prosjekter.filters import TidslinjeFilter
from prosjekter.models import Prosjekt, Tidslinjefil
from prosjekter.selectors.tidslinje import merk_lesbare_programmer
from prosjekter.services.tidslinjefil import tidslinjefil_bestill, tidslinjefil_prov_igjen
from prosjekter.tidslinjeside import bilde_for, side_for


@require_safe
def tidslinje_view(request):
    """Every employee may open it; it shows the projects the reader may read."""
    innhold, status = side_for(request)
    return render(request, "prosjekter/tidslinje.html", innhold, status=status)


@require_POST
def tidslinje_pdf_view(request):
    """«Download PDF»: order the PDF of the timeline as the reader sees it with this query
    string (or find the one already ordered), then follow it on its page."""
    if not TidslinjeFilter(request.GET, bruker=request.user).form.is_valid():
        # A filter the reader may not use orders nothing: back to the timeline, where the
        # form says what is wrong next to the field.
        return redirect(f"{reverse('prosjekter:tidslinje')}?{request.GET.urlencode()}")
    fil, ny = tidslinjefil_bestill(get=request.GET, aktor=request.user)
    if ny:
        messages.success(request, _("The PDF is ordered. It is made in the background."))
    return redirect("prosjekter:tidslinje-fil", pk=fil.pk)


def _fil(request, pk) -> Tidslinjefil:
    # Someone else's file is not found: it shows what its owner may see.
    return get_object_or_404(Tidslinjefil, pk=pk, bestilt_av=request.user.pk)


@require_safe
@vary_on_headers("HX-Request")
def tidslinje_fil_view(request, pk):
    """The ordered PDF's page: «Being made …» (polled by htmx, or reloaded), then the link."""
    fil = _fil(request, pk)
    mal = (
        "prosjekter/partials/tidslinjefil.html" if request.htmx else "prosjekter/tidslinjefil.html"
    )
    return render(request, mal, {"fil": fil})


@require_POST
def tidslinje_fil_prov_igjen_view(request, pk):
    """The failed PDF's «Try again»: queued again, and the page follows it as before."""
    fil = _fil(request, pk)
    try:
        tidslinjefil_prov_igjen(fil=fil, aktor=request.user)
    except UlovligOvergang as feil:
        messages.error(request, str(feil))
    else:
        messages.success(request, _("The PDF is ordered again. It is made in the background."))
    return redirect("prosjekter:tidslinje-fil", pk=fil.pk)


@require_safe
def tidslinje_fil_last_ned_view(request, pk):
    fil = _fil(request, pk)
    if not fil.er_ferdig or not fil.pdf:
        raise Http404
    try:
        apen = fil.pdf.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    navn = fil.pdf.name.rsplit("/", 1)[-1]
    return FileResponse(apen, as_attachment=True, filename=navn, content_type=PDF_TYPE)


def prosjekt_tidslinje(prosjekt, bruker) -> dict:
    """A project's page: its own row on the timeline, and its dependencies both ways."""
    rader = selectors.tidslinjerader(Prosjekt.objects.filter(pk=prosjekt.pk))
    merk_lesbare_programmer(rader, bruker)
    return {
        "tidslinje_rader": rader,
        "tidslinje_bilde": bilde_for(rader),
        **selectors.avhengigheter_for(prosjekt),
    }
