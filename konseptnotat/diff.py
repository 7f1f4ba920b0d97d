"""The difference between two versions of a note, per template section, word by word.

The cost of a diff grows with what people typed, so it is bounded. difflib's
matcher is quadratic in the worst case, and a word diff of two rewritten 2 000-word texts took
minutes when every run of whitespace was its own (very popular) token. So:

1. the common start and end of the two texts are set aside first (cheap, linear);
2. the rest is compared line by line;
3. only the lines that changed are compared word by word, a word carrying the whitespace before it;
4. every comparison is charged `len(a) * len(b)` token pairs (the matcher's worst case) against
   one budget for the whole comparison of two versions; a comparison that would exceed it is
   not made, and the lines are shown as removed and added whole, marked «too large to compare
   word by word».
"""

import difflib
import re
from dataclasses import dataclass, field

from konseptnotat.mal import SEKSJONER
from konseptnotat.visning import feltnavn, tekst_for

# A word with the whitespace before it (or trailing whitespace alone): never whitespace by
# itself in the middle of a text, so no token is as popular as " " was.
_ORD = re.compile(r"\s*\S+|\s+")

# Token pairs the matcher may look at per comparison of two versions (all fields together).
# 1 000 000 is a 1 000 × 1 000-word block: about 0.02 s for ordinary prose and 0.4 s for the
# matcher's worst case (a five-word vocabulary); see bench/diff.py. A whole 20 000-word rewrite
# would be 400 000 000.
BUDSJETT = 1_000_000


@dataclass
class Tekstdiff:
    """Segments `(kind, text)` with kind "lik", "fjernet" or "lagt_til", whitespace kept."""

    segmenter: list[tuple[str, str]] = field(default_factory=list)
    arbeid: int = 0  # token pairs charged to the matcher
    for_stor: bool = False  # some part was too large to compare word by word

    def __iter__(self):
        return iter(self.segmenter)

    def _legg_til(self, art: str, tekst: str) -> None:
        if not tekst:
            return
        if self.segmenter and self.segmenter[-1][0] == art:
            self.segmenter[-1] = (art, self.segmenter[-1][1] + tekst)
        else:
            self.segmenter.append((art, tekst))


def _felles_ender(a: list[str], b: list[str]) -> tuple[int, int]:
    """How many tokens the lists share at the start and (not overlapping) at the end."""
    n = min(len(a), len(b))
    start = 0
    while start < n and a[start] == b[start]:
        start += 1
    slutt = 0
    while slutt < n - start and a[-1 - slutt] == b[-1 - slutt]:
        slutt += 1
    return start, slutt


def _sammenlign(diff: Tekstdiff, a: list[str], b: list[str], budsjett: int, finere) -> None:
    """Diff two token lists into `diff`; `finere(diff, a_del, b_del)` refines replaced runs."""
    start, slutt = _felles_ender(a, b)
    diff._legg_til("lik", "".join(a[:start]))
    midt_a, midt_b = a[start : len(a) - slutt], b[start : len(b) - slutt]
    if midt_a and midt_b:
        kostnad = len(midt_a) * len(midt_b)
        if diff.arbeid + kostnad > budsjett:
            diff.for_stor = True
            diff._legg_til("fjernet", "".join(midt_a))
            diff._legg_til("lagt_til", "".join(midt_b))
        else:
            diff.arbeid += kostnad
            matcher = difflib.SequenceMatcher(a=midt_a, b=midt_b, autojunk=False)
            for op, i1, i2, j1, j2 in matcher.get_opcodes():
                if op == "equal":
                    diff._legg_til("lik", "".join(midt_a[i1:i2]))
                elif op == "replace" and finere:
                    finere(diff, midt_a[i1:i2], midt_b[j1:j2])
                else:
                    diff._legg_til("fjernet", "".join(midt_a[i1:i2]))
                    diff._legg_til("lagt_til", "".join(midt_b[j1:j2]))
    else:
        diff._legg_til("fjernet", "".join(midt_a))
        diff._legg_til("lagt_til", "".join(midt_b))
    diff._legg_til("lik", "".join(a[len(a) - slutt :]) if slutt else "")


def ord_diff(gammel: str, ny: str, *, budsjett: int = BUDSJETT) -> Tekstdiff:
    """Lines first, then words within the changed lines, never more than `budsjett` pairs."""
    gammel, ny = gammel or "", ny or ""
    diff = Tekstdiff()

    def ordvis(diff: Tekstdiff, linjer_a: list[str], linjer_b: list[str]) -> None:
        _sammenlign(
            diff,
            _ORD.findall("".join(linjer_a)),
            _ORD.findall("".join(linjer_b)),
            budsjett,
            None,
        )

    _sammenlign(
        diff, gammel.splitlines(keepends=True), ny.splitlines(keepends=True), budsjett, ordvis
    )
    return diff


def seksjonsdiff(fra: dict, til: dict) -> list[dict]:
    """Per section: its fields with their word diff, and whether anything changed."""
    resultat = []
    igjen = BUDSJETT  # one budget for the whole note, not one per field
    # The title first (no section), then the template's sections in order.
    for seksjon in [None, *SEKSJONER]:
        felter = []
        for felt in seksjon.felter if seksjon else ("tittel",):
            gammel, ny = tekst_for(felt, fra.get(felt)), tekst_for(felt, til.get(felt))
            diff = (
                ord_diff(gammel, ny, budsjett=igjen)
                if gammel != ny
                else Tekstdiff([("lik", gammel)])
            )
            igjen -= diff.arbeid
            felter.append(
                {
                    "navn": feltnavn(felt),
                    "endret": gammel != ny,
                    "segmenter": diff.segmenter,
                    "for_stor": diff.for_stor,
                    "arbeid": diff.arbeid,
                }
            )
        resultat.append(
            {"seksjon": seksjon, "felter": felter, "endret": any(f["endret"] for f in felter)}
        )
    return resultat
