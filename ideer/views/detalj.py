"""One input's page, with triage for the development team on the same page (htmx-enhanced)."""

from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from ideer.forms import AvvisForm, BestillForm, SlaaSammenForm, StatusForm, SvarForm, TildelForm
from ideer.models import Innspill, Status, Vedlegg, trygt_filnavn
from ideer.overganger import STATUS, STATUSSKJEMA
from ideer.permissions import (
    kan_laste_ned_vedlegg,
    kan_se_innspill,
    kan_se_personopplysninger,
    kan_triagere,
)
from ideer.selectors import foreslatte_duplikater, innspill_tidslinje
from ideer.services import (
    TriageFeil,
    innspill_avvis,
    innspill_bestill_konseptnotat,
    innspill_besvar,
    innspill_endre_status,
    innspill_slaa_sammen,
    innspill_tildel,
)
from portefolje.overganger import UlovligOvergang, valg
from portefolje.samtidighet import Konflikt


def _hent(request, pk) -> Innspill:
    innspill = get_object_or_404(
        Innspill.objects.select_related(
            "innsender", "portefolje", "initiativtaker", "slatt_sammen_med"
        ).defer("sokevektor"),
        pk=pk,
    )
    if not kan_se_innspill(request.user, innspill):
        raise Http404
    return innspill


def _triageskjemaer(innspill: Innspill, bruker, aktiv: str = "", skjema=None) -> dict:
    """The triage forms, each only if its move is allowed from where the input stands."""
    start = {"versjon": innspill.versjon}
    statusvalg = valg(innspill, bruker, blant=STATUSSKJEMA)
    skjemaer = {
        "status": StatusForm(
            initial={**start, "status": innspill.status, "parkert_til": innspill.parkert_til},
            valg=statusvalg,
        ),
        "svar": SvarForm(initial={**start, "svar": innspill.offentlig_svar}),
        "avvis": AvvisForm(initial=start),
        "slaa_sammen": SlaaSammenForm(initial=start),
        "tildel": TildelForm(
            initial={
                **start,
                "seksjoner": list(innspill.seksjoner.all()),
                "portefolje": innspill.portefolje,
            }
        ),
        "bestill": BestillForm(initial={**start, "initiativtaker": innspill.initiativtaker}),
    }
    if aktiv and skjema is not None:
        if aktiv == "status":
            skjema.fields["status"].choices = [("", _("– choose –")), *statusvalg]
        skjemaer[aktiv] = skjema
    tillatte = STATUS.tillatte(innspill, bruker)
    for navn, til in [
        ("status", None),
        ("avvis", Status.AVVIST),
        ("slaa_sammen", Status.SLATT_SAMMEN),
        ("bestill", Status.KONSEPTNOTAT_BESTILT),
    ]:
        if (navn == "status" and not statusvalg) or (til and til not in tillatte):
            skjemaer[navn] = None
    return skjemaer


def _vis(request, innspill, *, aktiv: str = "", skjema=None, status: int = 200):
    triage = kan_triagere(request.user, innspill)
    se_person = kan_se_personopplysninger(request.user, innspill)
    kontekst = {
        "innspill": innspill,
        "seksjoner": list(innspill.seksjoner.all()),
        "tidslinje": innspill_tidslinje(innspill, handlinger=triage, personopplysninger=se_person),
        "vedlegg": list(innspill.vedlegg.all()),
        "kan_laste_ned": kan_laste_ned_vedlegg(request.user, innspill),
        "sammenslatte": list(innspill.sammenslatte.only("pk", "tittel")),
        "se_person": se_person,
        "kan_triagere": triage,
        "er_innsender": innspill.innsender_id == request.user.pk,
    }
    if triage:
        kontekst["skjema"] = _triageskjemaer(innspill, request.user, aktiv=aktiv, skjema=skjema)
        kontekst["duplikater"] = foreslatte_duplikater(innspill)
        kontekst["aktiv"] = aktiv
    return render(request, "ideer/detalj.html", kontekst, status=status)


def detalj_view(request, pk):
    """An idea or order: what it says, its status and history; triage for the development team."""
    return _vis(request, _hent(request, pk))


def _triage(skjemaklasse, navn: str):
    """A triage POST: permission first, then the form; errors are shown next to their fields."""

    def dekorator(utfor):
        @wraps(utfor)
        def view(request, pk):
            innspill = _hent(request, pk)
            if not kan_triagere(request.user, innspill):
                raise PermissionDenied
            if request.method != "POST":
                return redirect(innspill)
            skjema = skjemaklasse(request.POST)
            if skjema.is_valid():
                try:
                    melding = utfor(request, innspill, skjema.cleaned_data)
                except (TriageFeil, Konflikt, UlovligOvergang) as feil:
                    # Shown at the top of the page (role=alert): it concerns the input as a
                    # whole, and the action may have no visible form (imposed orders).
                    messages.error(request, str(feil))
                else:
                    messages.success(request, melding)
                    return redirect(innspill)
            return _vis(request, _hent(request, pk), aktiv=navn, skjema=skjema)

        return view

    return dekorator


@_triage(StatusForm, "status")
def status_view(request, innspill, data):
    innspill_endre_status(
        innspill=innspill,
        status=data["status"],
        parkert_til=data["parkert_til"],
        kommentar=data["kommentar"],
        versjon=data["versjon"],
        aktor=request.user,
    )
    return _("Status changed.")


@_triage(SvarForm, "svar")
def svar_view(request, innspill, data):
    innspill_besvar(
        innspill=innspill,
        svar=data["svar"],
        lukk=data["lukk"],
        versjon=data["versjon"],
        aktor=request.user,
    )
    return _("The answer is saved and the submitter informed.")


@_triage(AvvisForm, "avvis")
def avvis_view(request, innspill, data):
    innspill_avvis(
        innspill=innspill, grunn=data["grunn"], versjon=data["versjon"], aktor=request.user
    )
    return _("The input is rejected.")


@_triage(SlaaSammenForm, "slaa_sammen")
def slaa_sammen_view(request, innspill, data):
    innspill_slaa_sammen(
        innspill=innspill, inn_i=data["inn_i"], versjon=data["versjon"], aktor=request.user
    )
    return _("The inputs are merged.")


@_triage(TildelForm, "tildel")
def tildel_view(request, innspill, data):
    innspill_tildel(
        innspill=innspill,
        seksjoner=list(data["seksjoner"]),
        portefolje=data["portefolje"],
        versjon=data["versjon"],
        aktor=request.user,
    )
    return _("Sections and portfolio saved.")


@_triage(BestillForm, "bestill")
def bestill_view(request, innspill, data):
    innspill_bestill_konseptnotat(
        innspill=innspill,
        initiativtaker=data["initiativtaker"],
        versjon=data["versjon"],
        aktor=request.user,
    )
    return _("Concept note ordered.")


def vedlegg_view(request, pk, vedlegg_id):
    """Download an attachment, after the permission check; never served straight from disk."""
    vedlegg = get_object_or_404(
        Vedlegg.objects.select_related("innspill"), pk=vedlegg_id, innspill_id=pk
    )
    if not kan_laste_ned_vedlegg(request.user, vedlegg.innspill):
        raise Http404
    try:
        fil = vedlegg.fil.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    # Always a download under the detected type's extension (older rows may keep the
    # uploader's); never sniffed or rendered as a page by the browser.
    svar = FileResponse(
        fil,
        as_attachment=True,
        filename=trygt_filnavn(vedlegg.filnavn, vedlegg.filtype),
        content_type=vedlegg.mime,
    )
    svar["X-Content-Type-Options"] = "nosniff"
    svar["Content-Security-Policy"] = "sandbox"
    return svar
