"""The portfolio's archive page: what it has filed (minutes, decisions, closing reports), where
each item stands, and «Try again» for one that failed. For the chair and the secretary."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from portefolje.arkiv import tjenester
from portefolje.arkiv.overganger import STATUS
from portefolje.models import Arkivforsendelse, Arkivstatus, Portefolje
from portefolje.overganger import UlovligOvergang
from portefolje.permissions import kan_se_arkiv
from portefolje.spor import side_fra_get

PER_SIDE = 50


def _portefolje(request, slug) -> Portefolje:
    portefolje = get_object_or_404(Portefolje, slug=slug)
    if not kan_se_arkiv(request.user, portefolje):
        raise PermissionDenied
    return portefolje


@require_safe
def arkiv_view(request, slug):
    portefolje = _portefolje(request, slug)
    side = Paginator(
        Arkivforsendelse.objects.filter(portefolje=portefolje).order_by("-opprettet", "-id"),
        PER_SIDE,
    ).get_page(side_fra_get(request))
    for forsendelse in side:
        forsendelse.portefolje = portefolje
        forsendelse.kan_provesigjen = Arkivstatus.VENTER in STATUS.tillatte(
            forsendelse, request.user
        )
    return render(
        request,
        "portefolje/arkiv.html",
        {"portefolje": portefolje, "side": side, "arkiv_paa": tjenester.er_paa()},
    )


@require_POST
def arkiv_prov_igjen_view(request, slug, pk):
    portefolje = _portefolje(request, slug)
    forsendelse = get_object_or_404(Arkivforsendelse, pk=pk, portefolje=portefolje)
    try:
        tjenester.arkivforsendelse_prov_igjen(forsendelse=forsendelse, aktor=request.user)
    except UlovligOvergang as feil:
        messages.error(request, str(feil))
    else:
        messages.success(
            request,
            _("«%(tittel)s» is sent to the archive again.") % {"tittel": forsendelse.tittel},
        )
    return redirect("arkiv", slug=portefolje.slug)
