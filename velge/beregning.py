"""The arithmetic of scoring and ranking, as pure functions (no database, easy to test).

Scale and direction: every criterion is scored 1–5 where 5 is always best. For criteria with
direction «lav_er_bra» (risk, cost) the anchors are phrased so that 5 means *low* risk or *low*
cost; the member reads the anchor and picks the number, so the arithmetic never inverts a score.
The direction is shown beside the criterion only as a reminder of how its scale reads.

Weighted total (0–100): for each criterion, the members' mean score s is mapped to (s − 1) / 4,
multiplied by the criterion's share of the total weight, summed and multiplied by 100. A
criterion nobody has scored yet is left out and the other weights are scaled up to fill its
share, so a half-scored note still gets a comparable figure; the page says how many have scored.
"""

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field

SKALA = (1, 2, 3, 4, 5)
# A spread (highest − lowest score) of two points or more is worth talking about in the meeting.
UENIGHET_GRENSE = 2
# Sensitivity: each weight is moved this much up and down.
SENSITIVITET_ENDRING = 0.2


class VektFeil(ValueError):
    """The weights sum to zero (or less): no share of the total can be computed."""


def vektandeler(vekter: Mapping[Hashable, float]) -> dict[Hashable, float]:
    """Each criterion's share of the total weight (0–1). Raises VektFeil if the total is 0."""
    total = sum(vekter.values())
    if total <= 0:
        raise VektFeil("The weights sum to zero.")
    return {k: v / total for k, v in vekter.items()}


def spredning(poeng: Sequence[int]) -> int | None:
    """Highest minus lowest score; None when nobody has scored."""
    return max(poeng) - min(poeng) if poeng else None


def er_uenighet(spredning_: int | None) -> bool:
    return spredning_ is not None and spredning_ >= UENIGHET_GRENSE


def vektet_score(
    snitt: Mapping[Hashable, float | None], vekter: Mapping[Hashable, float]
) -> float | None:
    """Weighted total 0–100 from each criterion's mean score (1–5), see the module docstring.

    Returns None when no weighted criterion has a score. Raises VektFeil if the weights sum to 0.
    """
    if sum(vekter.values()) <= 0:
        raise VektFeil("The weights sum to zero.")
    brukt = {k: v for k, v in vekter.items() if snitt.get(k) is not None}
    totalvekt = sum(brukt.values())
    if totalvekt <= 0:
        return None
    return 100 * sum(v * (snitt[k] - 1) / 4 for k, v in brukt.items()) / totalvekt


def rangering(scorer: Mapping[Hashable, float | None]) -> dict[Hashable, int]:
    """Rank 1 = best. Equal scores share a rank (1, 2, 2, 4); notes without a score are left out.

    Scores are compared to six decimals, so rounding noise in a recomputation is no change.
    """
    avrundet = {n: round(s, 6) for n, s in scorer.items() if s is not None}
    # A score's place is 1 + how many scores beat it: its first position in descending order.
    plass_for_score: dict[float, int] = {}
    for plass, score in enumerate(sorted(avrundet.values(), reverse=True), start=1):
        plass_for_score.setdefault(score, plass)
    return {n: plass_for_score[s] for n, s in avrundet.items()}


@dataclass(frozen=True)
class Endring:
    """With criterion `kriterium`'s weight multiplied by `faktor`, the note lands at `plass`."""

    kriterium: Hashable
    faktor: float
    plass: int

    @property
    def prosent(self) -> int:
        return round((self.faktor - 1) * 100)


@dataclass
class Plassering:
    score: float
    plass: int
    endringer: list[Endring] = field(default_factory=list)

    @property
    def fast(self) -> bool:
        """True when no ±20 % move of any one weight changes the note's rank."""
        return not self.endringer

    @property
    def beste_plass(self) -> int:
        return min([self.plass, *(e.plass for e in self.endringer)])

    @property
    def verste_plass(self) -> int:
        return max([self.plass, *(e.plass for e in self.endringer)])


def sensitivitet(
    snitt_per_notat: Mapping[Hashable, Mapping[Hashable, float | None]],
    vekter: Mapping[Hashable, float],
    endring: float = SENSITIVITET_ENDRING,
) -> dict[Hashable, Plassering]:
    """Rank the notes, then move each weight ±`endring` alone and record every change of rank.

    Returns one Plassering per note that has a score, in rank order.

    A weighted total is a ratio, 100 · Σ w·c / Σ w over the scored criteria (c = (s − 1) / 4).
    Moving one weight changes one term above and below the line, so each note's sum and
    weight are computed once and every moved score costs two additions: the KLG page ranks
    hundreds of notes under two dozen weight moves on every view. Equal to computing
    `vektet_score` with the moved weights anew (a property test holds them together).
    """
    if sum(vekter.values()) <= 0:
        raise VektFeil("The weights sum to zero.")
    # Per note: Σ w·c and Σ w over its scored criteria, and c per scored criterion.
    deler = {}
    for notat, snitt in snitt_per_notat.items():
        bidrag = {k: (snitt[k] - 1) / 4 for k in vekter if snitt.get(k) is not None}
        teller = sum(vekter[k] * c for k, c in bidrag.items())
        deler[notat] = (teller, sum(vekter[k] for k in bidrag), bidrag)

    def score(teller, nevner):
        return 100 * teller / nevner if nevner > 0 else None

    grunn = {n: score(t, v) for n, (t, v, _b) in deler.items()}
    plasser = rangering(grunn)
    resultat = {n: Plassering(score=grunn[n], plass=p) for n, p in plasser.items()}
    for kriterium, vekt in vekter.items():
        for faktor in (1 - endring, 1 + endring):
            if sum(vekter.values()) + vekt * (faktor - 1) <= 0:
                continue
            tillegg = vekt * (faktor - 1)
            nye = rangering(
                {
                    n: score(t + tillegg * b[kriterium], v + tillegg)
                    if kriterium in b
                    else grunn[n]
                    for n, (t, v, b) in deler.items()
                }
            )
            for n, plass in nye.items():
                if plass != plasser[n]:
                    resultat[n].endringer.append(Endring(kriterium, faktor, plass))
    return dict(sorted(resultat.items(), key=lambda par: (par[1].plass, str(par[0]))))
