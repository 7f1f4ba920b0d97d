"""Deliverables, benefits, indicators, measurements, allocations and risks: for each, one screen
to register or change it and (except measurements, which are corrected) one to archive it.

The six elements differ only in what `ELEMENTER` declares (model, form, service, where it sits in
the project, the page's anchor, the titles); one edit view and one archive view serve them all,
and `urls.py` makes each element's three URLs from the same table. Both views check write access
to the project (`hent_prosjekt(skrive=True)`) before anything else is read. Writes go through the
element's service (`<element>_lagre`), which refuses a stale form (portefolje.samtidighet) — the
screen then keeps what the person typed and shows what is saved now.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from portefolje.samtidighet import Konflikt
from portefolje.skjema import engangsnokkel, opprett_en_gang
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
from prosjekter.views.felles import hent_prosjekt, skjema_etter_konflikt, skjema_side


@dataclass(frozen=True)
class Element:
    """One kind of project element, as its screens need it."""

    modell: type
    skjema: type
    # Calls the element's service: (prosjekt, objekt, data, versjon, aktor) -> the saved row.
    lagre: Callable
    # The lookup from the element to its project («gevinst__prosjekt» for an indicator).
    i_prosjekt: str
    # The section of the project's page the person returns to.
    anker: str
    tittel_ny: str
    tittel_rediger: str
    arkiveres: bool = True
    # «Add an indicator» beside a benefit opens the form with that benefit chosen: the GET
    # parameter that names the parent, for a new element.
    forvalg: str = ""
    # The form limits its choices to the project's own parents.
    skjema_med_prosjekt: bool = False


ELEMENTER: dict[str, Element] = {
    "leveranse": Element(
        modell=Leveranse,
        skjema=forms.LeveranseForm,
        lagre=lambda p, o, **k: services.leveranse_lagre(prosjekt=p, leveranse=o, **k),
        i_prosjekt="prosjekt",
        anker="leveranser",
        tittel_ny=gettext_lazy("New deliverable"),
        tittel_rediger=gettext_lazy("Edit deliverable"),
    ),
    "gevinst": Element(
        modell=Gevinst,
        skjema=forms.GevinstForm,
        lagre=lambda p, o, **k: services.gevinst_lagre(prosjekt=p, gevinst=o, **k),
        i_prosjekt="prosjekt",
        anker="gevinster",
        tittel_ny=gettext_lazy("New benefit"),
        tittel_rediger=gettext_lazy("Edit benefit"),
    ),
    "indikator": Element(
        modell=Indikator,
        skjema=forms.IndikatorForm,
        lagre=lambda p, o, **k: services.indikator_lagre(indikator=o, **k),
        i_prosjekt="gevinst__prosjekt",
        anker="gevinster",
        tittel_ny=gettext_lazy("New indicator"),
        tittel_rediger=gettext_lazy("Edit indicator"),
        forvalg="gevinst",
        skjema_med_prosjekt=True,
    ),
    "maling": Element(
        modell=Maling,
        skjema=forms.MalingForm,
        lagre=lambda p, o, **k: services.maling_lagre(maling=o, **k),
        i_prosjekt="indikator__gevinst__prosjekt",
        anker="gevinster",
        tittel_ny=gettext_lazy("New measurement"),
        tittel_rediger=gettext_lazy("Edit measurement"),
        # Measurements are registered and corrected, never archived.
        arkiveres=False,
        forvalg="indikator",
        skjema_med_prosjekt=True,
    ),
    "ressurs": Element(
        modell=Ressursallokering,
        skjema=forms.RessursallokeringForm,
        lagre=lambda p, o, **k: services.ressursallokering_lagre(prosjekt=p, allokering=o, **k),
        i_prosjekt="prosjekt",
        anker="ressurser",
        tittel_ny=gettext_lazy("New allocation"),
        tittel_rediger=gettext_lazy("Edit allocation"),
    ),
    "risiko": Element(
        modell=Usikkerhet,
        skjema=forms.UsikkerhetForm,
        lagre=lambda p, o, **k: services.usikkerhet_lagre(prosjekt=p, usikkerhet=o, **k),
        i_prosjekt="prosjekt",
        anker="risiko",
        tittel_ny=gettext_lazy("New risk or opportunity"),
        tittel_rediger=gettext_lazy("Edit risk or opportunity"),
    ),
}


def _tilbake(prosjekt, element: Element):
    return redirect(f"{prosjekt.get_absolute_url()}#{element.anker}")


def _hent(element: Element, prosjekt, element_pk):
    return get_object_or_404(element.modell, pk=element_pk, **{element.i_prosjekt: prosjekt})


def _skjema(request, element: Element, prosjekt, objekt):
    ekstra = {"prosjekt": prosjekt} if element.skjema_med_prosjekt else {}
    initial = {}
    if objekt is None and element.forvalg:
        initial[element.forvalg] = heltall_fra_get(request, element.forvalg)
    return element.skjema(
        request.POST or None,
        instance=objekt or element.modell(),
        initial=initial,
        **ekstra,
    ), ekstra


def _lagre(request, element: Element, prosjekt, objekt, form, skjema_kwargs):
    """Call the service with what the form holds. A response when done; else the form to show
    again (with the conflict or the refusal on it) and the differences, if any."""
    data, versjon = form.data_til_lagring(), form.cleaned_data.get("versjon")

    def lagre(versjon):
        return element.lagre(prosjekt, objekt, data=data, versjon=versjon, aktor=request.user)

    try:
        if objekt is None:  # a new element: once per rendered form, however often posted
            opprett_en_gang(
                nokkel=engangsnokkel(request, form.cleaned_data.get("skjema_nokkel")),
                opprett=lambda: lagre(None),
            )
        else:
            lagre(versjon)
    except Konflikt as feil:
        return None, *skjema_etter_konflikt(form, feil, **skjema_kwargs)
    except ValidationError as feil:
        form.add_error(None, feil)
        return None, form, None
    messages.success(request, _("Saved."))
    return _tilbake(prosjekt, element), form, None


def element_view(request, pk, art, element_pk=None):
    """Register (no `element_pk`) or change one of the project's elements of kind `art`."""
    element = ELEMENTER[art]
    prosjekt = hent_prosjekt(request, pk, skrive=True)
    objekt = _hent(element, prosjekt, element_pk) if element_pk else None
    if objekt is not None and getattr(objekt, "arkivert", False):
        messages.error(request, _("This is archived and can no longer be changed."))
        return _tilbake(prosjekt, element)
    form, skjema_kwargs = _skjema(request, element, prosjekt, objekt)
    forskjeller = None
    if request.method == "POST" and form.is_valid():
        svar, form, forskjeller = _lagre(request, element, prosjekt, objekt, form, skjema_kwargs)
        if svar:
            return svar
    arkiver_url = ""
    if objekt is not None and element.arkiveres:
        arkiver_url = reverse(f"prosjekter:{art}-arkiver", args=[prosjekt.pk, objekt.pk])
    return skjema_side(
        request,
        prosjekt,
        form,
        element.tittel_rediger if objekt else element.tittel_ny,
        arkiver_url=arkiver_url,
        forskjeller=forskjeller,
    )


@require_POST
def arkiver_view(request, pk, art, element_pk):
    """Archive one of the project's elements of kind `art` (never deleted)."""
    element = ELEMENTER[art]
    prosjekt = hent_prosjekt(request, pk, skrive=True)
    objekt = _hent(element, prosjekt, element_pk)
    services.element_arkiver(objekt=objekt, aktor=request.user)
    messages.success(request, _("Archived."))
    return _tilbake(prosjekt, element)
