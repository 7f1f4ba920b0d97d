"""The minutes (protokoll) of a meeting, as data for the page and as a DOCX file for the archive.

DOCX rather than PDF: the secretary usually adds signatures or corrections before the minutes
are registered, and the municipality's Noark 5 archive system converts documents to PDF/A on
filing anyway. python-docx is small and needs no system libraries (PDF would need a rendering
engine such as WeasyPrint with Pango, or hand-placed ReportLab layout).
"""

import io
from dataclasses import dataclass

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from portefolje.eksport import trygg_celle
from portefolje.models import Rolle
from portefolje.personer import navn
from velge.models import Beslutning


@dataclass
class Protokoll:
    mote: object
    medlemmer: list
    beslutninger: list[Beslutning]
    ubehandlet: list


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
            "notat", "besluttet_av", "versjon", "mote", "scenario"
        )
    }
    ordnet = [beslutninger[p.notat_id] for p in punkter if p.notat_id in beslutninger]
    ubehandlet = [p.notat for p in punkter if p.notat_id not in beslutninger]
    return Protokoll(mote=mote, medlemmer=medlemmer, beslutninger=ordnet, ubehandlet=ubehandlet)


def som_docx(protokoll: Protokoll) -> bytes:
    """The minutes as a Word document (bytes)."""
    from docx import Document

    mote = protokoll.mote
    dok = Document()
    dok.core_properties.title = _("Minutes: %(mote)s") % {"mote": mote}
    dok.core_properties.language = "nb-NO"
    dok.add_heading(_("Minutes"), level=0)
    dok.add_paragraph(
        f"{mote.portefolje.navn} – {formats.date_format(mote.dato, 'j. F Y')}"
        + (f" – {mote.sted}" if mote.sted else "")
    )
    if mote.tittel:
        dok.add_paragraph(mote.tittel)

    dok.add_heading(_("Leader group"), level=1)
    for m in protokoll.medlemmer:
        dok.add_paragraph(f"{navn(m.bruker)} ({m.get_rolle_display()})", style="List Bullet")

    dok.add_heading(_("Decisions"), level=1)
    if not protokoll.beslutninger:
        dok.add_paragraph(_("No decisions were made in this meeting."))
    for nr, b in enumerate(protokoll.beslutninger, start=1):
        dok.add_heading(f"{_('Case')} {nr}: {b.notat.tittel}", level=2)
        tabell = dok.add_table(rows=0, cols=2)
        tabell.style = "Table Grid"
        rader = [
            (_("Decision"), b.get_utfall_display()),
            (_("Rationale"), b.begrunnelse),
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
        for etikett, verdi in rader:
            celler = tabell.add_row().cells
            celler[0].text = str(etikett)
            celler[1].text = str(trygg_celle(verdi) or "")

    if protokoll.ubehandlet:
        dok.add_heading(_("On the agenda, not decided"), level=1)
        for notat in protokoll.ubehandlet:
            dok.add_paragraph(notat.tittel, style="List Bullet")

    ut = io.BytesIO()
    dok.save(ut)
    return ut.getvalue()
