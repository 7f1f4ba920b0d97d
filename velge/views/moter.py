"""Meetings: create, agenda, the live scoreboard, revealing scores and the meeting pack."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from konseptnotat.models import Konseptnotat, Status
from konseptnotat.services import innhold_av
from portefolje.models import Portefolje
from portefolje.skjema import opprett_en_gang
from velge import permissions, selectors, services
from velge.forms import AgendaLeggTilForm, MoteForm
from velge.views import hent_mote


def _ledige_notater(mote):
    """Ready notes of the meeting's portfolio that are not on its agenda yet."""
    return Konseptnotat.objects.filter(portefolje=mote.portefolje, status=Status.KLAR).exclude(
        agendapunkter__mote=mote
    )


def mote_ny_view(request, slug):
    portefolje = get_object_or_404(Portefolje, slug=slug)
    if not permissions.kan_redigere_agenda(request.user, portefolje):
        raise PermissionDenied
    form = MoteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        nokkel = data.pop("skjema_nokkel")
        mote, _ny = opprett_en_gang(
            nokkel=nokkel,
            opprett=lambda: services.mote_opprett(
                portefolje=portefolje, aktor=request.user, **data
            ),
        )
        messages.success(request, _("The meeting is created. Now put notes on its agenda."))
        return redirect("velge:mote", slug=slug, pk=mote.pk)
    return render(request, "velge/mote_ny.html", {"portefolje": portefolje, "form": form})


def _mote_kontekst(request, mote):
    portefolje = mote.portefolje
    return {
        "portefolje": portefolje,
        "mote": mote,
        "resultater": selectors.moteresultat(mote=mote, bruker=request.user),
        "antall_stemmeberettigede": selectors.antall_stemmeberettigede(portefolje),
        "kan_vurdere": permissions.kan_vurdere(request.user, portefolje),
        "kan_beslutte": permissions.kan_beslutte(request.user, portefolje),
        "kan_redigere_agenda": permissions.kan_redigere_agenda(request.user, portefolje),
        "kan_avslore": permissions.kan_avslore(request.user, portefolje),
    }


@require_safe
def mote_view(request, slug, pk):
    """The meeting: agenda, live scoreboard, and the chair's and secretary's actions."""
    mote = hent_mote(slug, pk)
    kontekst = _mote_kontekst(request, mote)
    if kontekst["kan_redigere_agenda"]:
        kontekst["agendaskjema"] = AgendaLeggTilForm(notater=_ledige_notater(mote))
    return render(request, "velge/mote.html", kontekst)


@require_safe
def mote_resultat_view(request, slug, pk):
    """The scoreboard alone, polled by htmx every few seconds during the meeting."""
    mote = hent_mote(slug, pk)
    return render(request, "velge/_resultat.html", _mote_kontekst(request, mote))


def agenda_legg_til_view(request, slug, pk):
    mote = hent_mote(slug, pk)
    if not permissions.kan_redigere_agenda(request.user, mote.portefolje):
        raise PermissionDenied
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    form = AgendaLeggTilForm(request.POST, notater=_ledige_notater(mote))
    if form.is_valid():
        try:
            services.agenda_legg_til(
                mote=mote, notat=form.cleaned_data["notat"], aktor=request.user
            )
        except ValidationError as feil:
            messages.error(request, " ".join(feil.messages))
        else:
            messages.success(request, _("The note is on the agenda."))
    else:
        messages.error(request, _("Choose a note that is ready for decision."))
    return redirect("velge:mote", slug=slug, pk=mote.pk)


def agenda_fjern_view(request, slug, pk, notat_pk):
    mote = hent_mote(slug, pk)
    if not permissions.kan_redigere_agenda(request.user, mote.portefolje):
        raise PermissionDenied
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    notat = get_object_or_404(Konseptnotat, pk=notat_pk)
    try:
        services.agenda_fjern(mote=mote, notat=notat, aktor=request.user)
    except ValidationError as feil:
        messages.error(request, " ".join(feil.messages))
    else:
        messages.success(request, _("The note is taken off the agenda."))
    return redirect("velge:mote", slug=slug, pk=mote.pk)


def vis_vurderinger_view(request, slug, pk):
    mote = hent_mote(slug, pk)
    if not permissions.kan_avslore(request.user, mote.portefolje):
        raise PermissionDenied
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    services.mote_vis_vurderinger(mote=mote, aktor=request.user)
    messages.success(request, _("Everyone's scores are now shown to all members."))
    return redirect("velge:mote", slug=slug, pk=mote.pk)


@require_safe
def motepakke_view(request, slug, pk):
    """The meeting pack: every agenda note as it was frozen for the meeting, for print."""
    mote = hent_mote(slug, pk)
    punkter = list(
        mote.agendapunkter.select_related("notat", "notat__eier", "versjon").order_by(
            "rekkefolge", "id"
        )
    )
    for punkt in punkter:
        # An item put on the agenda in admin has no frozen version: show the note as it is now.
        punkt.innhold = punkt.versjon.innhold if punkt.versjon else innhold_av(punkt.notat)
    return render(
        request,
        "velge/motepakke.html",
        {"portefolje": mote.portefolje, "mote": mote, "punkter": punkter},
    )
