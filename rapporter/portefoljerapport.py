"""A portfolio report's content (every project's latest published status, economy, benefits and
largest risks for a period) and its two formats: PDF for reading and the archive, DOCX for those
who want to add a cover letter before it goes to the kommunestyre.

Benefits and risks come from the report's snapshot, so the portfolio report says what the
status reports said. A report published before snapshots were kept is marked, and its project's
benefits and risks are shown as they stand when the portfolio report is made.
"""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from portefolje.belop import kroner
from portefolje.eksport import Dokument, trygg_celle
from portefolje.pdf import html_til_pdf
from portefolje.personer import navn
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


def tittel(innhold: Innhold) -> str:
    return _("Portfolio report %(portefolje)s, %(fra)s–%(til)s") % {
        "portefolje": innhold.portefolje.navn,
        "fra": _dato(innhold.fra),
        "til": _dato(innhold.til),
    }


def _docx_sammendrag(dok: Dokument, innhold: Innhold) -> None:
    """The summary table: one row per project, and the sums."""
    rader = []
    for d in innhold.deler:
        r = d.rapport
        rader.append(
            [
                trygg_celle(f"{d.prosjekt.nummer} {d.prosjekt.tittel}"),
                str(d.prosjekt.get_fase_display()),
                str(r.get_farge_display()) if r else _("No report"),
                _dato(timezone.localdate(r.publisert)) if r else "–",
                kroner(r.budsjett) if r else "–",
                kroner(r.prognose) if r else "–",
            ]
        )
    rader.append([_("Sum"), "", "", "", kroner(innhold.sum_budsjett), kroner(innhold.sum_prognose)])
    dok.overskrift(_("Summary"))
    dok.tabell(
        rader,
        overskrift=[
            _("Project"),
            _("Phase"),
            _("Status"),
            _("Reported"),
            _("Budget"),
            _("Forecast"),
        ],
    )


def _docx_status(dok: Dokument, d: Prosjektdel) -> None:
    """One project's status report: when, the colours with comments, achieved, challenges,
    economy."""
    r = d.rapport
    dato = _dato(timezone.localdate(r.publisert))
    if d.i_perioden:
        dok.avsnitt(_("Status report of %(dato)s.") % {"dato": dato})
    else:
        dok.avsnitt(
            _("No status report in the period; the latest is of %(dato)s.") % {"dato": dato}
        )
    dok.tabell(
        [
            [_("Overall"), str(r.get_farge_display()), ""],
            *[
                [str(etikett), str(verdi or _("Not set")), trygg_celle(kommentar)]
                for etikett, verdi, _farge, kommentar in r.dimensjoner()
            ],
        ]
    )
    for etikett, tekst in ((_("Achieved"), r.oppnadd), (_("Challenges"), r.utfordringer)):
        if tekst:
            dok.avsnitt(trygg_celle(tekst), etikett=etikett)
    dok.avsnitt(
        f"{_('Budget')}: {kroner(r.budsjett)} · {_('Cost to date')}: "
        f"{kroner(r.kostnad_hittil)} · {_('Forecast')}: {kroner(r.prognose)}"
    )
    if not d.fra_bilde:
        dok.avsnitt(
            _(
                "The report has no snapshot: benefits and risks are shown as they stood "
                "when this portfolio report was made."
            )
        )


def _docx_gevinster_og_risikoer(dok: Dokument, d: Prosjektdel) -> None:
    dok.overskrift(_("Benefits"), niva=2)
    indikatorer = [(g, i) for g in d.gevinster for i in g["indikatorer"]]
    if not indikatorer:
        dok.avsnitt(_("No benefits with indicators."))
    for g, i in indikatorer:
        siste = (
            f"{formats.localize(i['siste']['verdi'])} ({_dato(i['siste']['dato'])})"
            if i["siste"]
            else "–"
        )
        prosent = "–" if i["prosent"] is None else f"{i['prosent']} %"
        dok.punkt(
            trygg_celle(
                f"{g['tittel']}: {i['navn']} – {_('latest')} {siste}, {_('realisation')} {prosent}"
            )
        )
    dok.overskrift(_("Largest risks"), niva=2)
    if not d.risikoer:
        dok.avsnitt(_("No open risks."))
    for u in d.risikoer:
        dok.punkt(
            trygg_celle(f"{u['tittel']}: {u['sannsynlighet']} × {u['konsekvens']} = {u['faktor']}")
        )


def som_docx(innhold: Innhold) -> bytes:
    """The report as a Word document (bytes), with the same content as the PDF."""
    dok = Dokument(
        tittel=tittel(innhold),
        forfatter=navn(innhold.bestilt_av),
        emneord=_("portfolio report"),
        laget=innhold.laget,
    )
    dok.overskrift(tittel(innhold), niva=0)
    dok.avsnitt(
        _("Made %(dato)s. Each project's latest status report published by %(til)s.")
        % {
            "dato": formats.date_format(timezone.localtime(innhold.laget), "j.n.Y H:i"),
            "til": _dato(innhold.til),
        }
    )
    _docx_sammendrag(dok, innhold)
    for d in innhold.deler:
        dok.overskrift(trygg_celle(f"{d.prosjekt.nummer} {d.prosjekt.tittel}"))
        if d.rapport is None:
            dok.avsnitt(_("No status report published by the end of the period."))
            continue
        _docx_status(dok, d)
        _docx_gevinster_og_risikoer(dok, d)
    return dok.som_bytes()
