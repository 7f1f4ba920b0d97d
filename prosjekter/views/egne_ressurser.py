"""Each person's own line duties and absence, which count towards their load beside projects."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from portefolje.skjema import engangsnokkel, feil_til_skjema, opprett_en_gang
from prosjekter import services
from prosjekter.forms import EgenAllokeringForm
from prosjekter.models import Allokeringstype, Ressursallokering


def _mine(request):
    return Ressursallokering.objects.filter(
        person=request.user,
        type__in=[Allokeringstype.LINJE, Allokeringstype.FRAVAER],
        arkivert=False,
    ).order_by("fra")


def egne_ressurser_view(request):
    form = EgenAllokeringForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        nokkel = engangsnokkel(request, data.pop("skjema_nokkel"))
        try:
            opprett_en_gang(
                nokkel=nokkel,
                opprett=lambda: services.ressursallokering_lagre(
                    prosjekt=None,
                    allokering=None,
                    data={**data, "person": request.user, "status": "tildelt"},
                    versjon=None,
                    aktor=request.user,
                ),
            )
        except ValidationError as feil:
            feil_til_skjema(form, feil)
        else:
            messages.success(request, _("Saved."))
            return redirect("prosjekter:mine-ressurser")
    return render(
        request, "prosjekter/egne_ressurser.html", {"form": form, "allokeringer": _mine(request)}
    )


def egen_ressurs_arkiver_view(request, pk):
    # Looked up first, so someone else's row is «not found» whatever the method.
    allokering = get_object_or_404(_mine(request), pk=pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    services.element_arkiver(objekt=allokering, aktor=request.user)
    messages.success(request, _("Archived."))
    return redirect("prosjekter:mine-ressurser")
