"""/portefoljer/ and /portefoljer/<slug>/: the portfolios, and one portfolio's Velge page."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from django.views.decorators.vary import vary_on_headers

from konseptnotat import arsbelop
from portefolje.historikk import historikk_for_mange
from portefolje.models import Portefolje
from portefolje.samtidighet import Konflikt
from portefolje.spor import side_fra_get
from velge import permissions, plass, selectors, services
from velge.forms import KriterieFormSet
from velge.services.kriterier import KRITERIEFELT


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


def _adressemal(navn: str, slug: str, antall: int):
    """`reverse(navn, slug, id…)` as a function of the ids: reversed once, the ids filled in
    per row. A list of rows with a link each reversed one by one costs about 40 µs a link,
    more than the rest of the row."""
    plasser = [str(2_000_000_000 + i) for i in range(antall)]
    mal = reverse(navn, args=[slug, *plasser])

    def adresse(*ider) -> str:
        ut = mal
        for merke, id_ in zip(plasser, ider, strict=True):
            ut = ut.replace(merke, str(int(id_)))
        return ut

    return adresse


def _med_adresser(portefolje, venter, beslutninger) -> None:
    """The links of the rows shown: scoring or the meeting for a note awaiting decision
    (`adresse`), the minutes and public access for a decision."""
    vurder = _adressemal("velge:vurder", portefolje.slug, 2)
    mote = _adressemal("velge:mote", portefolje.slug, 1)
    for r in venter:
        if r.agendapunkt is not None:
            r.vurder_url = vurder(r.agendapunkt.mote_id, r.notat.pk)
            r.mote_url = mote(r.agendapunkt.mote_id)
    protokoll = _adressemal("velge:protokoll", portefolje.slug, 1)
    offentlighet = _adressemal("velge:beslutning-offentlighet", portefolje.slug, 1)
    for b in beslutninger:
        b.protokoll_url = protokoll(b.mote_id) if b.mote_id else None
        b.offentlighet_url = offentlighet(b.pk)


def _plass_og_matrise(request, portefolje, side, *, alle: bool) -> dict:
    """What fits in the frames (`p`, hidden by `plass_skjult`, marked `forelopig` before the
    reveal) and the portfolio matrix (`m`, hidden by the same rule as the ranking). Both are
    read from the cache (velge.plass); the scoring rule is applied here, on every request, and
    what is hidden is neither read nor built."""
    plass_skjult, forelopig = selectors.budsjettvisning_fra(
        skjult=side.rangering_skjult,
        uavslorte=side.uavslorte,
        bruker=request.user,
        portefolje=portefolje,
    )
    ar = arsbelop.planar()
    felles = {"portefolje": portefolje, "kriterier": side.kriterier, "grunnlag": side.grunnlag}
    p = None
    if not plass_skjult:
        fylling, rammer = plass.portefoljens_fylling(**felles, ar=ar)
        p = plass.plass_fra(
            fylling,
            side.resultat,
            rammer=rammer,
            valgt_ar=plass.valgt_ar_fra(request, ar),
            alle=alle,
        )
    return {
        "p": p,
        "plass_skjult": plass_skjult,
        "forelopig": forelopig,
        "m": None if side.rangering_skjult else plass.portefoljens_matrise(**felles),
        "matrise_skjult": side.rangering_skjult,
    }


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
    venter_vist = side.til_beslutning[: None if alle == "venter" else FORSTE]
    selectors.med_visningsdetaljer(venter_vist)
    kontekst = {
        "portefolje": portefolje,
        "s": side,
        **_plass_og_matrise(request, portefolje, side, alle=alle == "plass"),
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
        _med_adresser(portefolje, venter_vist, [])
        return render(request, DELER[alle], kontekst)
    kontekst["side"] = Paginator(selectors.beslutningshistorikk(portefolje), 20).get_page(
        side_fra_get(request)
    )
    _med_adresser(portefolje, venter_vist, kontekst["side"].object_list)
    return render(request, "velge/detalj.html", kontekst)


def kriterier_view(request, slug):
    """The chair keeps the criteria: names, weights, direction and the described 1–5 scale.

    A save from a page opened before someone else saved the criteria is refused (nothing
    saved): the page comes back with the person's input kept, the conflict message, and what is
    saved now where it differs, at the saved versions so a second save goes through."""
    portefolje = get_object_or_404(Portefolje, slug=slug)
    if not permissions.kan_redigere_kriterier(request.user, portefolje):
        raise PermissionDenied
    formset = KriterieFormSet(request.POST or None, queryset=portefolje.kriterier.all())
    forskjeller = None
    if request.method == "POST" and formset.is_valid():
        endringer = [f.endring() for f in formset.forms if f.has_changed()]
        try:
            services.kriterier_lagre(portefolje=portefolje, aktor=request.user, endringer=endringer)
        except Konflikt as feil:
            formset, forskjeller = _kriterier_etter_konflikt(request, portefolje, formset, feil)
        except ValidationError as feil:
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
            "forskjeller": forskjeller,
            "feltlogg": historikk_for_mange(list(portefolje.kriterier.all())),
        },
        status=409 if forskjeller is not None else 200,
    )


def _kriterier_etter_konflikt(request, portefolje, formset, feil: Konflikt):
    """The formset again after a refused stale save: the person's input kept, each row at the
    version saved now, the message on top; and (criterion, field, value saved now) wherever
    that differs from what they sent."""
    gjeldende = {k.pk: k for k in feil.objekt}
    forskjeller = []
    data = request.POST.copy()
    for skjema in formset.forms:
        kriterium = gjeldende.get(skjema.instance.pk)
        if kriterium is None:
            continue
        data[skjema.add_prefix("versjon")] = str(kriterium.versjon)
        forskjeller += [
            (kriterium.navn, skjema.fields[felt].label, _vist(kriterium, felt))
            for felt in KRITERIEFELT
            if skjema.cleaned_data[felt] != getattr(kriterium, felt)
        ]
    ny = KriterieFormSet(data, queryset=portefolje.kriterier.all())
    ny.is_valid()
    ny.non_form_errors().append(str(feil))
    return ny, forskjeller


def _vist(kriterium, felt: str) -> str:
    """A saved value as people read it: the choice's label, yes or no, «(empty)»."""
    verdi = getattr(kriterium, felt)
    if felt == "retning":
        return kriterium.get_retning_display()
    if isinstance(verdi, bool):
        return _("yes") if verdi else _("no")
    return str(verdi) if verdi not in (None, "") else _("(empty)")
