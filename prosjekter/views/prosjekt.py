"""One project's page (status, deliverables, benefits, resources, risk, decisions), base data."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from portefolje.historikk import historikk_for_mange
from portefolje.overganger import UlovligOvergang
from portefolje.samtidighet import Konflikt
from portefolje.skjema import (
    ALLEREDE_LAGRET,
    allerede_opprettet,
    engangsnokkel,
    feil_til_skjema,
    opprett_en_gang,
)
from prosjekter import beregning, permissions, selectors, services
from prosjekter.forms import ProsjektForm, ProsjektOffentlighetForm, StyringsbeslutningForm
from prosjekter.models import Rapporttilstand
from prosjekter.sjekklister import SJEKKLISTE
from prosjekter.views.felles import hent_prosjekt, skjema_etter_konflikt, skjema_side
from prosjekter.views.tidslinje import prosjekt_tidslinje

# The status history shows this many published reports until the reader asks for all.
FORSTE_RAPPORTER = 12


def _apne_risikoer(usikkerheter) -> list:
    return [u for u in usikkerheter if u.type == "risiko" and u.status != "lukket"]


def _risikoer_vist(request, usikkerheter) -> tuple[list, dict | None]:
    """A matrix cell leads here with ?s=&k=: then only the risks it counts, and the cell."""
    celle = selectors.risikocelle(request.GET)
    if not celle:
        return usikkerheter, None
    punkt = (celle["sannsynlighet"], celle["konsekvens"])
    return [
        u for u in _apne_risikoer(usikkerheter) if (u.sannsynlighet, u.konsekvens) == punkt
    ], celle


def _feltlogg(prosjekt, data: dict, *, rapporter: list):
    """The field history of the project and everything its page shows (one pass)."""
    indikatorer = [i for g in data["gevinster"] for i in g.indikatorer.all()]
    return historikk_for_mange(
        [
            prosjekt,
            *rapporter,
            *data["leveranser"],
            *data["gevinster"],
            *indikatorer,
            *[m for i in indikatorer for m in i.malinger.all()],
            *data["allokeringer"],
            *data["usikkerheter"],
            *data["beslutninger"],
            *data["startvedtak"],
        ]
    )


def detalj_view(request, pk):
    prosjekt = hent_prosjekt(request, pk)
    data = selectors.prosjektside(prosjekt)
    rapporter = data["rapporter"]
    publiserte = [r for r in rapporter if r.tilstand == Rapporttilstand.PUBLISERT]
    utkast = next((r for r in rapporter if r.tilstand == Rapporttilstand.UTKAST), None)
    prosjekt.siste_publisert = publiserte[0].publisert if publiserte else None
    for gevinst in data["gevinster"]:
        for indikator in gevinst.indikatorer.all():
            indikator.status = selectors.indikator_status(indikator)
    usikkerheter, celle = _risikoer_vist(request, data["usikkerheter"])
    frist = selectors.neste_rapportfrist(prosjekt)
    kan_redigere = permissions.kan_redigere(request.user, prosjekt)
    return render(
        request,
        "prosjekter/detalj.html",
        {
            "prosjekt": prosjekt,
            "siste": publiserte[0] if publiserte else None,
            "publiserte": publiserte,
            # Ten years of monthly reports: the latest year first, the rest on request.
            "publiserte_vist": publiserte
            if request.GET.get("rapporter") == "alle"
            else publiserte[:FORSTE_RAPPORTER],
            "utkast": utkast,
            "frist": frist,
            "forfalt": frist is not None and frist <= timezone.localdate(),
            "matrise": beregning.risikomatrise(
                (u.sannsynlighet, u.konsekvens) for u in _apne_risikoer(data["usikkerheter"])
            ),
            "kan_redigere": kan_redigere,
            "kan_styre": permissions.kan_styre(request.user, prosjekt),
            "kan_merke_offentlighet": permissions.kan_merke_offentlighet(request.user, prosjekt),
            "kan_se_startplan": permissions.kan_se_startplan(request.user, prosjekt.portefolje),
            # A draft is for the project's people until it is published.
            "feltlogg": _feltlogg(
                prosjekt, data, rapporter=rapporter if kan_redigere else publiserte
            ),
            **data,
            "usikkerheter": usikkerheter,
            "celle": celle,
            # The project's own timeline and dependencies (views/tidslinje.py).
            **prosjekt_tidslinje(prosjekt, request.user),
        },
    )


def rediger_view(request, pk):
    """The project's base data. A stale form is refused, with the person's input kept."""
    prosjekt = hent_prosjekt(request, pk, skrive=True)
    form = ProsjektForm(request.POST or None, instance=prosjekt)
    forskjeller = None
    if request.method == "POST" and form.is_valid():
        try:
            services.prosjekt_lagre(
                prosjekt=prosjekt,
                data=form.data_til_lagring(),
                versjon=form.cleaned_data["versjon"],
                aktor=request.user,
            )
        except Konflikt as feil:
            form, forskjeller = skjema_etter_konflikt(form, feil)
            prosjekt = hent_prosjekt(request, pk)  # the heading shows the saved title
        else:
            messages.success(request, _("The project is saved."))
            return redirect(prosjekt)
    return skjema_side(request, prosjekt, form, _("Edit project"), forskjeller=forskjeller)


def styringsbeslutning_view(request, pk):
    """The chair's decision: continue, put on hold, stop, change phase or close."""
    prosjekt = hent_prosjekt(request, pk)
    if not permissions.kan_styre(request.user, prosjekt):
        raise PermissionDenied
    if request.method == "POST" and allerede_opprettet(request, request.POST.get("skjema_nokkel")):
        # The same form again: the decision it made is what the project page shows now.
        messages.info(request, ALLEREDE_LAGRET)
        return redirect(prosjekt)
    form = StyringsbeslutningForm(request.POST or None, prosjekt=prosjekt, bruker=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            # Once per rendered form: a double click or parallel posts record one decision.
            _beslutning, ny = opprett_en_gang(
                nokkel=engangsnokkel(request, data["skjema_nokkel"]),
                opprett=lambda: services.styringsbeslutning_fatt(
                    prosjekt=prosjekt,
                    type=data["type"],
                    begrunnelse=data["begrunnelse"],
                    til_fase=data.get("til_fase") or "",
                    sjekkliste=data.get("sjekkliste") or [],
                    versjon=data["versjon"],
                    aktor=request.user,
                ),
            )
        except UlovligOvergang as feil:
            form.add_error("type", str(feil))
        except Konflikt as feil:
            # The page shows the project as decided now; a new choice builds on that version.
            prosjekt, postet = feil.objekt, request.POST.copy()
            postet["versjon"] = str(prosjekt.versjon)
            form = StyringsbeslutningForm(postet, prosjekt=prosjekt, bruker=request.user)
            form.is_valid()
            form.add_error(None, str(feil))
        except ValidationError as feil:
            feil_til_skjema(form, feil)
        else:
            if ny:
                messages.success(request, _("The decision is recorded."))
            else:
                messages.info(request, ALLEREDE_LAGRET)
            return redirect(prosjekt)
    return render(
        request,
        "prosjekter/styringsbeslutning.html",
        {
            "prosjekt": prosjekt,
            "form": form,
            "sjekklister": [(fase, punkter) for fase, punkter in SJEKKLISTE.items()],
        },
    )


def offentlighet_view(request, pk):
    """The chair's choice: the project is public (the default) or exempt, with its legal basis."""
    prosjekt = hent_prosjekt(request, pk)
    if not permissions.kan_merke_offentlighet(request.user, prosjekt):
        raise PermissionDenied
    form = ProsjektOffentlighetForm(
        request.POST or None,
        initial={
            "unntatt": prosjekt.unntatt_offentlighet,
            "hjemmel": prosjekt.hjemmel,
            "versjon": prosjekt.versjon,
        },
    )
    konflikt = False
    if request.method == "POST" and form.is_valid():
        try:
            prosjekt = services.prosjekt_sett_offentlighet(
                prosjekt=prosjekt,
                unntatt=form.cleaned_data["unntatt"],
                hjemmel=form.cleaned_data["hjemmel"],
                versjon=form.cleaned_data["versjon"],
                aktor=request.user,
            )
        except Konflikt as feil:
            data = form.data.copy()
            data["versjon"] = str(feil.objekt.versjon)
            form = ProsjektOffentlighetForm(data)
            form.is_valid()
            form.add_error(None, str(feil))
            prosjekt, konflikt = feil.objekt, True
        except ValidationError as feil:
            form.add_error(None, feil)
        else:
            messages.success(
                request,
                _("The project is exempt from public access.")
                if prosjekt.unntatt_offentlighet
                else _("The project is public."),
            )
            return redirect(prosjekt)
    return render(
        request,
        "prosjekter/offentlighet.html",
        {"prosjekt": prosjekt, "form": form},
        status=409 if konflikt else 200,
    )
