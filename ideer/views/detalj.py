"""One input's page, with triage for the development team as one form on the same page.

The form works without JavaScript (a post, then the page again); htmx swaps the page in place.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ideer.forms import Handling, TriageForm
from ideer.models import Innspill, Status, Vedlegg, trygt_filnavn
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
from portefolje.overganger import UlovligOvergang
from portefolje.samtidighet import Konflikt

# The message tag of triage's feedback, shown beside the form rather than at the top of the page.
TRIAGE = "triage"


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


def _vis(request, innspill, *, skjema: TriageForm | None = None):
    triage = kan_triagere(request.user, innspill)
    se_person = kan_se_personopplysninger(request.user, innspill)
    meldinger = list(messages.get_messages(request))
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
        # What triage did is said beside its form, where the person's focus is; the rest at
        # the top of the page as everywhere (base.html reads `messages`).
        "messages": [m for m in meldinger if m.extra_tags != TRIAGE],
        "triage_meldinger": [m for m in meldinger if m.extra_tags == TRIAGE],
    }
    if triage:
        skjema = skjema or TriageForm(innspill=innspill, bruker=request.user)
        kontekst["skjema"] = skjema
        kontekst["forste_feil"] = skjema.forste_feil() if skjema.is_bound else None
        kontekst["duplikater"] = foreslatte_duplikater(innspill)
        kontekst["kan_slaa_sammen"] = Handling.SLAA_SAMMEN in dict(
            skjema.fields["handling"].choices
        )
    return render(request, "ideer/detalj.html", kontekst)


def detalj_view(request, pk):
    """An idea or order: what it says, its status and history; triage for the development team."""
    return _vis(request, _hent(request, pk))


def triage_view(request, pk):
    """The one triage form (and the duplicate suggestions' «merge» buttons): permission first,
    then the form; errors beside their fields, a refusal beside the chosen action's field."""
    innspill = _hent(request, pk)
    if not kan_triagere(request.user, innspill):
        raise PermissionDenied
    if request.method != "POST":
        return redirect(innspill)
    skjema = TriageForm(request.POST, innspill=innspill, bruker=request.user)
    if skjema.is_valid():
        data = skjema.cleaned_data
        try:
            melding = UTFOR[data["handling"]](request, innspill, data)
        except Konflikt as feil:
            # Someone saved first: the person's input is kept, checked against what is saved
            # now, and a second «Lagre» builds on that version.
            innspill, postet = _hent(request, pk), request.POST.copy()
            postet["versjon"] = str(feil.objekt.versjon)
            skjema = TriageForm(postet, innspill=innspill, bruker=request.user)
            skjema.is_valid()
            skjema.add_error(None, str(feil))
        except UlovligOvergang as feil:
            skjema.add_error("handling", str(feil))
        except TriageFeil as feil:
            skjema.add_error(skjema.feltnavn_for_feil(), str(feil))
        else:
            messages.success(request, melding, extra_tags=TRIAGE)
            return redirect(innspill)
    return _vis(request, _hent(request, pk), skjema=skjema)


def _kategoriser(request, innspill, data):
    innspill_tildel(
        innspill=innspill,
        seksjoner=list(data["seksjoner"]),
        portefolje=data["portefolje"],
        versjon=data["versjon"],
        aktor=request.user,
    )
    return _("Sections and portfolio saved.")


def _status(til: str, kommentar: str, melding):
    def utfor(request, innspill, data):
        innspill_endre_status(
            innspill=innspill,
            status=til,
            parkert_til=data["parkert_til"] if til == Status.PARKERT else None,
            kommentar=data[kommentar],
            versjon=data["versjon"],
            aktor=request.user,
        )
        return str(melding)

    return utfor


def _bestill(request, innspill, data):
    innspill_bestill_konseptnotat(
        innspill=innspill,
        initiativtaker=data["initiativtaker"],
        versjon=data["versjon"],
        aktor=request.user,
    )
    return _("Concept note ordered.")


def _svar(request, innspill, data):
    innspill_besvar(
        innspill=innspill,
        svar=data["svar"],
        lukk=bool(data.get("lukk")),
        versjon=data["versjon"],
        aktor=request.user,
    )
    return _("The answer is saved and the submitter informed.")


def _slaa_sammen(request, innspill, data):
    innspill_slaa_sammen(
        innspill=innspill, inn_i=data["inn_i"], versjon=data["versjon"], aktor=request.user
    )
    return _("The inputs are merged.")


def _avvis(request, innspill, data):
    innspill_avvis(
        innspill=innspill, grunn=data["grunn"], versjon=data["versjon"], aktor=request.user
    )
    return _("The input is rejected.")


# What «Lagre» does for each action: one existing service each (locking, history, notices).
UTFOR = {
    Handling.KATEGORISER: _kategoriser,
    Handling.VURDER: _status(Status.UNDER_VURDERING, "kommentar", gettext_lazy("Status changed.")),
    Handling.BESTILL: _bestill,
    Handling.SVAR: _svar,
    Handling.SLAA_SAMMEN: _slaa_sammen,
    Handling.PARKER: _status(
        Status.PARKERT, "parkert_kommentar", gettext_lazy("The input is parked.")
    ),
    Handling.AVVIS: _avvis,
}


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
