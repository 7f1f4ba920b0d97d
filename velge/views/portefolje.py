"""/portefoljer/ and /portefoljer/<slug>/: the portfolios, and one portfolio's Velge page."""

from datetime import date

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from django.views.decorators.vary import vary_on_headers

from konseptnotat import arsbelop
from portefolje.historikk import historikk_for_mange
from portefolje.models import Portefolje
from portefolje.spor import side_fra_get
from velge import permissions, plass, selectors, services
from velge.forms import KriterieFormSet


@require_safe
def oversikt_view(request):
    portefoljer = Portefolje.objects.aktive().select_related("seksjon", "forelder")
    return render(request, "velge/oversikt.html", {"portefoljer": portefoljer})


# A long list shows this many rows first; «Show all» (htmx) fetches the rest.
FORSTE = plass.FORSTE
# Sensitivity: per weight move, the highest placed notes that change place; the rest are counted.
FORSTE_FLYTTET = 5
DELER = {
    "rangering": "velge/_rangering.html",
    "venter": "velge/_venter.html",
    "plass": "velge/_plass.html",
}


def _venter_rekkefolge(resultat):
    """Notes on an upcoming agenda first (soonest meeting), then the rest by title."""
    punkt = resultat.agendapunkt
    if punkt is None:
        return (1, date.max, resultat.notat.tittel)
    return (0, punkt.mote.dato, resultat.notat.tittel)


@require_safe
@vary_on_headers("HX-Request")
def detalj_view(request, slug):
    """Criteria with weights, the next meeting's agenda, notes awaiting decision with their
    scores, the ranking with its sensitivity, what fits in the frames, and the decisions made.

    Long lists show their first rows; `?alle=rangering|venter|plass` shows one in full (the
    fragment alone for htmx, the whole page without it)."""
    portefolje = get_object_or_404(
        Portefolje.objects.select_related("forelder").prefetch_related("medlemskap__bruker"),
        slug=slug,
    )
    side = selectors.portefoljeside(portefolje=portefolje, bruker=request.user)
    alle = request.GET.get("alle", "")
    side.til_beslutning.sort(key=_venter_rekkefolge)
    ar = arsbelop.planar()
    p = plass.plass_for(
        # Hidden from a member who has not scored: not computed either.
        resultater=[] if side.rangering_skjult else side.til_beslutning,
        rammer=plass.rammer_for(portefolje, ar),
        kostnader={r.notat.pk: plass.kostnad_av(r.notat.arsbelop) for r in side.til_beslutning},
        palagte={r.notat.pk for r in side.til_beslutning if r.notat.palagt},
        valgt_ar=plass.valgt_ar_fra(request, ar),
        alle=alle == "plass",
    )
    venter_vist = side.til_beslutning if alle == "venter" else side.til_beslutning[:FORSTE]
    selectors.med_visningsdetaljer(venter_vist)
    kontekst = {
        "portefolje": portefolje,
        "s": side,
        "p": p,
        "rangering_vist": side.rangering if alle == "rangering" else side.rangering[:FORSTE],
        "venter_vist": venter_vist,
        "rangering": side.rangering,
        "rangering_skjult": side.rangering_skjult,
        "sensitivitet": side.sensitivitet,
        # Shortened with the ranking only, so «show all» is there whenever something is left out.
        "sensitivitet_vist": [v.forkortet(FORSTE_FLYTTET) for v in side.sensitivitet]
        if alle != "rangering" and len(side.rangering) > FORSTE
        else side.sensitivitet,
        "alle_url": request.path,
        "plass_url": request.path,
        "kan_vurdere": permissions.kan_vurdere(request.user, portefolje),
        "kan_redigere_kriterier": permissions.kan_redigere_kriterier(request.user, portefolje),
        "kan_redigere_agenda": permissions.kan_redigere_agenda(request.user, portefolje),
        "kan_se_scenarioer": permissions.kan_se_scenarioer(request.user, portefolje),
        "kan_sette_rammer": permissions.kan_sette_rammer(request.user, portefolje),
        "kan_merke_offentlighet": permissions.kan_merke_offentlighet(request.user, portefolje),
    }
    if request.htmx and alle in DELER:
        return render(request, DELER[alle], kontekst)
    kontekst["side"] = Paginator(selectors.beslutningshistorikk(portefolje), 20).get_page(
        side_fra_get(request)
    )
    return render(request, "velge/detalj.html", kontekst)


def kriterier_view(request, slug):
    """The chair keeps the criteria: names, weights, direction and the described 1–5 scale."""
    portefolje = get_object_or_404(Portefolje, slug=slug)
    if not permissions.kan_redigere_kriterier(request.user, portefolje):
        raise PermissionDenied
    queryset = portefolje.kriterier.all()
    formset = KriterieFormSet(request.POST or None, queryset=queryset)
    if request.method == "POST" and formset.is_valid():
        endret = [f for f in formset.forms if f.has_changed()]
        try:
            services.kriterier_lagre(portefolje=portefolje, aktor=request.user, skjemaer=endret)
        except ValidationError as feil:
            # Only when someone else changed the criteria meanwhile: nothing was saved.
            messages.error(request, " ".join(feil.messages))
        else:
            messages.success(request, _("The criteria are saved."))
            return redirect(portefolje)
    return render(
        request,
        "velge/kriterier.html",
        {
            "portefolje": portefolje,
            "formset": formset,
            "feltlogg": historikk_for_mange(list(queryset)),
        },
    )
