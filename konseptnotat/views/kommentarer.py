"""Guidance: comments per template section, open until resolved."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from konseptnotat import permissions, selectors, services
from konseptnotat.forms import KommentarForm
from konseptnotat.views.felles import hent_notat
from portefolje.skjema import engangsnokkel, feil_til_skjema, opprett_en_gang


def kommentar_ny_view(request, pk):
    notat = hent_notat(request, pk, permissions.kan_kommentere)
    form = KommentarForm(request.POST or None, initial={"seksjon": request.GET.get("seksjon", "")})
    if request.method == "POST" and form.is_valid():
        try:
            opprett_en_gang(
                nokkel=engangsnokkel(request, form.cleaned_data["skjema_nokkel"]),
                opprett=lambda: services.kommentar_opprett(
                    notat=notat,
                    seksjon=form.cleaned_data["seksjon"],
                    tekst=form.cleaned_data["tekst"],
                    aktor=request.user,
                ),
            )
        except services.NotatFeil as feil:
            form.add_error("tekst", str(feil))
        except ValidationError as feil:
            feil_til_skjema(form, feil)
        else:
            messages.success(request, _("Your comment is saved and the authors are notified."))
            anker = form.cleaned_data["seksjon"] or "kommentarer"
            return redirect(f"{notat.get_absolute_url()}#seksjon-{anker}")
    return render(request, "konseptnotat/kommentar_ny.html", {"notat": notat, "form": form})


def kommentar_los_view(request, pk, kommentar_id):
    notat = hent_notat(request, pk)
    kommentar = get_object_or_404(selectors.kommentarer(notat), pk=kommentar_id)
    kommentar.notat = notat
    if not permissions.kan_lose_kommentar(request.user, kommentar):
        raise PermissionDenied
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    services.kommentar_los(kommentar=kommentar, aktor=request.user)
    messages.success(request, _("The comment is marked resolved."))
    return redirect(f"{notat.get_absolute_url()}#seksjon-{kommentar.seksjon or 'kommentarer'}")
