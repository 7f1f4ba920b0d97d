"""The dashboards' figures: each section is one list of rows, and both its chart and its table
are made from that list (portefolje/diagram.py). Five queries, whatever the number of projects,
each counting in the database rather than loading the projects:

- the projects per phase (one GROUP BY, which also gives their number);
- each project's latest published report (`selectors.siste_publiserte`), found once: the status
  colours per dimension and the budget and forecast sums over all of them, and the
  FORSTE_BUDSJETT furthest from budget with their projects (`rapporttall`);
- the benefits trend (`gevinsttrend`), the risk matrix (`risikomatrise_for`) and the
  allocations for the resource load.
"""

from collections import Counter
from datetime import date, timedelta
from decimal import Decimal

from django.db import connection
from django.db.models import Case, Count, DecimalField, F, Lookup, Q, Sum, Value, When, Window
from django.db.models.functions import Abs, Coalesce
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
    Statusrapport,
    Tilstand,
    farge_for,
)
from prosjekter.selectors import gevinsttrend, risikomatrise_for, siste_publiserte

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


def siste_rapporter(prosjekter):
    """The latest published report of each of these projects, to count over: the subquery
    stands once in the SQL, however many aggregates use it.

    On PostgreSQL as `id = ANY(ARRAY(...))`: the ids are found once (an InitPlan), then each
    report by its key. `id IN (...)` it plans as a hash join over every status report, so the
    cost would grow with the whole history rather than with the projects.
    """
    siste = prosjekter.order_by().annotate(siste=siste_publiserte("pk")).values("siste")
    if connection.vendor == "postgresql":
        from django.contrib.postgres.expressions import ArraySubquery

        return Statusrapport.objects.filter(_LikEnAv(F("pk"), ArraySubquery(siste)))
    return Statusrapport.objects.filter(pk__in=siste)


class _LikEnAv(Lookup):
    """`lhs = ANY(rhs)`, rhs an array (PostgreSQL)."""

    lookup_name = "lik_en_av"

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} = ANY({rhs})", (*lhs_params, *rhs_params)


# A report that gives a budget or a forecast (or both).
MED_TALL = Q(budsjett__isnull=False) | Q(prognose__isnull=False)


def _tellenavn(felt, farge) -> str:
    return f"{felt}_{farge}"


def _tellinger() -> dict:
    """The aggregates over the latest reports: per dimension the reports with a value of each
    colour but grey (FARGE_FOR_VERDI through `farge_for`), and the budget and forecast."""
    tellinger = {
        _tellenavn(felt, farge): Count(
            "pk", filter=Q(**{f"{felt}__in": [v for v in valg.values if farge_for(v) == farge]})
        )
        for felt, _etikett, valg in DIMENSJONER
        for farge in FARGEREKKEFOLGE
        if farge != Farge.GRA
    }
    return {
        **tellinger,
        "sum_budsjett": Sum("budsjett"),
        "sum_prognose": Sum("prognose"),
        "med_tall": Count("pk", filter=MED_TALL),
    }


def _fargenavn(farge) -> str:
    return _("Not reported") if farge == Farge.GRA else Farge(farge).label


def status_per_dimensjon(tall: dict, antall: int) -> dict:
    """Per dimension: how many projects' latest report says green, yellow, red, or nothing (no
    value in that dimension, or no published report: the projects not counted in a colour)."""
    tabell = []
    for felt, etikett, _valg in DIMENSJONER:
        farget = [tall[_tellenavn(felt, f)] for f in FARGEREKKEFOLGE if f != Farge.GRA]
        tabell.append({"dimensjon": str(etikett), "tall": [*farget, antall - sum(farget)]})
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


def fasetall(prosjekter) -> dict:
    """{phase: number of projects} in one query."""
    return dict(prosjekter.order_by().values_list("fase").annotate(n=Count("pk")))


def per_fase(tall: dict) -> dict:
    tabell = [{"fase": str(fase.label), "antall": tall.get(fase.value, 0)} for fase in Fase]
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
# thousand is neither readable nor quick. The sums cover every project.
FORSTE_BUDSJETT = 15


def rapporttall(prosjekter) -> tuple[dict, list]:
    """One query over the latest reports, so each project's latest report is found once: the
    counts and sums `status_per_dimensjon` and `budsjett_prognose` show (window aggregates over
    all the reports, the same on every row), and the FORSTE_BUDSJETT reports giving a budget or
    forecast that are furthest from budget (over or under; a report lacking either counts as on
    budget), then by project number, each with its project, sorted and cut in the database."""
    avstand = Abs(
        Coalesce(
            F("prognose") - F("budsjett"),
            Value(Decimal(0)),
            output_field=DecimalField(max_digits=15, decimal_places=0),
        )
    )
    # The reports without figures last: they only carry the counts.
    uten_tall = Case(When(MED_TALL, then=Value(0)), default=Value(1))
    tellinger = _tellinger()
    rader = list(
        siste_rapporter(prosjekter)
        .select_related("prosjekt")
        .only("budsjett", "prognose", "prosjekt__nummer", "prosjekt__tittel")
        .annotate(**{navn: Window(aggregat) for navn, aggregat in tellinger.items()})
        .order_by(uten_tall, avstand.desc(), "prosjekt__nummer")[:FORSTE_BUDSJETT]
    )
    tall = {navn: getattr(rader[0], navn) if rader else 0 for navn in tellinger}
    forste = [r for r in rader if r.budsjett is not None or r.prognose is not None]
    return tall, forste


def budsjett_prognose(tall: dict, forste) -> dict:
    """Budget and forecast from each project's latest published report that gives either: the
    FORSTE_BUDSJETT furthest from budget (`forste`) in the chart and its table, and the sums and
    the count of all of them (`tall`), both from `rapporttall`."""
    tabell = [
        {
            "prosjekt": r.prosjekt,
            "budsjett": _heltall(r.budsjett),
            "prognose": _heltall(r.prognose),
            "avvik": None
            if r.budsjett is None or r.prognose is None
            else int(r.prognose - r.budsjett),
        }
        for r in forste
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
        "budsjett": int(tall["sum_budsjett"] or 0),
        "prognose": int(tall["sum_prognose"] or 0),
    }
    return {"rader": tabell, "diagram": diagram, "sum": summer, "antall": tall["med_tall"]}


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
    faser = fasetall(prosjekter)
    antall = sum(faser.values())
    tall, forste = rapporttall(prosjekter)
    return {
        "antall": antall,
        "status": status_per_dimensjon(tall, antall),
        "faser": per_fase(faser),
        "budsjett": budsjett_prognose(tall, forste),
        "gevinster": gevinstrealisering(prosjekter),
        "risiko": risikokart(prosjekter),
        "ressurser": ressursbelastning(prosjekter),
    }
