"""The development team's steps: take on guidance, send back, mark ready for a portfolio."""

from django.contrib import messages
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from konseptnotat import permissions, services
from konseptnotat.forms import KlarForm, SendTilbakeForm
from konseptnotat.portefoljevalg import foreslag_for
from konseptnotat.views.felles import hent_notat
from portefolje.overganger import UlovligOvergang


def send_tilbake_view(request, pk):
    notat = hent_notat(request, pk, permissions.kan_sende_tilbake)
    form = SendTilbakeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.notat_send_til_revisjon(
            notat=notat, aktor=request.user, kommentar=form.cleaned_data["kommentar"]
        )
        messages.success(request, _("The note is sent back to its authors for revision."))
        return redirect(notat)
    return render(request, "konseptnotat/send_tilbake.html", {"notat": notat, "form": form})


def klar_view(request, pk):
    notat = hent_notat(request, pk, permissions.kan_merke_klar)
    forslag = foreslag_for(notat)
    form = KlarForm(
        request.POST or None, initial={"portefolje": notat.portefolje or forslag.portefolje}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.notat_merk_klar(
                notat=notat, portefolje=form.cleaned_data["portefolje"], aktor=request.user
            )
        except (services.NotatFeil, UlovligOvergang) as feil:
            messages.error(request, str(feil))
        else:
            messages.success(
                request,
                _("The note is ready for decision in %(portefolje)s.")
                % {"portefolje": form.cleaned_data["portefolje"]},
            )
        return redirect(notat)
    return render(
        request, "konseptnotat/klar.html", {"notat": notat, "form": form, "forslag": forslag}
    )


def veileder_view(request, pk):
    """A member of the development team takes on guiding the note."""
    notat = hent_notat(request, pk, permissions.kan_bli_veileder)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    services.notat_sett_veileder(notat=notat, veileder=request.user, aktor=request.user)
    messages.success(request, _("You are now the note's guide."))
    return redirect(notat)
