"""The timeline's geometry: pure arithmetic from dates to SVG coordinates, no database.

The timeline is a picture of the table (`prosjekter.selectors.tidslinje`): every shape drawn
here comes from a field of a table row, so the two cannot disagree. Two zoom levels: «år» (the
portfolio's whole span, years labelled, quarter lines) and «kvartal» (two years around today,
quarters labelled, month lines), moved a quarter or a year at a time. `radtekst` puts a row
in words, for the link's <title> that names it to a screen reader.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from portefolje.farger import PALETT, Farge, toner
from prosjekter.beregning import add_maneder

ZOOM = ("ar", "kvartal")
# Pixels per month at each zoom: a year is 168 px wide on the overview, 432 px zoomed in.
PX_PER_MANED = {"ar": 14, "kvartal": 36}
ETIKETT_BREDDE = 300  # number and title
STATUS_BREDDE = 90  # the status word beside the title
RAD_HOYDE = 30
TOPP = 34  # the axis labels
GRUPPE_HOYDE = 26


def kvartalstart(dag: date) -> date:
    return date(dag.year, (dag.month - 1) // 3 * 3 + 1, 1)


def vindu(*, zoom: str, idag: date, datoer: list[date], forskyvning: int = 0) -> tuple[date, date]:
    """[first day, day after the last] shown.

    «år»: whole years from the earliest to the latest date (at most 3 years back and 6 ahead of
    today), moved `forskyvning` years. «kvartal»: two quarters back to six ahead of today,
    moved `forskyvning` quarters.
    """
    if zoom == "kvartal":
        fra = add_maneder(kvartalstart(idag), -6 + 3 * forskyvning)
        return fra, add_maneder(fra, 24)
    forste = min([*datoer, idag]).year
    siste = max([*datoer, idag]).year
    forste = max(forste, idag.year - 3) + forskyvning
    siste = min(siste, idag.year + 6) + forskyvning
    return date(forste, 1, 1), date(siste + 1, 1, 1)


@dataclass
class Akse:
    fra: date
    til: date
    zoom: str
    px_per_maned: int = field(init=False)

    def __post_init__(self):
        self.px_per_maned = PX_PER_MANED[self.zoom]

    @property
    def venstre(self) -> int:
        return ETIKETT_BREDDE + STATUS_BREDDE

    @property
    def bredde(self) -> int:
        maneder = (self.til.year - self.fra.year) * 12 + self.til.month - self.fra.month
        return maneder * self.px_per_maned

    def x(self, dag: date) -> float:
        """The x of a date, clamped to the window; days within a month are spread evenly."""
        if dag <= self.fra:
            return float(self.venstre)
        if dag >= self.til:
            return float(self.venstre + self.bredde)
        maneder = (dag.year - self.fra.year) * 12 + dag.month - self.fra.month
        neste = add_maneder(dag, 1)
        dager_i_maned = (neste - dag.replace(day=1)).days
        return round(
            self.venstre + (maneder + (dag.day - 1) / dager_i_maned) * self.px_per_maned, 1
        )

    def synlig(self, fra: date | None, til: date | None) -> bool:
        return fra is not None and fra < self.til and (til is None or til >= self.fra)

    def merker(self) -> list[dict]:
        """The axis: labelled ticks (years or quarters) and the finer lines between them."""
        merker = []
        maned = self.fra
        while maned < self.til:
            x = self.x(maned)
            if self.zoom == "ar":
                if maned.month == 1:
                    merker.append({"x": x, "tekst": str(maned.year), "hoved": True})
                elif maned.month in (4, 7, 10):
                    merker.append({"x": x, "tekst": "", "hoved": False})
            elif maned.month in (1, 4, 7, 10):
                tekst = _("Q%(n)s %(ar)s") % {"n": (maned.month - 1) // 3 + 1, "ar": maned.year}
                merker.append({"x": x, "tekst": tekst, "hoved": True})
            else:
                merker.append({"x": x, "tekst": "", "hoved": False})
            maned = add_maneder(maned, 1)
        return merker


def tegn(rader: list, *, akse: Akse, idag: date) -> dict:
    """Place every row (and its programme's heading) on the picture; returns the SVG's size,
    the axis, today's line and the rows' shapes (set as `rad.figur`)."""
    y = TOPP
    gruppe = object()
    overskrifter = []
    for rad in rader:
        if rad.gruppe != gruppe:
            gruppe = rad.gruppe
            overskrifter.append({"y": y, "tekst": rad.gruppetekst, "program": rad.program})
            y += GRUPPE_HOYDE
        rad.figur = _figur(rad, akse=akse, y=y)
        y += RAD_HOYDE
    return {
        "bredde": akse.venstre + akse.bredde + 10,
        "hoyde": y + 6,
        "merker": akse.merker(),
        "idag": akse.x(idag) if akse.fra <= idag < akse.til else None,
        "topp": TOPP,
        "bunn": y,
        "overskrifter": overskrifter,
        "etikett_bredde": ETIKETT_BREDDE,
        "status_x": ETIKETT_BREDDE + 4,
        "venstre": akse.venstre,
    }


def _figur(rad, *, akse: Akse, y: int) -> dict:
    midt = y + RAD_HOYDE / 2
    figur = {"y": y, "midt": midt, "tekst_y": midt + 4, "stolpe": None, "faser": [], "punkter": []}
    start, slutt = rad.start, rad.slutt
    if start is not None and akse.synlig(start, slutt):
        # An open end (no end date) runs to the edge of the window.
        x1 = akse.x(start)
        x2 = akse.x(slutt + timedelta(days=1)) if slutt else akse.x(akse.til)
        figur["stolpe"] = {
            "fyll": "#ffffff" if rad.planlagt else toner(rad.farge).sterk,
            "kant": _kant(rad),
            "x": x1,
            "y": y + 7,
            "b": max(x2 - x1, 3),
            "h": RAD_HOYDE - 14,
            "planlagt": rad.planlagt,
            "apen": slutt is None,
            "kuttet_start": start < akse.fra,
            "kuttet_slutt": slutt is None or slutt >= akse.til,
        }
    for fase in rad.faser:
        if akse.synlig(fase["fra"], fase["til"]):
            x1 = akse.x(fase["fra"])
            x2 = akse.x(fase["til"]) if fase["til"] else akse.x(akse.til)
            figur["faser"].append(
                {
                    "x": x1,
                    "b": max(x2 - x1, 1),
                    "y": y + RAD_HOYDE - 7,
                    "tekst": fase["tekst"],
                    "fyll": FASEFYLL[len(figur["faser"]) % 2],
                }
            )
    for punkt in rad.punkter:
        if akse.fra <= punkt["dato"] < akse.til:
            x = akse.x(punkt["dato"])
            figur["punkter"].append(
                {
                    **punkt,
                    "x": x,
                    "y": midt,
                    "d": _form(punkt["art"], x, midt),
                    "fyll": MARKORFYLL[punkt["art"]],
                }
            )
    return figur


# Each marker its own shape, so they differ without colour: a diamond for a milestone, a
# triangle pointing down for a steering decision, a tall bar for a phase gate, a triangle
# pointing up (a warning sign) for a dependency that has slipped.
def _form(art: str, x: float, y: float) -> str:
    if art == "milepael":
        return f"M{x},{y - 6} L{x + 6},{y} L{x},{y + 6} L{x - 6},{y} Z"
    if art == "beslutning":
        return f"M{x - 5},{y - 13} L{x + 5},{y - 13} L{x},{y - 5} Z"
    if art == "faseport":
        return f"M{x - 2},{y - 13} L{x + 2},{y - 13} L{x + 2},{y + 13} L{x - 2},{y + 13} Z"
    return f"M{x},{y - 9} L{x + 8},{y + 6} L{x - 8},{y + 6} Z"


# A bar is filled with its status colour's strong tone (portefolje.farger.PALETT), has an outline
# and the status word beside the title: the colour only helps.
FASEFYLL = ("#495057", "#adb5bd")
PLANLAGT_KANT = "#0d6efd"
KANT = "#343a40"
MARKORFYLL = {
    "milepael": "#0d6efd",
    "beslutning": "#212529",
    "faseport": "#6f42c1",
    "glipp": PALETT[Farge.ROD].sterk,
}


def _kant(rad) -> str:
    """A planned start is outlined in blue (and dashed), a slipped dependency in red."""
    if rad.planlagt:
        return PLANLAGT_KANT
    return PALETT[Farge.ROD].sterk if rad.glipper else KANT


def _dato(dag, standard: str = "–") -> str:
    return date_format(dag, "j.n.Y") if dag else standard


def radtekst(rad) -> str:
    """The row in words: its period (or the start plan's proposal), its latest status, and how
    many milestones and late dependencies it has."""
    if not rad.planlagt:
        siste = _("latest status")
        tekst = f"{_dato(rad.start)}–{_dato(rad.slutt)}, {siste} {rad.fargetekst}"
    elif rad.startkilde in ("foreslatt", "vedtatt"):
        hva = (
            _("not started, proposed start")
            if rad.startkilde == "foreslatt"
            else _("not started, decided start")
        )
        tekst = f"{hva} {date_format(rad.start, 'F Y')}"
    elif rad.start:
        planlagt = _("not started, planned")
        tekst = f"{planlagt} {_dato(rad.start)}–{_dato(rad.slutt, '')}"
    else:
        tekst = _("not started, no start proposed")
    if rad.milepaeler:
        n = len(rad.milepaeler)
        tekst += "; " + ngettext("%(n)s milestone", "%(n)s milestones", n) % {"n": n}
    if glipper := rad.glipper:
        n = len(glipper)
        tekst += "; " + ngettext("%(n)s late dependency", "%(n)s late dependencies", n) % {"n": n}
    return tekst
