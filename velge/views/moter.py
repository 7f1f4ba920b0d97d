"""Meetings: create, agenda, the live scoreboard, revealing scores and the meeting pack."""

import hashlib

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from django.views.decorators.vary import vary_on_headers

from konseptnotat import arsbelop
from konseptnotat.models import Konseptnotat, Status
from konseptnotat.services import innhold_av
from portefolje.models import Portefolje
from portefolje.skjema import engangsnokkel, feil_til_skjema, opprett_en_gang
from velge import matrise, permissions, plass, selectors, services
from velge.forms import AgendaLeggTilForm, MoteForm
from velge.selectors.grunnlag import grunnlag_for_mote
from velge.views import hent_mote
from velge.views.protokoll import forrige_protokoll


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
        data = form.cleaned_data
        try:
            mote, _ny = opprett_en_gang(
                nokkel=engangsnokkel(request, data["skjema_nokkel"]),
                opprett=lambda: services.mote_opprett(
                    portefolje=portefolje,
                    aktor=request.user,
                    dato=data["dato"],
                    tittel=data["tittel"],
                    sted=data["sted"],
                ),
            )
        except ValidationError as feil:
            feil_til_skjema(form, feil)
        else:
            messages.success(request, _("The meeting is created. Now put notes on its agenda."))
            return redirect("velge:mote", slug=slug, pk=mote.pk)
    return render(request, "velge/mote_ny.html", {"portefolje": portefolje, "form": form})


def _mote_kontekst(request, mote):
    """The meeting's context, with each note's figures rendered once (`tall_html`) and the
    fingerprint of every refreshable region, so the page and the poll show the same thing."""
    portefolje = mote.portefolje
    kriterier = selectors.aktive_kriterier(portefolje)
    kontekst = {
        "portefolje": portefolje,
        "mote": mote,
        "resultater": selectors.moteresultat(mote=mote, bruker=request.user, kriterier=kriterier),
        "antall_stemmeberettigede": selectors.antall_stemmeberettigede(portefolje),
        "kan_vurdere": permissions.kan_vurdere(request.user, portefolje),
        "kan_beslutte": permissions.kan_beslutte(request.user, portefolje),
        "kan_redigere_agenda": permissions.kan_redigere_agenda(request.user, portefolje),
        "kan_avslore": permissions.kan_avslore(request.user, portefolje),
    }
    # Impartiality per item: who is disqualified, who chairs it, who may decide.
    selectors.merk_saker(kontekst["resultater"], bruker=request.user, portefolje=portefolje)
    omrader = {}
    for r in kontekst["resultater"]:
        # «Scored by X of N»: N counts those who may score this note, as the quorum does.
        r.extra["stemmeberettigede"] = kontekst["antall_stemmeberettigede"] - len(
            r.extra["inhabile"]
        )
        r.tall_html = render_to_string("velge/_tall.html", {**kontekst, "r": r}, request)
        omrader[f"tall-{r.notat.pk}"] = r.tall_html
    rangering, sensitivitet, skjult = selectors.rangering_for(kontekst["resultater"], kriterier)
    kontekst["rangering_html"] = render_to_string(
        "velge/_rangering.html",
        {
            "rangering": rangering,
            "sensitivitet": sensitivitet,
            "rangering_skjult": skjult,
            "i_mote": True,
        },
        request,
    )
    omrader["rangering"] = kontekst["rangering_html"]
    kontekst["plass_ar"] = arsbelop.planar()
    kontekst["plass_valgt_ar"] = plass.valgt_ar_fra(request, kontekst["plass_ar"])
    kontekst["plass_html"] = _plass_html(request, mote, kontekst["resultater"])
    omrader["plass"] = kontekst["plass_html"]
    kontekst["omrader"] = omrader
    kontekst["fingeravtrykk"] = _fingeravtrykk(omrader)
    return kontekst


def _plass_html(request, mote, resultater) -> str:
    """What fits in the frames, with the costs the members read: the version frozen for the
    agenda. The chair and secretary see it before the reveal, marked as preliminary."""
    portefolje = mote.portefolje
    ar = arsbelop.planar()
    skjult, forelopig = selectors.budsjettvisning(
        resultater=resultater,
        bruker=request.user,
        portefolje=portefolje,
        avslort_alle=mote.vurderinger_synlige,
    )
    return render_to_string(
        "velge/_plass.html",
        {
            "p": plass.plass_for(
                resultater=resultater,
                rammer=plass.rammer_for(portefolje, ar),
                kostnader=_kostnader(resultater),
                palagte=plass.palagte_blant(r.notat.pk for r in resultater),
                valgt_ar=plass.valgt_ar_fra(request, ar),
                alle=True,
            ),
            "plass_skjult": skjult,
            "forelopig": forelopig,
            # Polled: the year links stand above it on the meeting page.
            "i_mote": True,
            # The poll's address is .../resultat/: the year links go to the meeting page.
            "plass_url": reverse("velge:mote", kwargs={"slug": portefolje.slug, "pk": mote.pk}),
        },
        request,
    )


def _kostnader(resultater) -> dict:
    """Each agenda note's costs per year as the members read them: the version frozen for the
    agenda."""
    return {
        r.notat.pk: plass.kostnad_av(
            (r.agendapunkt.versjon.innhold if r.agendapunkt.versjon else {}).get(
                "arsbelop", r.notat.arsbelop
            )
        )
        for r in resultater
    }


def _fingeravtrykk(omrader: dict[str, str]) -> str:
    return ".".join(
        f"{navn}:{hashlib.sha256(html.encode()).hexdigest()[:12]}" for navn, html in omrader.items()
    )


@require_safe
def mote_view(request, slug, pk):
    """The meeting: agenda, live scoreboard, and the chair's and secretary's actions."""
    mote = hent_mote(slug, pk)
    kontekst = _mote_kontekst(request, mote)
    # The matrix is drawn once with the page, not polled: a moving bubble under the pointer
    # would be worse than a figure a few minutes old.
    resultater = kontekst["resultater"]
    kontekst["m"] = matrise.matrise_for(
        resultater=resultater,
        kriterier=selectors.aktive_kriterier(mote.portefolje),
        kostnader=_kostnader(resultater),
    )
    kontekst["matrise_skjult"] = selectors.rangering_skjult(resultater)
    # When the portfolio approves minutes in its next meeting: the previous one's, as an item.
    kontekst["forrige"] = forrige_protokoll(request, mote)
    kontekst["kan_redigere_kriterier"] = permissions.kan_redigere_kriterier(
        request.user, mote.portefolje
    )
    if kontekst["kan_redigere_agenda"]:
        kontekst.update(_agenda_sok(request, mote))
    return render(request, "velge/mote.html", kontekst)


# KLG has hundreds of ready notes; the chair finds one by title instead of scrolling a
# list of all of them, and the page costs the same however many there are.
AGENDA_TREFF = 10


def _agenda_sok(request, mote) -> dict:
    """The ready notes matching ?finn= (title), the first AGENDA_TREFF by title, and how many
    are ready in all: two fixed queries."""
    finn = request.GET.get("finn", "").replace("\x00", "").strip()[:100]
    ledige = _ledige_notater(mote)
    treff = ledige.filter(tittel__icontains=finn) if finn else ledige
    treff = list(
        treff.select_related("eier")
        .only("tittel", "eier__username", "eier__first_name", "eier__last_name")
        .order_by("tittel", "id")[: AGENDA_TREFF + 1]
    )
    return {
        "finn": finn,
        "agenda_antall": ledige.count(),
        "agenda_treff": treff[:AGENDA_TREFF],
        "agenda_flere": len(treff) > AGENDA_TREFF,
    }


def _les_avtrykk(tekst: str) -> dict[str, str]:
    return dict(d.split(":", 1) for d in tekst.split(".") if ":" in d)


@require_safe
@vary_on_headers("HX-Request")
def mote_resultat_view(request, slug, pk):
    """The scoreboard, polled by htmx every five seconds during the meeting.

    The poll sends `fp`, the fingerprints of the regions it shows. Nothing changed: 204, and
    htmx leaves the page alone. Otherwise the poll element anew, plus an out-of-band swap of the
    inner HTML of each changed region only; a changed agenda is announced, not swapped in, so
    no link or button moves under the person's focus. Without htmx: the whole scoreboard.
    """
    mote = hent_mote(slug, pk)
    kontekst = _mote_kontekst(request, mote)
    if not request.htmx:
        return render(request, "velge/_resultat.html", kontekst)
    if kontekst["fingeravtrykk"] == request.GET.get("fp", ""):
        return HttpResponse(status=204)
    vist, nye = _les_avtrykk(request.GET.get("fp", "")), _les_avtrykk(kontekst["fingeravtrykk"])
    kontekst["endrede"] = [
        (navn, kontekst["omrader"][navn])
        for navn, avtrykk in nye.items()
        if navn in vist and vist[navn] != avtrykk
    ]
    kontekst["agenda_endret"] = set(vist) != set(nye)
    return render(request, "velge/_avstemming_svar.html", kontekst)


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
    # The basis each decision is made on, printed with the note (by the scoring rule).
    grunnlag = grunnlag_for_mote(
        mote=mote, bruker=request.user, kriterier=selectors.aktive_kriterier(mote.portefolje)
    )
    for punkt in punkter:
        punkt.grunnlag = grunnlag[punkt.notat_id]
    return render(
        request,
        "velge/motepakke.html",
        {"portefolje": mote.portefolje, "mote": mote, "punkter": punkter},
    )
