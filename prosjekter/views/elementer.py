"""Deliverables, benefits, indicators, measurements, allocations and risks: one screen each to
register or change, and archiving instead of deleting. The same few lines serve all six."""

from dataclasses import dataclass

from django.contrib import messages
from django.db import models
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from portefolje.skjema import opprett_en_gang
from portefolje.spor import heltall_fra_get
from prosjekter import forms, services
from prosjekter.models import (
    Gevinst,
    Indikator,
    Leveranse,
    Maling,
    Ressursallokering,
    Usikkerhet,
)
from prosjekter.views.felles import hent_prosjekt


@dataclass(frozen=True)
class Art:
    navn: str  # URL segment and name prefix
    modell: type[models.Model]
    form: type
    tittel_ny: str
    tittel_endre: str
    prosjekt_filter: str  # lookup from the model to its project
    anker: str  # section of the project's page to return to
    trenger_prosjekt: bool = False  # the form narrows its choices to the project's


ARTER = {
    a.navn: a
    for a in [
        Art(
            "leveranse",
            Leveranse,
            forms.LeveranseForm,
            gettext_lazy("New deliverable"),
            gettext_lazy("Edit deliverable"),
            "prosjekt",
            "leveranser",
        ),
        Art(
            "gevinst",
            Gevinst,
            forms.GevinstForm,
            gettext_lazy("New benefit"),
            gettext_lazy("Edit benefit"),
            "prosjekt",
            "gevinster",
        ),
        Art(
            "indikator",
            Indikator,
            forms.IndikatorForm,
            gettext_lazy("New indicator"),
            gettext_lazy("Edit indicator"),
            "gevinst__prosjekt",
            "gevinster",
            True,
        ),
        Art(
            "maling",
            Maling,
            forms.MalingForm,
            gettext_lazy("New measurement"),
            gettext_lazy("Edit measurement"),
            "indikator__gevinst__prosjekt",
            "gevinster",
            True,
        ),
        Art(
            "ressurs",
            Ressursallokering,
            forms.RessursallokeringForm,
            gettext_lazy("New allocation"),
            gettext_lazy("Edit allocation"),
            "prosjekt",
            "ressurser",
        ),
        Art(
            "risiko",
            Usikkerhet,
            forms.UsikkerhetForm,
            gettext_lazy("New risk or opportunity"),
            gettext_lazy("Edit risk or opportunity"),
            "prosjekt",
            "risiko",
        ),
    ]
}


def _hent(art: Art, prosjekt, element_pk):
    return get_object_or_404(art.modell, pk=element_pk, **{art.prosjekt_filter: prosjekt})


def element_view(request, pk, art: str, element_pk=None):
    """Register (no element_pk) or change one element of the project."""
    art = ARTER[art]
    prosjekt = hent_prosjekt(request, pk, skrive=True)
    objekt = _hent(art, prosjekt, element_pk) if element_pk else art.modell()
    if getattr(objekt, "arkivert", False):
        messages.error(request, _("This is archived and can no longer be changed."))
        return redirect(f"{prosjekt.get_absolute_url()}#{art.anker}")
    ekstra = {"prosjekt": prosjekt} if art.trenger_prosjekt else {}
    initial = {}
    # `?indikator=` / `?gevinst=` preselect the parent when adding from its row.
    forelder = {"maling": "indikator", "indikator": "gevinst"}.get(art.navn)
    if not element_pk and forelder and heltall_fra_get(request, forelder):
        initial[forelder] = heltall_fra_get(request, forelder)
    form = art.form(request.POST or None, instance=objekt, initial=initial, **ekstra)
    if request.method == "POST" and form.is_valid():
        objekt = form.save(commit=False)
        if hasattr(objekt, "prosjekt_id") and art.prosjekt_filter == "prosjekt":
            objekt.prosjekt = prosjekt
        if art.navn == "maling" and not element_pk:
            objekt.registrert_av = request.user
        if element_pk:
            services.element_lagre(objekt=objekt, aktor=request.user, ny=False)
        else:  # a new element: once per rendered form, however often it is posted
            opprett_en_gang(
                nokkel=form.cleaned_data["skjema_nokkel"],
                opprett=lambda: services.element_lagre(objekt=objekt, aktor=request.user, ny=True),
            )
        messages.success(request, _("Saved."))
        return redirect(f"{prosjekt.get_absolute_url()}#{art.anker}")
    return render(
        request,
        "prosjekter/skjema.html",
        {
            "prosjekt": prosjekt,
            "form": form,
            "tittel": art.tittel_endre if element_pk else art.tittel_ny,
            "arkiver_url": (
                f"{request.path}arkiver/" if element_pk and hasattr(objekt, "arkivert") else ""
            ),
        },
    )


@require_POST
def element_arkiver_view(request, pk, art: str, element_pk):
    art = ARTER[art]
    prosjekt = hent_prosjekt(request, pk, skrive=True)
    objekt = _hent(art, prosjekt, element_pk)
    objekt.arkivert = True
    services.element_lagre(objekt=objekt, aktor=request.user, ny=False)
    messages.success(request, _("Archived."))
    return redirect(f"{prosjekt.get_absolute_url()}#{art.anker}")
