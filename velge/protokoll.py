"""The minutes (protokoll) of a meeting, as data for the page and as a DOCX file for the archive.

DOCX rather than PDF: the secretary usually adds signatures or corrections before the minutes
are registered, and the municipality's Noark 5 archive system converts documents to PDF/A on
filing anyway. python-docx is small and needs no system libraries (PDF would need a rendering
engine such as WeasyPrint with Pango, or hand-placed ReportLab layout).
"""

from dataclasses import dataclass, field

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from portefolje.eksport import Dokument, trygg_celle
from portefolje.models import Rolle
from portefolje.personer import navn
from velge.models import Beslutning, Protokollgodkjenning
from velge.selectors.habilitet import inhabile_for


@dataclass
class Protokoll:
    mote: object
    medlemmer: list
    beslutninger: list[Beslutning]
    ubehandlet: list
    # None while the minutes are a draft: nothing from the meeting is public yet.
    godkjenning: Protokollgodkjenning | None = None
    # Earlier meetings' minutes approved as an item in this one.
    godkjente: list = field(default_factory=list)


def protokoll_for(mote) -> Protokoll:
    medlemmer = sorted(
        mote.portefolje.medlemskap.select_related("bruker"),
        key=lambda m: (
            [Rolle.LEDER, Rolle.MEDLEM, Rolle.SEKRETAER].index(m.rolle),
            m.bruker.last_name,
        ),
    )
    punkter = list(mote.agendapunkter.select_related("notat").order_by("rekkefolge", "id"))
    beslutninger = {
        b.notat_id: b
        for b in mote.beslutninger.select_related(
            "notat", "besluttet_av", "versjon", "mote", "scenario", "prosjekteier", "prosjektleder"
        )
    }
    ordnet = [beslutninger[p.notat_id] for p in punkter if p.notat_id in beslutninger]
    # Who stepped aside on each case, and why (forvaltningsloven § 6).
    inhabile = inhabile_for(notater=[b.notat for b in ordnet], portefolje=mote.portefolje)
    for b in ordnet:
        b.inhabile = inhabile[b.notat_id]
    ubehandlet = [p.notat for p in punkter if p.notat_id not in beslutninger]
    godkjenning = (
        Protokollgodkjenning.objects.filter(mote=mote)
        .select_related("godkjent_av", "godkjent_i_mote")
        .first()
    )
    return Protokoll(
        mote=mote,
        medlemmer=medlemmer,
        beslutninger=ordnet,
        ubehandlet=ubehandlet,
        godkjenning=godkjenning,
        godkjente=list(
            Protokollgodkjenning.objects.filter(godkjent_i_mote=mote)
            .select_related("mote")
            .order_by("mote__dato")
        ),
    )


def godkjent_tekst(protokoll: Protokoll) -> str:
    """The minutes' status in one line: approved when and by whom, or a draft."""
    g = protokoll.godkjenning
    if g is None:
        return _("Draft: not approved, nothing from this meeting is public yet.")
    dato = formats.date_format(timezone.localtime(g.godkjent), "j. F Y")
    if g.godkjent_av_id:
        tekst = _("Approved %(dato)s by %(navn)s.") % {"dato": dato, "navn": navn(g.godkjent_av)}
    else:
        tekst = _("Approved %(dato)s.") % {"dato": dato}
    if g.godkjent_i_mote_id:
        tekst += " " + _("Approved as an item in the meeting of %(dato)s.") % {
            "dato": formats.date_format(g.godkjent_i_mote.dato, "j. F Y")
        }
    return tekst


def beslutningsrader(b: Beslutning) -> list[tuple]:
    rader = [
        (_("Decision"), b.get_utfall_display()),
        (_("Public justification"), b.begrunnelse),
        (_("Decided by"), navn(b.besluttet_av)),
        (_("Date"), formats.date_format(b.dato, "j. F Y")),
        (_("Recorded"), formats.date_format(timezone.localtime(b.besluttet), "j. F Y H:i")),
        (_("Version decided on"), str(b.versjon.nummer)),
        (
            _("Weighted score (0–100)"),
            "–" if b.vektet_score is None else formats.number_format(b.vektet_score, 1),
        ),
    ]
    if b.parkert_til:
        rader.append((_("Parked until"), formats.date_format(b.parkert_til, "j. F Y")))
    if b.scenario_id:
        rader.append((_("Scenario followed"), b.scenario.navn))
    if b.under_kvorum_grunn:
        rader.append((_("Decided below the quorum, because"), b.under_kvorum_grunn))
    if getattr(b, "inhabile", None):
        rader.append(
            (
                _("Stepped aside (disqualified)"),
                "; ".join(f"{navn(i.bruker)} ({i.grunn})" for i in b.inhabile),
            )
        )
    return rader


def _protokollen_fra(g: Protokollgodkjenning) -> str:
    return _("The minutes of the meeting of %(dato)s") % {
        "dato": formats.date_format(g.mote.dato, "j. F Y")
    }


def som_docx(protokoll: Protokoll) -> bytes:
    """The minutes as a Word document (bytes), through the one DOCX helper: what was typed
    into a decision (which cannot be edited) can never make it fail."""
    mote = protokoll.mote
    dok = Dokument(tittel=_("Minutes: %(mote)s") % {"mote": mote})
    dok.overskrift(_("Minutes"), niva=0)
    dok.avsnitt(
        f"{mote.portefolje.navn} – {formats.date_format(mote.dato, 'j. F Y')}"
        + (f" – {mote.sted}" if mote.sted else "")
    )
    if mote.tittel:
        dok.avsnitt(mote.tittel)
    dok.avsnitt(godkjent_tekst(protokoll))

    dok.overskrift(_("Leader group"))
    for m in protokoll.medlemmer:
        dok.punkt(f"{navn(m.bruker)} ({m.get_rolle_display()})")

    if protokoll.godkjente:
        dok.overskrift(_("Minutes approved in this meeting"))
        for g in protokoll.godkjente:
            dok.punkt(_protokollen_fra(g))

    dok.overskrift(_("Decisions"))
    if not protokoll.beslutninger:
        dok.avsnitt(_("No decisions were made in this meeting."))
    for nr, b in enumerate(protokoll.beslutninger, start=1):
        dok.overskrift(f"{_('Case')} {nr}: {b.notat.tittel}", niva=2)
        dok.tabell([(etikett, trygg_celle(verdi)) for etikett, verdi in beslutningsrader(b)])

    if protokoll.ubehandlet:
        dok.overskrift(_("On the agenda, not decided"))
        for notat in protokoll.ubehandlet:
            dok.punkt(notat.tittel)
    return dok.som_bytes()
