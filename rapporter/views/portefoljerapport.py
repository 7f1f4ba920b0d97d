"""Portfolio reports: order one for a period, follow its progress, download it.

For the portfolio's leader groups and the development team (`rapporter.permissions`).
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe
from django.views.decorators.vary import vary_on_headers

from portefolje.eksport import DOCX_TYPE, PDF_TYPE
from portefolje.overganger import UlovligOvergang
from portefolje.skjema import engangsnokkel, opprett_en_gang
from rapporter import selectors, services
from rapporter.forms import PortefoljerapportForm
from rapporter.permissions import kan_bestille_portefoljerapport

# Made in the background (`rapporter.services`) by the one exporter interface; stored, then
# served from here.
FORMATER = {"pdf": ("pdf", PDF_TYPE), "docx": ("docx", DOCX_TYPE)}


def _portefolje(request, slug):
    portefolje = get_object_or_404(selectors.portefoljer(), slug=slug)
    if not kan_bestille_portefoljerapport(request.user, portefolje):
        raise PermissionDenied
    return portefolje


def _rapport(request, pk):
    rapport = get_object_or_404(selectors.portefoljerapporter(), pk=pk)
    if not kan_bestille_portefoljerapport(request.user, rapport.portefolje):
        raise PermissionDenied
    return rapport


@require_http_methods(["GET", "HEAD", "POST"])
def portefoljerapporter_view(request, slug):
    portefolje = _portefolje(request, slug)
    form = PortefoljerapportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            rapport, _ny = opprett_en_gang(
                nokkel=engangsnokkel(request, form.cleaned_data.get("skjema_nokkel")),
                opprett=lambda: services.portefoljerapport_bestill(
                    portefolje=portefolje,
                    fra=form.cleaned_data["fra"],
                    til=form.cleaned_data["til"],
                    aktor=request.user,
                ),
            )
        except ValidationError as feil:
            form.add_error(None, feil)
        else:
            messages.success(request, _("The report is ordered. It is made in the background."))
            return redirect("rapporter:portefoljerapport", pk=rapport.pk)
    tidligere = selectors.tidligere_rapporter(portefolje)
    return render(
        request,
        "rapporter/portefoljerapporter.html",
        {"portefolje": portefolje, "form": form, "tidligere": tidligere},
    )


@require_safe
@vary_on_headers("HX-Request")
def portefoljerapport_view(request, pk):
    rapport = _rapport(request, pk)
    mal = (
        "rapporter/partials/fremdrift.html" if request.htmx else "rapporter/portefoljerapport.html"
    )
    return render(request, mal, {"rapport": rapport, "portefolje": rapport.portefolje})


@require_http_methods(["POST"])
def portefoljerapport_prov_igjen_view(request, pk):
    """The failed report's «Try again»: queued again, and the page follows it as before."""
    rapport = _rapport(request, pk)
    try:
        services.portefoljerapport_prov_igjen(rapport=rapport, aktor=request.user)
    except UlovligOvergang as feil:
        messages.error(request, str(feil))
    else:
        messages.success(request, _("The report is ordered again. It is made in the background."))
    return redirect("rapporter:portefoljerapport", pk=rapport.pk)


@require_safe
def portefoljerapport_fil_view(request, pk, format):
    rapport = _rapport(request, pk)
    if format not in FORMATER:
        raise Http404
    felt, innholdstype = FORMATER[format]
    fil = getattr(rapport, felt)
    if not rapport.er_ferdig or not fil:
        raise Http404
    try:
        apen = fil.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    navn = fil.name.rsplit("/", 1)[-1]
    return FileResponse(apen, as_attachment=True, filename=navn, content_type=innholdstype)
