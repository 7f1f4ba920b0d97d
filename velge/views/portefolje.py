"""/portefoljer/ and /portefoljer/<slug>/: the portfolios, and one portfolio's Velge page."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from portefolje.historikk import historikk_for_mange
from portefolje.models import Portefolje
from portefolje.spor import side_fra_get
from velge import permissions, selectors, services
from velge.forms import KriterieFormSet


@require_safe
def oversikt_view(request):
    portefoljer = Portefolje.objects.aktive().select_related("seksjon", "forelder")
    return render(request, "velge/oversikt.html", {"portefoljer": portefoljer})


@require_safe
def detalj_view(request, slug):
    """Criteria with weights, the next meeting's agenda, notes awaiting decision with their
    scores, the ranking with its sensitivity, and the decisions made."""
    portefolje = get_object_or_404(
        Portefolje.objects.select_related("forelder").prefetch_related("medlemskap__bruker"),
        slug=slug,
    )
    side = selectors.portefoljeside(portefolje=portefolje, bruker=request.user)
    historikk = Paginator(selectors.beslutningshistorikk(portefolje), 20).get_page(
        side_fra_get(request)
    )
    return render(
        request,
        "velge/detalj.html",
        {
            "portefolje": portefolje,
            "s": side,
            "side": historikk,
            "kan_vurdere": permissions.kan_vurdere(request.user, portefolje),
            "kan_redigere_kriterier": permissions.kan_redigere_kriterier(request.user, portefolje),
            "kan_redigere_agenda": permissions.kan_redigere_agenda(request.user, portefolje),
            "kan_merke_offentlighet": permissions.kan_merke_offentlighet(request.user, portefolje),
        },
    )


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
