"""Import from Microsoft Project and Prosjektportalen: upload, preview (with the mapping of
what we did not recognise), import, the report, and undo. For the development team and
administrators (`permissions.kan_importere`)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from prosjekter import permissions
from prosjekter.forms.importering import ImportSkjema, KoblingSkjema
from prosjekter.importer.batch import (
    importbatch_angre,
    importbatch_forhandsvis,
    importbatch_importer,
)
from prosjekter.models import Batchtilstand, Importbatch, Importfil

SISTE = 20


def _sjekk(request) -> None:
    if not permissions.kan_importere(request.user):
        raise PermissionDenied


@transaction.atomic
def _lagre_opplasting(skjema: ImportSkjema, aktor) -> Importbatch:
    batch = Importbatch.objects.create(
        kilde=skjema.cleaned_data["kilde"],
        portefolje=skjema.cleaned_data["portefolje"],
        opprettet_av=aktor,
    )
    for fil in skjema.cleaned_data["filer"]:
        Importfil.objects.create(batch=batch, navn=fil.name[:255], innhold=fil.read())
    return batch


@login_required
def import_view(request):
    """The upload, and the imports made before (each with its report)."""
    _sjekk(request)
    skjema = ImportSkjema(request.POST or None, request.FILES or None)
    if request.method == "POST" and skjema.is_valid():
        batch = _lagre_opplasting(skjema, request.user)
        return redirect("prosjekter:import-batch", pk=batch.pk)
    batcher = Importbatch.objects.select_related("portefolje", "opprettet_av")[:SISTE]
    return render(request, "prosjekter/import.html", {"skjema": skjema, "batcher": batcher})


@login_required
def import_batch_view(request, pk):
    """A batch: the preview before import (nothing written), the report after."""
    _sjekk(request)
    batch = get_object_or_404(Importbatch.objects.select_related("portefolje"), pk=pk)
    kontekst = {"batch": batch}
    if batch.tilstand == Batchtilstand.FORHANDSVIST:
        plan, linjer = importbatch_forhandsvis(batch=batch)
        kontekst.update(
            linjer=linjer,
            problemer=plan.problemer,
            ukjente=list(plan.ukjente.items()),
            kobling_skjema=KoblingSkjema(ukjente=plan.ukjente) if plan.ukjente else None,
            kobling_url=reverse("prosjekter:import-kobling", args=[batch.pk]),
            importer_url=reverse("prosjekter:import-utfor", args=[batch.pk]),
        )
    return render(request, "prosjekter/import_batch.html", kontekst)


@login_required
@require_POST
def import_kobling_view(request, pk):
    """Save the mapping of columns and custom fields, and show the preview again."""
    _sjekk(request)
    batch = get_object_or_404(Importbatch, pk=pk, tilstand=Batchtilstand.FORHANDSVIST)
    plan, _linjer = importbatch_forhandsvis(batch=batch)
    skjema = KoblingSkjema(request.POST, ukjente=plan.ukjente)
    if skjema.is_valid():
        batch.kobling = {**batch.kobling, **{k: v or "-" for k, v in skjema.cleaned_data.items()}}
        batch.save(update_fields=["kobling"])
    return redirect("prosjekter:import-batch", pk=batch.pk)


@login_required
@require_POST
def import_utfor_view(request, pk):
    """«Import»: write what the preview showed, then show the report."""
    _sjekk(request)
    batch = get_object_or_404(Importbatch, pk=pk)
    try:
        importbatch_importer(batch=batch, aktor=request.user)
    except ValidationError as feil:
        messages.error(request, " ".join(feil.messages))
    else:
        messages.success(request, _("The import is done. See the report below."))
    return redirect("prosjekter:import-batch", pk=batch.pk)


@login_required
@require_POST
def import_angre_view(request, pk):
    """Undo a whole batch, or say what has been changed since and keeps it from being undone."""
    _sjekk(request)
    batch = get_object_or_404(Importbatch, pk=pk)
    try:
        importbatch_angre(batch=batch, aktor=request.user)
    except ValidationError as feil:
        messages.error(request, " ".join(feil.messages))
    else:
        messages.success(request, _("The import is undone."))
    return redirect("prosjekter:import-batch", pk=batch.pk)
