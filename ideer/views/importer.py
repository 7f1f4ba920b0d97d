"""The development team's upload page for exports from sammenskapervi.no and slikskapervi.no."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ideer.forms import ImportForm
from ideer.importer import ImportFeil, innspill_importer
from ideer.permissions import kan_importere


@require_http_methods(["GET", "POST"])
def import_view(request):
    """Upload a CSV or XLSX export; every row is checked before anything is imported."""
    if not kan_importere(request.user):
        raise PermissionDenied
    form = ImportForm(request.POST or None, request.FILES or None)
    resultat = None
    if request.method == "POST" and form.is_valid():
        try:
            resultat = innspill_importer(
                innhold=form.cleaned_data["fil"].read(),
                kanal=form.cleaned_data["kanal"],
                aktor=request.user,
            )
        except ImportFeil as feil:
            form.add_error("fil", str(feil))
        else:
            if resultat.ok:
                messages.success(
                    request,
                    _("Imported %(nye)s new inputs; %(fantes)s were imported before.")
                    % {"nye": resultat.opprettet, "fantes": resultat.fantes},
                )
                return redirect("ideer:liste")
    return render(request, "ideer/importer.html", {"form": form, "resultat": resultat})
