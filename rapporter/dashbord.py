"""The dashboards' figures: each section is one list of rows, and both its chart and its table
are made from that list (portefolje/diagram.py). Five queries, whatever the number of projects:

- the projects with their latest published report (`med_siste_status`): status per dimension,
  projects per phase, budget against forecast;
- the benefits trend (`gevinsttrend`), the risk matrix (`risikomatrise_for`) and the
  allocations for the resource load.
"""

from collections import Counter
from datetime import date, timedelta

from django.db.models import Q
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from portefolje.diagram import Diagram, Serie
from portefolje.farger import Farge
from prosjekter import beregning
from prosjekter.models import (
    DIMENSJONER,
    Allokeringsstatus,
    Fase,
    Prosjekt,
    Ressursallokering,
    Tilstand,
    farge_for,
)
from prosjekter.selectors import gevinsttrend, med_siste_status, risikomatrise_for

# The projects a dashboard counts: those not stopped or closed.
PAGAENDE = [Tilstand.IKKE_STARTET, Tilstand.AKTIV, Tilstand.PA_VENT]
FARGEREKKEFOLGE = [Farge.GRONN, Farge.GUL, Farge.ROD, Farge.GRA]
MANEDER = 12


def utvalg(bruker, portefolje=None):
    """The projects the reader may read that are not stopped or closed, in one portfolio (and
    those below it) when one is given."""
    prosjekter = Prosjekt.objects.synlige_for(bruker).filter(tilstand__in=PAGAENDE)
    if portefolje is not None:
        prosjekter = prosjekter.filter(
            Q(portefolje=portefolje) | Q(portefolje__forelder=portefolje)
        )
    return prosjekter


def _fargenavn(farge) -> str:
    return _("Not reported") if farge == Farge.GRA else Farge(farge).label


def status_per_dimensjon(rader) -> dict:
    """Per dimension: how many projects' latest report says green, yellow, red, or nothing."""
    tabell = []
    for felt, etikett, _valg in DIMENSJONER:
        tall = Counter(farge_for(getattr(p, f"siste_{felt}") or "") for p in rader)
        tabell.append({"dimensjon": str(etikett), "tall": [tall[f] for f in FARGEREKKEFOLGE]})
    kolonner = [_fargenavn(f) for f in FARGEREKKEFOLGE]
    diagram = Diagram(
        id="status-dimensjon",
        tittel=_("Projects per status colour for each dimension, as in the table below"),
        type="bar",
        etiketter=[r["dimensjon"] for r in tabell],
        serier=[
            Serie(navn=kolonner[i], verdier=[r["tall"][i] for r in tabell], farge=farge)
            for i, farge in enumerate(FARGEREKKEFOLGE)
        ],
        stablet=True,
        vannrett=True,
    )
    return {"rader": tabell, "kolonner": kolonner, "diagram": diagram}


def per_fase(rader) -> dict:
    tall = Counter(p.fase for p in rader)
    tabell = [{"fase": str(fase.label), "antall": tall[fase.value]} for fase in Fase]
    diagram = Diagram(
        id="fase",
        tittel=_("Projects per phase, as in the table below"),
        type="bar",
        etiketter=[r["fase"] for r in tabell],
        serier=[Serie(navn=_("Projects"), verdier=[r["antall"] for r in tabell])],
    )
    return {"rader": tabell, "diagram": diagram}


def _heltall(verdi):
    return None if verdi is None else int(verdi)


# The budget chart shows the projects furthest from their budget; a bar per project of a
# thousand is neither readable nor quick (issue 17). The sums cover every project.
FORSTE_BUDSJETT = 15


def budsjett_prognose(rader) -> dict:
    """Budget and forecast from each project's latest published report that gives either: the
    FORSTE_BUDSJETT furthest from budget (over or under) in the chart and its table, and the
    sums and the count of all of them."""
    alle = [
        {
            "prosjekt": p,
            "budsjett": _heltall(p.siste_budsjett),
            "prognose": _heltall(p.siste_prognose),
            "avvik": None
            if p.siste_budsjett is None or p.siste_prognose is None
            else int(p.siste_prognose - p.siste_budsjett),
        }
        for p in rader
        if p.siste_budsjett is not None or p.siste_prognose is not None
    ]
    tabell = sorted(alle, key=lambda r: (-abs(r["avvik"] or 0), r["prosjekt"].nummer))[
        :FORSTE_BUDSJETT
    ]
    diagram = Diagram(
        id="budsjett",
        tittel=_("Budget and forecast of the projects furthest from budget, as in the table below"),
        type="bar",
        etiketter=[r["prosjekt"].nummer for r in tabell],
        serier=[
            Serie(navn=_("Budget"), verdier=[r["budsjett"] for r in tabell]),
            Serie(navn=_("Forecast"), verdier=[r["prognose"] for r in tabell]),
        ],
        enhet="kr",
        vannrett=True,
    )
    summer = {
        "budsjett": sum(r["budsjett"] or 0 for r in alle),
        "prognose": sum(r["prognose"] or 0 for r in alle),
    }
    return {"rader": tabell, "diagram": diagram, "sum": summer, "antall": len(alle)}


def gevinstrealisering(prosjekter) -> dict:
    trend = gevinsttrend(prosjekter)
    diagram = Diagram(
        id="gevinst",
        tittel=_("Average realisation per month, as in the table below"),
        type="line",
        etiketter=[formats.date_format(t["maned"], "F Y") for t in trend],
        serier=[Serie(navn=_("Average realisation"), verdier=[t["prosent"] for t in trend])],
        enhet="%",
    )
    return {"rader": trend, "diagram": diagram}


def risikokart(prosjekter) -> dict:
    """The 5×5 matrix of open risks, each cell with its count and its level in words."""
    matrise = risikomatrise_for(prosjekter)
    niva = {"lav": _("low"), "middels": _("medium"), "hoy": _("high")}
    for rad in matrise:
        for celle in rad:
            celle["niva_tekst"] = niva[celle["niva"]]
            celle["farge"] = {"lav": Farge.GRONN, "middels": Farge.GUL, "hoy": Farge.ROD}[
                celle["niva"]
            ]
    return {
        "rader": [
            {
                "sannsynlighet": rad[0]["sannsynlighet"],
                "ord": beregning.SANNSYNLIGHET_ORD[rad[0]["sannsynlighet"]],
                "celler": rad,
            }
            for rad in matrise
        ],
        "konsekvens_ord": beregning.KONSEKVENS_ORD,
        "totalt": sum(c["antall"] for rad in matrise for c in rad),
    }


def ressursbelastning(prosjekter, *, fra: date | None = None) -> dict:
    """Person-percent per month for the next twelve months, from requested and assigned
    allocations on these projects. An allocation counts with its full load in every month it
    touches (the start plan's cautious assumption); 100 person-percent is one full-time person."""
    fra = (fra or timezone.localdate()).replace(day=1)
    maneder = [beregning.add_maneder(fra, i) for i in range(MANEDER)]
    slutt = beregning.add_maneder(maneder[-1], 1) - timedelta(days=1)
    allokeringer = (
        Ressursallokering.objects.filter(
            prosjekt__in=prosjekter, arkivert=False, fra__lte=slutt, til__gte=fra
        )
        .exclude(status=Allokeringsstatus.AVVIST)
        .values_list("fra", "til", "belastning", "status")
    )
    tildelt, forespurt = Counter(), Counter()
    for a_fra, a_til, last, status in allokeringer:
        for maned in maneder:
            if a_fra < beregning.add_maneder(maned, 1) and a_til >= maned:
                (tildelt if status == Allokeringsstatus.TILDELT else forespurt)[maned] += last
    tabell = [
        {
            "maned": m,
            "tildelt": tildelt[m],
            "forespurt": forespurt[m],
            "sum": tildelt[m] + forespurt[m],
        }
        for m in maneder
    ]
    diagram = Diagram(
        id="ressurser",
        tittel=_("Resource load per month in person-percent, as in the table below"),
        type="bar",
        etiketter=[formats.date_format(r["maned"], "F Y") for r in tabell],
        serier=[
            Serie(navn=_("Assigned"), verdier=[r["tildelt"] for r in tabell]),
            Serie(navn=_("Requested"), verdier=[r["forespurt"] for r in tabell]),
        ],
        enhet="%",
        stablet=True,
    )
    return {"rader": tabell, "diagram": diagram}


def dashbord(prosjekter) -> dict:
    """Everything a dashboard shows for these projects."""
    rader = list(med_siste_status(prosjekter).select_related("portefolje").order_by("nummer", "pk"))
    return {
        "antall": len(rader),
        "status": status_per_dimensjon(rader),
        "faser": per_fase(rader),
        "budsjett": budsjett_prognose(rader),
        "gevinster": gevinstrealisering(prosjekter),
        "risiko": risikokart(prosjekter),
        "ressurser": ressursbelastning(prosjekter),
    }
