"""The chair's choice of whether a decision is public (the default) or exempt, with its basis."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from portefolje.models import Portefolje
from velge import permissions, services
from velge.forms import OffentlighetForm
from velge.models import Beslutning


def beslutning_offentlighet_view(request, slug, pk):
    portefolje = get_object_or_404(Portefolje, slug=slug)
    if not permissions.kan_merke_offentlighet(request.user, portefolje):
        raise PermissionDenied
    beslutning = get_object_or_404(
        Beslutning.objects.select_related("notat", "mote", "portefolje"),
        portefolje=portefolje,
        pk=pk,
    )
    form = OffentlighetForm(
        request.POST or None,
        initial={"unntatt": beslutning.unntatt_offentlighet, "hjemmel": beslutning.hjemmel},
    )
    if request.method == "POST" and form.is_valid():
        try:
            beslutning = services.beslutning_sett_offentlighet(
                beslutning=beslutning,
                unntatt=form.cleaned_data["unntatt"],
                hjemmel=form.cleaned_data["hjemmel"],
                aktor=request.user,
            )
        except ValidationError as feil:
            form.add_error(None, feil)
        else:
            messages.success(
                request,
                _("The decision is exempt from public access.")
                if beslutning.unntatt_offentlighet
                else _("The decision is public."),
            )
            return redirect("velge:detalj", slug=slug)
    return render(
        request,
        "velge/offentlighet.html",
        {"portefolje": portefolje, "beslutning": beslutning, "form": form},
    )
