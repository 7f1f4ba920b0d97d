"""Pure arithmetic for Styre: benefit realisation, overbooking, the risk matrix and the start plan.

No database access here, so every rule can be unit-tested with plain values.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from django.utils.translation import gettext_lazy as _


def realisering(*, nullpunkt, malverdi, malt) -> Decimal | None:
    """How far a measurement has come from the baseline towards the target, as a fraction.

    (measured − baseline) / (target − baseline): 0 at the baseline, 1 at the target, also for an
    indicator that should fall (target below baseline: both differences are negative). None
    when target equals baseline, since there is no distance to cover.
    """
    if nullpunkt is None or malverdi is None or malt is None:
        return None
    nullpunkt, malverdi, malt = Decimal(nullpunkt), Decimal(malverdi), Decimal(malt)
    avstand = malverdi - nullpunkt
    if avstand == 0:
        return None
    return (malt - nullpunkt) / avstand


def add_maneder(dag: date, maneder: int) -> date:
    """The first day of the month `maneder` months after `dag`'s month."""
    indeks = dag.year * 12 + dag.month - 1 + maneder
    return date(indeks // 12, indeks % 12 + 1, 1)


def forste_i_maned(dag: date) -> date:
    return dag.replace(day=1)


def iso_uker(fra: date, til: date) -> list[tuple[int, int]]:
    """The ISO weeks (year, week) that a period touches, in order."""
    uker = []
    mandag = fra - timedelta(days=fra.weekday())
    while mandag <= til:
        aar, uke, _ = mandag.isocalendar()
        uker.append((aar, uke))
        mandag += timedelta(days=7)
    return uker


@dataclass(frozen=True)
class Last:
    """One allocation, reduced to what overbooking needs."""

    person: object
    belastning: int
    fra: date
    til: date


def ukebelastning(laster: Iterable[Last]) -> dict:
    """{person: {(year, week): total percent}} over all allocations that touch each week."""
    totalt: dict = defaultdict(lambda: defaultdict(int))
    for last in laster:
        for uke in iso_uker(last.fra, last.til):
            totalt[last.person][uke] += last.belastning
    return totalt


def overbookede_uker(laster: Iterable[Last], grense: int = 100) -> dict:
    """{person: [(year, week, total)]} for every week where a person's load exceeds `grense` %."""
    resultat = {}
    for person, uker in ukebelastning(laster).items():
        over = [(aar, uke, sum_) for (aar, uke), sum_ in sorted(uker.items()) if sum_ > grense]
        if over:
            resultat[person] = over
    return resultat


# The 5×5 matrix's scales (Prosjektportalen's and DFØ's words), each step with what it means, so
# that two people scoring the same risk mean the same thing (as the selection criteria do).
SANNSYNLIGHET_SKALA = {
    1: (_("Very low"), _("hardly happens: likely under 10 %")),
    2: (_("Low"), _("unlikely: 10–30 %")),
    3: (_("Medium"), _("may well happen: 30–50 %")),
    4: (_("High"), _("likely: 50–80 %")),
    5: (_("Very high"), _("almost certain: over 80 %")),
}
KONSEKVENS_SKALA = {
    1: (_("Insignificant"), _("no noticeable effect on goals, cost or time")),
    2: (_("Minor"), _("a small delay or extra cost the project absorbs itself")),
    3: (_("Moderate"), _("a noticeable delay or cost: the project owner must be told")),
    4: (_("Major"), _("a goal, the budget or the end date is threatened")),
    5: (_("Very major"), _("the project cannot reach its goals")),
}
SANNSYNLIGHET_ORD = {n: ord for n, (ord, _forklaring) in SANNSYNLIGHET_SKALA.items()}
KONSEKVENS_ORD = {n: ord for n, (ord, _forklaring) in KONSEKVENS_SKALA.items()}


def risikoniva(faktor: int) -> str:
    """The level of a cell by its factor: «lav» (1–4), «middels» (5–12) or «hoy» (15–25)."""
    if faktor >= 15:
        return "hoy"
    if faktor >= 5:
        return "middels"
    return "lav"


def risikomatrise(punkter: Iterable[tuple[int, int]]) -> list[list[dict]]:
    """Counts per cell of a 5×5 matrix, rows from probability 5 down to 1, columns consequence 1–5.

    Each cell: {"sannsynlighet", "konsekvens", "faktor", "niva", "antall"}.
    """
    antall: dict = defaultdict(int)
    for sannsynlighet, konsekvens in punkter:
        antall[(sannsynlighet, konsekvens)] += 1
    return [
        [
            {
                "sannsynlighet": s,
                "konsekvens": k,
                "faktor": s * k,
                "niva": risikoniva(s * k),
                "antall": antall[(s, k)],
            }
            for k in range(1, 6)
        ]
        for s in range(5, 0, -1)
    ]


@dataclass
class Kandidat:
    """An approved project not yet started, as the start plan sees it."""

    id: int
    behov: list[int]  # person-percent in project month 1, 2, ...
    fast_start: date | None = None  # set when the chair has decided the start month


@dataclass
class Forslag:
    id: int
    start: date | None  # None: does not fit within capacity in the horizon
    fast: bool = False
    merknad: str = ""


@dataclass
class Plan:
    forslag: list[Forslag]
    bruk: dict = field(default_factory=dict)  # {month: person-percent used}
    kapasitet: dict = field(default_factory=dict)  # {month: person-percent available}


def foresla_start(
    *,
    kandidater: list[Kandidat],
    kapasitet: dict,
    allerede_brukt: dict,
    forste_maned: date,
    horisont: int = 36,
) -> Plan:
    """Propose start months that keep the portfolio within its capacity.

    Candidates come in priority order (decision date, then weighted score). Decided starts are
    placed first, whatever the capacity: the chair has overridden the plan. Then each other
    candidate gets the earliest month from `forste_maned` where its whole need profile fits on
    top of what running projects (`allerede_brukt`) and earlier candidates use. A candidate that
    does not fit within `horisont` months gets no proposal. `kapasitet` maps each month of the
    horizon (first day) to person-percent available.
    """
    maneder = [add_maneder(forste_maned, i) for i in range(horisont)]
    bruk = {m: allerede_brukt.get(m, 0) for m in maneder}

    def legg_til(start: date, behov: list[int]):
        for i, prosent in enumerate(behov):
            maned = add_maneder(start, i)
            bruk[maned] = bruk.get(maned, 0) + prosent

    def passer(start: date, behov: list[int]) -> bool:
        for i, prosent in enumerate(behov):
            maned = add_maneder(start, i)
            if bruk.get(maned, 0) + prosent > kapasitet.get(maned, 0):
                return False
        return True

    forslag = {}
    for kandidat in kandidater:
        if kandidat.fast_start is not None:
            legg_til(kandidat.fast_start, kandidat.behov)
            forslag[kandidat.id] = Forslag(kandidat.id, kandidat.fast_start, fast=True)
    for kandidat in kandidater:
        if kandidat.fast_start is not None:
            continue
        for maned in maneder:
            if passer(maned, kandidat.behov):
                legg_til(maned, kandidat.behov)
                forslag[kandidat.id] = Forslag(kandidat.id, maned)
                break
        else:
            forslag[kandidat.id] = Forslag(kandidat.id, None, merknad="passer_ikke")
    return Plan(
        forslag=[forslag[k.id] for k in kandidater],
        bruk={m: bruk[m] for m in maneder},
        kapasitet={m: kapasitet.get(m, 0) for m in maneder},
    )
