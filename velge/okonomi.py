"""What fits inside the frames: the line in rank order, and the best set within the frames.

Pure functions over plain data (no database), so they are easy to test against a brute force.

A *key* is (year, dimension), dimension one of «investering», «drift», «personmaneder»; a
*frame* maps keys to a limit (a key without a limit, or with None, is not constrained). A
candidate's cost maps year → dimension → amount, or is None when the note has no structured
costs: «cost unknown». An unknown cost is never counted as zero: such a note is not added to
the cumulative totals, is never proposed by the optimiser, and is flagged wherever it appears.

Forced in: imposed orders (pålagt) and the notes a scenario forces in. They come first, in rank
order, whatever they cost; if they alone exceed a frame the result says so (allowed, flagged).

The optimiser is a 0–1 multidimensional knapsack (one constraint per year and dimension with a
frame: up to twelve). Dynamic programming is exact for one dimension but its table grows with
the product of all twelve limits, so we use an exact MIP solver instead: HiGHS (highspy), which
runs in-process (no subprocess per solve as with PuLP/CBC), is a small wheel, and solves a few
hundred notes in milliseconds. The relative and absolute gaps are set to zero, so «optimal»
means proven optimal; if the time limit is hit the best set found is shown and marked so.
"""

from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field

TIDSGRENSE_SEKUNDER = 5.0

Nokkel = tuple[int, str]


@dataclass(frozen=True)
class Kandidat:
    id: Hashable
    skar: float | None
    kostnad: dict[int, dict[str, float]] | None  # None: cost unknown
    palagt: bool = False

    @property
    def ukjent(self) -> bool:
        return self.kostnad is None

    def bruk(self, nokkel: Nokkel) -> float:
        if self.kostnad is None:
            return 0
        ar, dim = nokkel
        return float((self.kostnad.get(ar) or {}).get(dim) or 0)


def _aktive(grenser: dict[Nokkel, float | None]) -> dict[Nokkel, float]:
    return {k: float(v) for k, v in grenser.items() if v is not None}


def _rekkefolge(kandidater, tvunget: set) -> list[Kandidat]:
    """Forced first, then the rest; each part by score (best first), unscored last."""

    def nokkel(k):
        return (k.id not in tvunget, k.skar is None, -(k.skar or 0))

    return sorted(kandidater, key=nokkel)


@dataclass
class Rad:
    kandidat: Kandidat
    tvunget: bool
    kumulativ: dict[Nokkel, float]
    innenfor: bool


@dataclass
class Fylling:
    """The notes in rank order with cumulative totals, and where the line falls."""

    rader: list[Rad]
    strek_for: int | None  # index of the first row below the line; None: everything fits
    tom_for: list[Nokkel]  # the frames that ran out at the line
    tvunget_over: list[Nokkel]  # frames that the forced notes alone exceed
    ukjente: int = 0


def tvungne(kandidater: Iterable[Kandidat], tvunget_inn: Iterable = ()) -> set:
    return {k.id for k in kandidater if k.palagt} | set(tvunget_inn)


def _inn_og_ut(kandidater: list[Kandidat], tvunget_inn: Iterable, tvunget_ut: Iterable):
    """(forced in, forced out) among `kandidater`: imposed orders and the scenario's choices
    are in; an imposed order cannot be forced out."""
    palagte = {k.id for k in kandidater if k.palagt}
    ut = set(tvunget_ut) - palagte
    tvunget = (tvungne(kandidater, tvunget_inn) - ut) & {k.id for k in kandidater}
    return tvunget, ut


def fyll_i_rekkefolge(
    kandidater: Iterable[Kandidat],
    grenser: dict[Nokkel, float | None],
    *,
    tvunget_inn: Iterable = (),
    tvunget_ut: Iterable = (),
) -> Fylling:
    """Walk the notes, forced first and then by score, adding up their costs per year and
    dimension. The line is drawn above the first note (not forced, cost known) that takes a
    frame it uses over its limit; every note below the line is outside, even a cheaper one that
    would fit: the line is where the money or the capacity runs out in rank order (the optimiser
    answers the other question). The running totals go on below the line, so the page shows how
    far over each note would take the frame. Notes with unknown cost add nothing, are never
    counted as inside, and are counted in `ukjente`."""
    kandidater = list(kandidater)
    tvunget, ut = _inn_og_ut(kandidater, tvunget_inn, tvunget_ut)
    aktive = _aktive(grenser)
    sum_ = dict.fromkeys(aktive, 0.0)
    rader, strek, tom_for = [], None, []
    for k in _rekkefolge([k for k in kandidater if k.id not in ut], tvunget):
        er_tvunget = k.id in tvunget
        sum_ = {n: v + k.bruk(n) for n, v in sum_.items()}
        if strek is None and not er_tvunget and not k.ukjent:
            over = [n for n in aktive if k.bruk(n) > 0 and sum_[n] > aktive[n]]
            if over:
                strek, tom_for = len(rader), over
        innenfor = er_tvunget or (strek is None and not k.ukjent)
        rader.append(Rad(k, er_tvunget, dict(sum_), innenfor))
    tvunget_bruk = _bruk([r.kandidat for r in rader if r.tvunget], aktive)
    return Fylling(
        rader=rader,
        strek_for=strek,
        tom_for=sorted(tom_for),
        tvunget_over=sorted(n for n in aktive if tvunget_bruk[n] > aktive[n]),
        ukjente=sum(1 for r in rader if r.kandidat.ukjent),
    )


@dataclass
class Forslag:
    """The optimiser's set: forced notes plus the chosen ones, and what it costs."""

    valgt: list[Hashable]  # forced first, then chosen, each by score
    tvunget: set
    total_skar: float
    bruk: dict[Nokkel, float]
    optimalt: bool  # proven optimal (False: time limit hit, best found)
    tvunget_over: list[Nokkel]
    fortrenger: dict[Hashable, list[Hashable]] = field(default_factory=dict)
    ukjente: list[Hashable] = field(default_factory=list)  # left out: cost unknown
    uten_skar: list[Hashable] = field(default_factory=list)  # left out: not scored


def _bruk(kandidater: Iterable[Kandidat], aktive) -> dict[Nokkel, float]:
    return {n: sum(k.bruk(n) for k in kandidater) for n in aktive}


def _los(valgbare: list[Kandidat], rest: dict[Nokkel, float], tidsgrense: float):
    """(chosen ids, proven optimal) maximising total score with usage ≤ rest per key."""
    if not valgbare:
        return [], True
    import highspy

    h = highspy.Highs()
    h.silent()
    h.setOptionValue("mip_rel_gap", 0.0)
    h.setOptionValue("mip_abs_gap", 1e-9)
    h.setOptionValue("time_limit", float(tidsgrense))
    x = [h.addBinary(obj=-float(k.skar)) for k in valgbare]
    for n, grense in rest.items():
        ledd = [(xi, k.bruk(n)) for xi, k in zip(x, valgbare, strict=True) if k.bruk(n)]
        if ledd:
            h.addConstr(sum(c * xi for xi, c in ledd) <= grense)
    h.run()
    status = h.getModelStatus()
    if status not in (highspy.HighsModelStatus.kOptimal, highspy.HighsModelStatus.kTimeLimit):
        return [], False
    verdier = h.getSolution().col_value
    valgt = [k for k, v in zip(valgbare, verdier, strict=True) if v > 0.5]
    # Never trust a tolerance with money: check the set exactly, drop the lowest until it fits.
    while any(sum(k.bruk(n) for k in valgt) > rest[n] for n in rest):
        valgt.remove(min(valgt, key=lambda k: k.skar))
    return [k.id for k in valgt], status == highspy.HighsModelStatus.kOptimal


def optimer(
    kandidater: Iterable[Kandidat],
    grenser: dict[Nokkel, float | None],
    *,
    tvunget_inn: Iterable = (),
    tvunget_ut: Iterable = (),
    tidsgrense: float = TIDSGRENSE_SEKUNDER,
) -> Forslag:
    """The set with the highest total weighted score within the frames, forced notes included.

    Refuses nothing: forced notes that exceed a frame are kept and flagged (`tvunget_over`), and
    the rest must then fit in what is left (nothing, for that frame). Notes with unknown cost or
    no score are never chosen unless forced, and are listed so the page can say so.
    """
    kandidater = list(kandidater)
    etter_id = {k.id: k for k in kandidater}
    tvunget, ut = _inn_og_ut(kandidater, tvunget_inn, tvunget_ut)
    aktive = _aktive(grenser)
    tvunget_over, rest = _etter_de_tvungne([etter_id[i] for i in tvunget], aktive)
    apne = [k for k in kandidater if k.id not in tvunget and k.id not in ut]
    valgbare = [k for k in apne if not k.ukjent and k.skar is not None]
    valgt_ids, optimalt = _los(valgbare, rest, tidsgrense)
    valgt_kand = [etter_id[i] for i in tvunget | set(valgt_ids)]
    return Forslag(
        valgt=[k.id for k in _rekkefolge(valgt_kand, tvunget)],
        tvunget=tvunget,
        total_skar=sum(k.skar or 0 for k in valgt_kand),
        bruk=_bruk(valgt_kand, aktive),
        optimalt=optimalt,
        tvunget_over=tvunget_over,
        fortrenger=_fortrenger([etter_id[i] for i in valgt_ids], valgbare),
        ukjente=[k.id for k in apne if k.ukjent],
        uten_skar=[k.id for k in apne if not k.ukjent and k.skar is None],
    )


def _etter_de_tvungne(fast: list[Kandidat], aktive: dict[Nokkel, float]):
    """(the frames the forced notes alone exceed, what is left of each frame for the rest)."""
    fast_bruk = _bruk(fast, aktive)
    tvunget_over = sorted(n for n in aktive if fast_bruk[n] > aktive[n])
    return tvunget_over, {n: max(0.0, aktive[n] - fast_bruk[n]) for n in aktive}


def _fortrenger(valgt: list[Kandidat], valgbare: list[Kandidat]) -> dict[Hashable, list]:
    """For each chosen note, the better scored notes left out that the choice displaces."""
    valgt_ids = {k.id for k in valgt}
    utenfor = _rekkefolge([k for k in valgbare if k.id not in valgt_ids], set())
    return {k.id: [m.id for m in utenfor if m.skar > k.skar] for k in valgt}
