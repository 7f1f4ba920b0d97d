"""The portfolio matrix: each scored note's value against its feasibility, the bubble's area by
its cost, drawn on the server as an SVG with the same rows as the table beside it.

An axis is the weighted total (0–100, `beregning.vektet_score`) over the criteria the portfolio
has put on it (`Kriterium.akse`). The cost is the note's investment and running cost summed over
the plan's years; a note with unknown cost is drawn as a small dashed ring, never as free.
Pure functions over the results the page already has: no queries.
"""

import math
from dataclasses import dataclass

from velge import beregning
from velge.models import Akse

# The drawing, in SVG units: the plot area inside the margins, and the bubbles' radii.
BREDDE, HOYDE = 640, 420
VENSTRE, TOPP, HOYRE, BUNN = 56, 16, 16, 48
MIN_RADIUS, MAKS_RADIUS, UKJENT_RADIUS = 5, 28, 6


@dataclass
class Punkt:
    resultat: object  # Notatresultat
    verdi: float
    gjennomforbarhet: float
    kostnad: float | None  # kroner over the plan's years; None: unknown
    x: float = 0
    y: float = 0
    r: float = UKJENT_RADIUS

    @property
    def notat(self):
        return self.resultat.notat


@dataclass
class Matrise:
    punkter: list[Punkt]
    mangler_akse: list[str]  # the axes no active criterion is put on (their labels)
    uten_tall: int  # scored notes left out: nothing scored on one of the axes
    bredde: int = BREDDE
    hoyde: int = HOYDE

    @property
    def plott(self) -> dict:
        """The plot area and the gridlines at 0, 25, 50, 75 and 100 on each axis."""
        b, h = BREDDE - VENSTRE - HOYRE, HOYDE - TOPP - BUNN
        return {
            "x": VENSTRE,
            "y": TOPP,
            "b": b,
            "h": h,
            "midt_x": VENSTRE + b / 2,
            "midt_y": TOPP + h / 2,
            "bunn": TOPP + h,
            "hoyre": VENSTRE + b,
            "rutenett": [
                {"verdi": v, "x": VENSTRE + b * v / 100, "y": TOPP + h * (1 - v / 100)}
                for v in (0, 25, 50, 75, 100)
            ],
        }


def _kostnad(arsbelop: dict | None) -> float | None:
    if arsbelop is None:
        return None
    return float(
        sum((v.get("investering") or 0) + (v.get("drift") or 0) for v in arsbelop.values())
    )


def matrise_for(*, resultater, kriterier, kostnader: dict) -> Matrise:
    """The matrix of these results. `kostnader`: note id → {year: {dimension: amount}} or None."""
    akser = {a: {k.pk: float(k.vekt) for k in kriterier if k.akse == a} for a in Akse.values}
    mangler = [Akse(a).label for a, vekter in akser.items() if sum(vekter.values()) <= 0]
    if mangler:
        return Matrise([], [str(m) for m in mangler], 0)
    punkter, uten_tall = [], 0
    for r in resultater:
        verdi = beregning.vektet_score(r.snitt, akser[Akse.VERDI])
        gjennomforbarhet = beregning.vektet_score(r.snitt, akser[Akse.GJENNOMFORBARHET])
        if verdi is None or gjennomforbarhet is None:
            uten_tall += r.vektet is not None
            continue
        punkter.append(Punkt(r, verdi, gjennomforbarhet, _kostnad(kostnader.get(r.notat.pk))))
    _plasser(punkter)
    return Matrise(punkter, [], uten_tall)


def _plasser(punkter: list[Punkt]) -> None:
    """Place each bubble: x by feasibility, y by value (up is more), area by cost."""
    storste = max((p.kostnad for p in punkter if p.kostnad), default=0)
    b, h = BREDDE - VENSTRE - HOYRE, HOYDE - TOPP - BUNN
    for p in punkter:
        p.x = round(VENSTRE + b * p.gjennomforbarhet / 100, 1)
        p.y = round(TOPP + h * (1 - p.verdi / 100), 1)
        if p.kostnad is None:
            p.r = UKJENT_RADIUS
        elif storste <= 0:
            p.r = MIN_RADIUS
        else:
            andel = math.sqrt(p.kostnad / storste)  # the area, not the radius, follows the cost
            p.r = round(MIN_RADIUS + (MAKS_RADIUS - MIN_RADIUS) * andel, 1)
    # The small ones last, on top, so a large bubble never hides a small one's link.
    punkter.sort(key=lambda p: -p.r)
