"""A portfolio report's content (every project's latest published status, economy, benefits and
largest risks for a period) and its two formats: PDF for reading and the archive, DOCX for those
who want to add a cover letter before it goes to the kommunestyre.

Benefits and risks come from the report's snapshot, so the portfolio report says what the
status reports said. A report published before snapshots were kept is marked, and its project's
benefits and risks are shown as they stand when the portfolio report is made.
"""

import io
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from portefolje import personer
from portefolje.eksport import trygg_celle
from portefolje.pdf import html_til_pdf
from prosjekter.models import Prosjekt, Rapporttilstand, Statusrapport, Tilstand
from prosjekter.oyeblikksbilde import bilde_lag, bilde_les
from prosjekter.selectors import siste_publiserte

STORSTE_RISIKOER = 3


@dataclass
class Prosjektdel:
    prosjekt: Prosjekt
    rapport: Statusrapport | None
    i_perioden: bool = False
    fra_bilde: bool = False
    gevinster: list = field(default_factory=list)
    risikoer: list = field(default_factory=list)


@dataclass
class Innhold:
    portefolje: object
    fra: date
    til: date
    laget: object
    bestilt_av: object
    deler: list[Prosjektdel]

    @property
    def sum_budsjett(self):
        return sum(d.rapport.budsjett or 0 for d in self.deler if d.rapport)

    @property
    def sum_prognose(self):
        return sum(d.rapport.prognose or 0 for d in self.deler if d.rapport)


def prosjekter_i(portefolje, fra: date, til: date):
    """The portfolio's projects (and those of the portfolios below it) that are running, or
    that published a status report in the period."""
    return (
        Prosjekt.objects.filter(Q(portefolje=portefolje) | Q(portefolje__forelder=portefolje))
        .filter(
            Q(tilstand__in=[Tilstand.AKTIV, Tilstand.PA_VENT])
            | Q(
                statusrapporter__tilstand=Rapporttilstand.PUBLISERT,
                statusrapporter__publisert__date__range=(fra, til),
            )
        )
        .distinct()
        .order_by("nummer", "pk")
    )


def innhold_lag(*, portefolje, fra: date, til: date, bestilt_av=None, fremdrift=None) -> Innhold:
    """Collect the report's content. `fremdrift(ferdige, totalt)` is called after each project."""
    prosjekter = list(prosjekter_i(portefolje, fra, til))
    # Each project's latest report by `til`, found in the database: years of monthly reports,
    # each with its frozen snapshot, need not be read to keep one per project.
    ider = Prosjekt.objects.filter(pk__in=[p.pk for p in prosjekter]).values(
        siste=siste_publiserte("pk", til=til)
    )
    siste = {r.prosjekt_id: r for r in Statusrapport.objects.filter(pk__in=ider)}
    deler = []
    for nr, prosjekt in enumerate(prosjekter, start=1):
        rapport = siste.get(prosjekt.pk)
        del_ = Prosjektdel(prosjekt=prosjekt, rapport=rapport)
        if rapport is not None:
            del_.i_perioden = timezone.localdate(rapport.publisert) >= fra
        bilde = bilde_les(rapport.oyeblikksbilde) if rapport is not None else None
        del_.fra_bilde = bilde is not None
        if bilde is None:
            bilde = bilde_les(bilde_lag(prosjekt=prosjekt))
        del_.gevinster = bilde["gevinster"]
        del_.risikoer = [
            u for u in bilde["usikkerheter"] if u["type"] == "risiko" and u["status"] != "lukket"
        ][:STORSTE_RISIKOER]
        deler.append(del_)
        if fremdrift is not None:
            fremdrift(nr, len(prosjekter))
    return Innhold(
        portefolje=portefolje,
        fra=fra,
        til=til,
        laget=timezone.now(),
        bestilt_av=bestilt_av,
        deler=deler,
    )


def som_pdf(innhold: Innhold) -> bytes:
    html = render_to_string("rapporter/portefoljerapport_pdf.html", {"innhold": innhold})
    return html_til_pdf(html, stilark=["css/rapport-pdf.css"])


def _dato(d) -> str:
    return formats.date_format(d, "j.n.Y") if d else "–"


def _kroner(verdi) -> str:
    if verdi is None:
        return "–"
    return f"{formats.number_format(int(verdi), 0, force_grouping=True)} kr"


def tittel(innhold: Innhold) -> str:
    return _("Portfolio report %(portefolje)s, %(fra)s–%(til)s") % {
        "portefolje": innhold.portefolje.navn,
        "fra": _dato(innhold.fra),
        "til": _dato(innhold.til),
    }


def som_docx(innhold: Innhold) -> bytes:
    """The report as a Word document (bytes), with the same content as the PDF."""
    from docx import Document

    dok = Document()
    egenskaper = dok.core_properties
    egenskaper.title = tittel(innhold)
    egenskaper.language = "nb-NO"
    egenskaper.created = innhold.laget
    egenskaper.keywords = _("portfolio report")
    if innhold.bestilt_av is not None:
        egenskaper.author = personer.navn(innhold.bestilt_av)
    dok.add_heading(tittel(innhold), level=0)
    dok.add_paragraph(
        _("Made %(dato)s. Each project's latest status report published by %(til)s.")
        % {
            "dato": formats.date_format(timezone.localtime(innhold.laget), "j.n.Y H:i"),
            "til": _dato(innhold.til),
        }
    )
    dok.add_heading(_("Summary"), level=1)
    oversikt = dok.add_table(rows=1, cols=6)
    oversikt.style = "Table Grid"
    for celle, tekst in zip(
        oversikt.rows[0].cells,
        [_("Project"), _("Phase"), _("Status"), _("Reported"), _("Budget"), _("Forecast")],
        strict=True,
    ):
        celle.text = str(tekst)
    for d in innhold.deler:
        r = d.rapport
        celler = oversikt.add_row().cells
        celler[0].text = trygg_celle(f"{d.prosjekt.nummer} {d.prosjekt.tittel}")
        celler[1].text = str(d.prosjekt.get_fase_display())
        celler[2].text = str(r.get_farge_display()) if r else _("No report")
        celler[3].text = _dato(timezone.localdate(r.publisert)) if r else "–"
        celler[4].text = _kroner(r.budsjett) if r else "–"
        celler[5].text = _kroner(r.prognose) if r else "–"
    sum_rad = oversikt.add_row().cells
    sum_rad[0].text = _("Sum")
    sum_rad[4].text = _kroner(innhold.sum_budsjett)
    sum_rad[5].text = _kroner(innhold.sum_prognose)

    for d in innhold.deler:
        p, r = d.prosjekt, d.rapport
        dok.add_heading(trygg_celle(f"{p.nummer} {p.tittel}"), level=1)
        if r is None:
            dok.add_paragraph(_("No status report published by the end of the period."))
            continue
        dato = _dato(timezone.localdate(r.publisert))
        if d.i_perioden:
            dok.add_paragraph(_("Status report of %(dato)s.") % {"dato": dato})
        else:
            dok.add_paragraph(
                _("No status report in the period; the latest is of %(dato)s.") % {"dato": dato}
            )
        tabell = dok.add_table(rows=0, cols=3)
        tabell.style = "Table Grid"
        rad = tabell.add_row().cells
        rad[0].text, rad[1].text = _("Overall"), str(r.get_farge_display())
        for etikett, verdi, _farge, kommentar in r.dimensjoner():
            rad = tabell.add_row().cells
            rad[0].text = str(etikett)
            rad[1].text = str(verdi or _("Not set"))
            rad[2].text = trygg_celle(kommentar)
        for etikett, tekst in ((_("Achieved"), r.oppnadd), (_("Challenges"), r.utfordringer)):
            if tekst:
                avsnitt = dok.add_paragraph()
                avsnitt.add_run(f"{etikett}: ").bold = True
                avsnitt.add_run(trygg_celle(tekst))
        dok.add_paragraph(
            f"{_('Budget')}: {_kroner(r.budsjett)} · {_('Cost to date')}: "
            f"{_kroner(r.kostnad_hittil)} · {_('Forecast')}: {_kroner(r.prognose)}"
        )
        if not d.fra_bilde:
            dok.add_paragraph(
                _(
                    "The report has no snapshot: benefits and risks are shown as they stood "
                    "when this portfolio report was made."
                )
            )
        dok.add_heading(_("Benefits"), level=2)
        indikatorer = [(g, i) for g in d.gevinster for i in g["indikatorer"]]
        if not indikatorer:
            dok.add_paragraph(_("No benefits with indicators."))
        for g, i in indikatorer:
            siste = (
                f"{formats.localize(i['siste']['verdi'])} ({_dato(i['siste']['dato'])})"
                if i["siste"]
                else "–"
            )
            prosent = "–" if i["prosent"] is None else f"{i['prosent']} %"
            dok.add_paragraph(
                trygg_celle(
                    f"{g['tittel']}: {i['navn']} – {_('latest')} {siste}, "
                    f"{_('realisation')} {prosent}"
                ),
                style="List Bullet",
            )
        dok.add_heading(_("Largest risks"), level=2)
        if not d.risikoer:
            dok.add_paragraph(_("No open risks."))
        for u in d.risikoer:
            dok.add_paragraph(
                trygg_celle(
                    f"{u['tittel']}: {u['sannsynlighet']} × {u['konsekvens']} = {u['faktor']}"
                ),
                style="List Bullet",
            )
    ut = io.BytesIO()
    dok.save(ut)
    return ut.getvalue()
