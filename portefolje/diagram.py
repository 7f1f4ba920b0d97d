"""Charts, in one shape: a chart is a picture of a table the page also shows.

A view builds a `Diagram` from the same rows it puts in the table (never from a second query),
and the template renders it with `{% include "partials/diagram.html" with diagram=… %}`;
static/js/diagram.js draws it with Chart.js. Series in status colours use `Farge` values, and the
legend always carries the word, so no colour stands alone.
"""

from dataclasses import asdict, dataclass, field

from portefolje.farger import PALETT

# Strong enough against white for lines and bars (WCAG 1.4.11, 3:1), in the order series take
# them when none is given.
SERIEFARGER = ["#0b4f6c", "#b5520b", "#5a3d8a", "#2f6b2f", "#8a1c3a", "#4d4d4d"]
# A series in a status colour takes the palette's strong tone (3:1 against white as well).
STATUSFARGER = {farge: toner.sterk for farge, toner in PALETT.items()}


@dataclass
class Serie:
    navn: str
    verdier: list
    farge: str = ""  # a hex colour or a `Farge` value; empty takes the next from SERIEFARGER


@dataclass
class Diagram:
    """What diagram.js needs: kind («bar», «line», «doughnut»), labels along the axis, series."""

    id: str
    tittel: str
    type: str
    etiketter: list
    serier: list[Serie] = field(default_factory=list)
    enhet: str = ""  # appended to values on the axis and in tooltips, e.g. «%» or «kr»
    stablet: bool = False
    vannrett: bool = False

    def data(self) -> dict:
        """The JSON the script reads (through json_script, allowed by the CSP)."""
        serier = []
        for i, serie in enumerate(self.serier):
            farge = STATUSFARGER.get(serie.farge, serie.farge) or SERIEFARGER[i % len(SERIEFARGER)]
            serier.append({**asdict(serie), "farge": farge})
        return {
            "type": self.type,
            "etiketter": [str(e) for e in self.etiketter],
            "serier": serier,
            "enhet": self.enhet,
            "stablet": self.stablet,
            "vannrett": self.vannrett,
        }

    @property
    def data_id(self) -> str:
        return f"{self.id}-data"
