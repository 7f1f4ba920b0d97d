"""/resultater/: public projects and decisions, searchable by text, sector and theme.

No login. An exempt object is never found: its address answers 404 like one that never existed.
A search the form refuses (unknown sector or theme, text too long) answers 400 with the message
beside the field and the unfiltered list below it.
"""

from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from offentlig import selectors, tekster
from offentlig.forms import SokForm
from portefolje.spor import side_fra_get

PER_SIDE = 20


def _sok(request):
    form = SokForm(request.GET or None)
    filtre = form.filtre() if form.is_bound else {}
    status = 400 if form.is_bound and not form.is_valid() else 200
    return form, filtre, status


@login_not_required
@require_safe
def prosjekter_view(request):
    form, filtre, status = _sok(request)
    side = Paginator(selectors.prosjektliste(**filtre), PER_SIDE).get_page(side_fra_get(request))
    for p in side.object_list:
        p.offentlig_fase = tekster.fase(p.fase)
        p.offentlig_tilstand = tekster.tilstand(p.tilstand)
        p.samlet_status = tekster.samlet_status(p.siste_farge)
        p.seksjon = p.tjenesteomrade or p.portefolje.seksjon
    return render(
        request,
        "offentlig/prosjekter.html",
        {"form": form, "side": side, "soker": bool(filtre and any(filtre.values()))},
        status=status,
    )


@login_not_required
@require_safe
def beslutninger_view(request):
    form, filtre, status = _sok(request)
    side = Paginator(selectors.beslutningsliste(**filtre), PER_SIDE).get_page(side_fra_get(request))
    prosjekter = selectors.beslutning_prosjekter(side.object_list)
    for b in side.object_list:
        b.offentlig_utfall = tekster.utfall(b.utfall)
        b.offentlig_prosjekt = prosjekter.get(b.pk)
    return render(
        request,
        "offentlig/beslutninger.html",
        {"form": form, "side": side, "soker": bool(filtre and any(filtre.values()))},
        status=status,
    )


@login_not_required
@require_safe
def prosjekt_view(request, pk):
    prosjekt = get_object_or_404(
        selectors.offentlige_prosjekter().select_related(
            "tjenesteomrade", "portefolje__seksjon", "prosjekteier__profil"
        ),
        pk=pk,
    )
    data = selectors.prosjektside(prosjekt)
    for b in data["beslutninger"]:
        b.offentlig_utfall = tekster.utfall(b.utfall)
    return render(
        request,
        "offentlig/prosjekt.html",
        {
            "prosjekt": prosjekt,
            "seksjon": prosjekt.tjenesteomrade or prosjekt.portefolje.seksjon,
            "fase": tekster.fase(prosjekt.fase),
            "tilstand": tekster.tilstand(prosjekt.tilstand),
            "eierrolle": selectors.eierrolle(prosjekt),
            **data,
        },
    )


@login_not_required
@require_safe
def beslutning_view(request, pk):
    beslutning = get_object_or_404(
        selectors.offentlige_beslutninger().select_related(
            "notat__seksjon", "portefolje__seksjon", "mote"
        ),
        pk=pk,
    )
    prosjekt = selectors.beslutning_prosjekter([beslutning]).get(beslutning.pk)
    return render(
        request,
        "offentlig/beslutning.html",
        {
            "beslutning": beslutning,
            "utfall": tekster.utfall(beslutning.utfall),
            "seksjon": beslutning.notat.seksjon or beslutning.portefolje.seksjon,
            "prosjekt": prosjekt,
        },
    )
