"""A project's dependencies: register what it depends on, archive one that no longer holds."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portefolje.skjema import engangsnokkel, feil_til_skjema, opprett_en_gang
from prosjekter import services
from prosjekter.forms import AvhengighetForm
from prosjekter.models import Avhengighet
from prosjekter.views.felles import hent_prosjekt


def avhengighet_ny_view(request, pk):
    """Those who edit project A say what A depends on (among the projects they may read)."""
    prosjekt = hent_prosjekt(request, pk, skrive=True)
    form = AvhengighetForm(request.POST or None, prosjekt=prosjekt, bruker=request.user)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                opprett_en_gang(
                    nokkel=engangsnokkel(request, data.get("skjema_nokkel")),
                    opprett=lambda: services.avhengighet_registrer(
                        prosjekt=prosjekt,
                        avhenger_av=data["avhenger_av"],
                        leveranse=data.get("leveranse"),
                        trengs_dato=data.get("trengs_dato"),
                        notat=data.get("notat", ""),
                        aktor=request.user,
                    ),
                )
            except ValidationError as feil:
                feil_til_skjema(form, feil)
            else:
                messages.success(request, _("The dependency is registered."))
                return redirect(f"{prosjekt.get_absolute_url()}#avhengigheter")
        status = 400
    return render(
        request,
        "prosjekter/skjema.html",
        {"prosjekt": prosjekt, "form": form, "tittel": _("New dependency")},
        status=status,
    )


@require_POST
def avhengighet_arkiver_view(request, pk, element_pk):
    prosjekt = hent_prosjekt(request, pk, skrive=True)
    avhengighet = get_object_or_404(Avhengighet, pk=element_pk, prosjekt=prosjekt)
    try:
        services.avhengighet_arkiver(avhengighet=avhengighet, aktor=request.user)
    except ValidationError as feil:
        messages.error(request, " ".join(feil.messages))
    else:
        messages.success(request, _("The dependency is archived."))
    return redirect(f"{prosjekt.get_absolute_url()}#avhengigheter")
