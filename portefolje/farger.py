"""Status colours, in one place: a colour is never shown without its word.

Every phase maps its own states to one of these (`Farge`) and renders the badge through the
shared tag `{% statusmerke %}` (portefolje/templatetags/farger.py). `PALETT` holds the tones of
each colour; everything that paints a status takes them from here: the badges and tables through
the CSS custom properties in static/css/farger.css (`--status-<farge>-<tone>`, the same values,
held equal by tests/test_statusmerker.py), the dashboards' charts (portefolje/diagram.py) and the
timeline's SVG and PDF (prosjekter/tidslinje.py).
"""

from dataclasses import asdict, dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _


class Farge(models.TextChoices):
    GRONN = "gronn", _("Green")
    GUL = "gul", _("Yellow")
    ROD = "rod", _("Red")
    GRA = "gra", _("Not set")


@dataclass(frozen=True)
class Toner:
    """The tones of one status colour (WCAG 2.1 AA, checked by tests/test_statusmerker.py)."""

    bakgrunn: str  # a badge's or a table cell's background
    tekst: str  # the word on `bakgrunn`: at least 4.5:1 against it
    kant: str  # a badge's border
    sterk: str  # lines, bars and markers on white (charts, the timeline): at least 3:1


PALETT = {
    Farge.GRONN: Toner(bakgrunn="#d1e7dd", tekst="#0a3622", kant="#a3cfbb", sterk="#2f7d4f"),
    Farge.GUL: Toner(bakgrunn="#fff3cd", tekst="#523e02", kant="#ffe69c", sterk="#b58100"),
    Farge.ROD: Toner(bakgrunn="#f8d7da", tekst="#58151c", kant="#f1aeb5", sterk="#b02a37"),
    Farge.GRA: Toner(bakgrunn="#e9ecef", tekst="#343a40", kant="#ced4da", sterk="#6c757d"),
}


def toner(farge: str) -> Toner:
    """The tones of a colour value; «not set» for none (or a value that is no colour)."""
    return PALETT.get(farge, PALETT[Farge.GRA])


def css_egenskaper() -> dict[str, str]:
    """The palette as CSS custom properties, as static/css/farger.css declares them."""
    return {
        f"--status-{farge}-{tone}": verdi
        for farge, sett in PALETT.items()
        for tone, verdi in asdict(sett).items()
    }


# Worst last: the overall colour of several is the highest-ranked one.
FARGE_RANG = {Farge.GRA: 0, Farge.GRONN: 1, Farge.GUL: 2, Farge.ROD: 3}


def css_klasse(farge: str) -> str:
    """The badge class for a colour value, e.g. «status-gronn»."""
    return f"status-{farge or Farge.GRA}"


def verste(farger) -> str:
    """The worst of the colours that are set, or «not set» when none is."""
    satte = [f for f in farger if f and f != Farge.GRA]
    return max(satte, key=FARGE_RANG.__getitem__) if satte else Farge.GRA
