"""Deliverables, benefits, indicators, measurements, allocations and risks: for each, one screen
to register or change it and (except measurements, which are corrected) one to archive it.

Plain views, one per element; writes go through the element's service (`<element>_lagre`), which
refuses a stale form (portefolje.samtidighet) — the screen then keeps what the person typed and
shows what is saved now.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
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


def _tilbake(prosjekt, anker):
    return redirect(f"{prosjekt.get_absolute_url()}#{anker}")


def _arkivert(request, prosjekt, anker):
    messages.error(request, _("This is archived and can no longer be changed."))
    return _tilbake(prosjekt, anker)


def _lagre(request, prosjekt, form, anker, lagre, skjema_kwargs=None):
    """Call the service with what the form holds. A response when done; else the form to show
    again (with the conflict or the refusal on it) and the differences, if any."""
    data, versjon = form.data_til_lagring(), form.cleaned_data.get("versjon")
    try:
        if form.instance.pk is None:  # a new element: once per rendered form, however often posted
            opprett_en_gang(
                nokkel=engangsnokkel(request, form.cleaned_data.get("skjema_nokkel")),
                opprett=lambda: lagre(data=data, versjon=None),
            )
        else:
            lagre(data=data, versjon=versjon)
    except Konflikt as feil:
        return None, *skjema_etter_konflikt(form, feil, **(skjema_kwargs or {}))
    except ValidationError as feil:
        form.add_error(None, feil)
        return None, form, None
    messages.success(request, _("Saved."))
    return _tilbake(prosjekt, anker), form, None


def _arkiver_url(navn, prosjekt, objekt):
    return reverse(navn, args=[prosjekt.pk, objekt.pk]) if objekt else ""


def leveranse_view(request, pk, element_pk=None):
    prosjekt = hent_prosjekt(request, pk, skrive=True)
    leveranse = (
        get_object_or_404(Leveranse, pk=element_pk, prosjekt=prosjekt) if element_pk else None
    )
    if leveranse and leveranse.arkivert:
        return _arkivert(request, prosjekt, "leveranser")
    form = forms.LeveranseForm(request.POST or None, instance=leveranse or Leveranse())
    forskjeller = None
    if request.method == "POST" and form.is_valid():
        svar, form, forskjeller = _lagre(
            request,
            prosjekt,
            form,
            "leveranser",
            lambda data, versjon: services.leveranse_lagre(
                prosjekt=prosjekt,
                leveranse=leveranse,
                data=data,
                versjon=versjon,
                aktor=request.user,
            ),
        )
        if svar:
            return svar
    return skjema_side(
        request,
        prosjekt,
        form,
        _("Edit deliverable") if leveranse else _("New deliverable"),
        arkiver_url=_arkiver_url("prosjekter:leveranse-arkiver", prosjekt, leveranse),
        forskjeller=forskjeller,
    )


def gevinst_view(request, pk, element_pk=None):
    prosjekt = hent_prosjekt(request, pk, skrive=True)
    gevinst = get_object_or_404(Gevinst, pk=element_pk, prosjekt=prosjekt) if element_pk else None
    if gevinst and gevinst.arkivert:
        return _arkivert(request, prosjekt, "gevinster")
    form = forms.GevinstForm(request.POST or None, instance=gevinst or Gevinst())
    forskjeller = None
    if request.method == "POST" and form.is_valid():
        svar, form, forskjeller = _lagre(
            request,
            prosjekt,
            form,
            "gevinster",
            lambda data, versjon: services.gevinst_lagre(
                prosjekt=prosjekt, gevinst=gevinst, data=data, versjon=versjon, aktor=request.user
            ),
        )
        if svar:
            return svar
    return skjema_side(
        request,
        prosjekt,
        form,
        _("Edit benefit") if gevinst else _("New benefit"),
        arkiver_url=_arkiver_url("prosjekter:gevinst-arkiver", prosjekt, gevinst),
        forskjeller=forskjeller,
    )


def indikator_view(request, pk, element_pk=None):
    prosjekt = hent_prosjekt(request, pk, skrive=True)
    indikator = (
        get_object_or_404(Indikator, pk=element_pk, gevinst__prosjekt=prosjekt)
        if element_pk
        else None
    )
    if indikator and indikator.arkivert:
        return _arkivert(request, prosjekt, "gevinster")
    # «Add an indicator» beside a benefit opens the form with that benefit chosen.
    initial = {} if indikator else {"gevinst": heltall_fra_get(request, "gevinst")}
    form = forms.IndikatorForm(
        request.POST or None, instance=indikator or Indikator(), initial=initial, prosjekt=prosjekt
    )
    forskjeller = None
    if request.method == "POST" and form.is_valid():
        svar, form, forskjeller = _lagre(
            request,
            prosjekt,
            form,
            "gevinster",
            lambda data, versjon: services.indikator_lagre(
                indikator=indikator, data=data, versjon=versjon, aktor=request.user
            ),
            skjema_kwargs={"prosjekt": prosjekt},
        )
        if svar:
            return svar
    return skjema_side(
        request,
        prosjekt,
        form,
        _("Edit indicator") if indikator else _("New indicator"),
        arkiver_url=_arkiver_url("prosjekter:indikator-arkiver", prosjekt, indikator),
        forskjeller=forskjeller,
    )


def maling_view(request, pk, element_pk=None):
    """Measurements are registered and corrected, never archived."""
    prosjekt = hent_prosjekt(request, pk, skrive=True)
    maling = (
        get_object_or_404(Maling, pk=element_pk, indikator__gevinst__prosjekt=prosjekt)
        if element_pk
        else None
    )
    initial = {} if maling else {"indikator": heltall_fra_get(request, "indikator")}
    form = forms.MalingForm(
        request.POST or None, instance=maling or Maling(), initial=initial, prosjekt=prosjekt
    )
    forskjeller = None
    if request.method == "POST" and form.is_valid():
        svar, form, forskjeller = _lagre(
            request,
            prosjekt,
            form,
            "gevinster",
            lambda data, versjon: services.maling_lagre(
                maling=maling, data=data, versjon=versjon, aktor=request.user
            ),
            skjema_kwargs={"prosjekt": prosjekt},
        )
        if svar:
            return svar
    return skjema_side(
        request,
        prosjekt,
        form,
        _("Edit measurement") if maling else _("New measurement"),
        forskjeller=forskjeller,
    )


def ressurs_view(request, pk, element_pk=None):
    prosjekt = hent_prosjekt(request, pk, skrive=True)
    allokering = (
        get_object_or_404(Ressursallokering, pk=element_pk, prosjekt=prosjekt)
        if element_pk
        else None
    )
    if allokering and allokering.arkivert:
        return _arkivert(request, prosjekt, "ressurser")
    form = forms.RessursallokeringForm(
        request.POST or None, instance=allokering or Ressursallokering()
    )
    forskjeller = None
    if request.method == "POST" and form.is_valid():
        svar, form, forskjeller = _lagre(
            request,
            prosjekt,
            form,
            "ressurser",
            lambda data, versjon: services.ressursallokering_lagre(
                prosjekt=prosjekt,
                allokering=allokering,
                data=data,
                versjon=versjon,
                aktor=request.user,
            ),
        )
        if svar:
            return svar
    return skjema_side(
        request,
        prosjekt,
        form,
        _("Edit allocation") if allokering else _("New allocation"),
        arkiver_url=_arkiver_url("prosjekter:ressurs-arkiver", prosjekt, allokering),
        forskjeller=forskjeller,
    )


def risiko_view(request, pk, element_pk=None):
    prosjekt = hent_prosjekt(request, pk, skrive=True)
    usikkerhet = (
        get_object_or_404(Usikkerhet, pk=element_pk, prosjekt=prosjekt) if element_pk else None
    )
    if usikkerhet and usikkerhet.arkivert:
        return _arkivert(request, prosjekt, "risiko")
    form = forms.UsikkerhetForm(request.POST or None, instance=usikkerhet or Usikkerhet())
    forskjeller = None
    if request.method == "POST" and form.is_valid():
        svar, form, forskjeller = _lagre(
            request,
            prosjekt,
            form,
            "risiko",
            lambda data, versjon: services.usikkerhet_lagre(
                prosjekt=prosjekt,
                usikkerhet=usikkerhet,
                data=data,
                versjon=versjon,
                aktor=request.user,
            ),
        )
        if svar:
            return svar
    return skjema_side(
        request,
        prosjekt,
        form,
        _("Edit risk or opportunity") if usikkerhet else _("New risk or opportunity"),
        arkiver_url=_arkiver_url("prosjekter:risiko-arkiver", prosjekt, usikkerhet),
        forskjeller=forskjeller,
    )


def _arkiver(request, objekt, prosjekt, anker):
    services.element_arkiver(objekt=objekt, aktor=request.user)
    messages.success(request, _("Archived."))
    return _tilbake(prosjekt, anker)


@require_POST
def leveranse_arkiver_view(request, pk, element_pk):
    prosjekt = hent_prosjekt(request, pk, skrive=True)
    leveranse = get_object_or_404(Leveranse, pk=element_pk, prosjekt=prosjekt)
    return _arkiver(request, leveranse, prosjekt, "leveranser")


@require_POST
def gevinst_arkiver_view(request, pk, element_pk):
    prosjekt = hent_prosjekt(request, pk, skrive=True)
    gevinst = get_object_or_404(Gevinst, pk=element_pk, prosjekt=prosjekt)
    return _arkiver(request, gevinst, prosjekt, "gevinster")


@require_POST
def indikator_arkiver_view(request, pk, element_pk):
    prosjekt = hent_prosjekt(request, pk, skrive=True)
    indikator = get_object_or_404(Indikator, pk=element_pk, gevinst__prosjekt=prosjekt)
    return _arkiver(request, indikator, prosjekt, "gevinster")


@require_POST
def ressurs_arkiver_view(request, pk, element_pk):
    prosjekt = hent_prosjekt(request, pk, skrive=True)
    allokering = get_object_or_404(Ressursallokering, pk=element_pk, prosjekt=prosjekt)
    return _arkiver(request, allokering, prosjekt, "ressurser")


@require_POST
def risiko_arkiver_view(request, pk, element_pk):
    prosjekt = hent_prosjekt(request, pk, skrive=True)
    usikkerhet = get_object_or_404(Usikkerhet, pk=element_pk, prosjekt=prosjekt)
    return _arkiver(request, usikkerhet, prosjekt, "risiko")
