"""Saved views: save a list's choices under a name, change or delete one (its owner only)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portefolje.forms_visninger import VisningEndreForm, VisningNyForm
from portefolje.models import Visning
from portefolje.permissions import kan_endre_visning
from portefolje.samtidighet import Konflikt
from portefolje.skjema import engangsnokkel, feil_til_skjema, opprett_en_gang
from portefolje.tabellvisning import liste_for
from portefolje.visninger import visning_endre, visning_opprett, visning_slett


def _adresse(visning: Visning) -> str:
    liste = liste_for(visning.liste)
    return f"{liste.adresse()}?visning={visning.pk}" if liste else "/"


def visning_ny_view(request):
    """Save the choices a list page sent (its form) as a view; the page of errors otherwise."""
    data = request.POST if request.method == "POST" else None
    form = VisningNyForm(
        data,
        bruker=request.user,
        initial={n: request.GET.get(n, "") for n in ("liste", "sporring")},
    )
    status = 200
    if data is not None:
        if form.is_valid():
            felt = form.cleaned_data
            try:
                visning, _ny = opprett_en_gang(
                    nokkel=engangsnokkel(request, felt.get("skjema_nokkel")),
                    opprett=lambda: visning_opprett(
                        eier=request.user,
                        liste=felt["liste"],
                        navn=felt["navn"],
                        sporring=felt["sporring"],
                        portefolje=felt["portefolje"],
                        standard=felt["standard"],
                    ),
                )
            except ValidationError as feil:
                feil_til_skjema(form, feil)
            else:
                messages.success(request, _("The view «%s» is saved.") % visning.navn)
                return redirect(_adresse(visning))
        status = 400
    liste = liste_for(form["liste"].value() or "")
    return render(
        request,
        "portefolje/visning.html",
        {"form": form, "liste": liste, "tittel": _("Save the view")},
        status=status,
    )


def _egen(request, pk) -> Visning:
    """The owner's view; anyone else is told it does not exist (404)."""
    visning = get_object_or_404(Visning.objects.select_related("portefolje"), pk=pk)
    if not kan_endre_visning(request.user, visning):
        raise Http404
    return visning


def visning_view(request, pk):
    """Rename, share, make default: the owner's page for one saved view."""
    visning = _egen(request, pk)
    data = request.POST if request.method == "POST" else None
    form = VisningEndreForm(
        data,
        bruker=request.user,
        initial={
            "navn": visning.navn,
            "portefolje": visning.portefolje,
            "standard": visning.standard,
            "versjon": visning.versjon,
        },
    )
    status = 200
    if data is not None:
        if form.is_valid():
            felt = form.cleaned_data
            try:
                visning = visning_endre(
                    visning=visning,
                    bruker=request.user,
                    versjon=felt["versjon"],
                    navn=felt["navn"],
                    portefolje=felt["portefolje"],
                    standard=felt["standard"],
                )
            except Konflikt as feil:
                form.add_error(None, str(feil))
            except ValidationError as feil:
                feil_til_skjema(form, feil)
            else:
                messages.success(request, _("The view «%s» is saved.") % visning.navn)
                return redirect(_adresse(visning))
        status = 400
    return render(
        request,
        "portefolje/visning.html",
        {
            "form": form,
            "visning": visning,
            "liste": liste_for(visning.liste),
            "apne": _adresse(visning),
            "tittel": _("The view «%s»") % visning.navn,
        },
        status=status,
    )


@require_POST
def visning_slett_view(request, pk):
    """Delete the owner's view; back to the list it showed."""
    visning = _egen(request, pk)
    liste = liste_for(visning.liste)
    visning_slett(visning=visning, bruker=request.user)
    messages.success(request, _("The view «%s» is deleted.") % visning.navn)
    return redirect(liste.adresse() if liste else "startside")
