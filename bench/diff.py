"""Worst cases of the concept-note version diff. Run on demand: `make bench`.

Prints the time and the token pairs charged for rewrites and small edits of growing size, and
for the matcher's worst case (a tiny vocabulary). Needs no database. Asserts nothing.
"""

import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portefolje.settings")
os.environ.setdefault("DEBUG", "true")

import django  # noqa: E402

django.setup()

from konseptnotat.diff import BUDSJETT, ord_diff  # noqa: E402


def tekst(antall: int, ordforrad: int, tilfeldig: random.Random) -> str:
    return " ".join(f"ord{tilfeldig.randrange(ordforrad)}" for _ in range(antall))


def maal(navn: str, a: str, b: str) -> None:
    start = time.perf_counter()
    diff = ord_diff(a, b)
    tid = time.perf_counter() - start
    utfall = "for stor: vist hel" if diff.for_stor else "ord for ord"
    print(f"{navn:<44} {tid * 1000:9.1f} ms {diff.arbeid:>12,} par  {utfall}")


def main() -> None:
    tilfeldig = random.Random(12)
    print(f"Versjonsdiff, budsjett {BUDSJETT:,} tokenpar per sammenligning")
    for antall in (700, 2_000, 20_000):
        for ordforrad, hva in ((10**6, "ulike ord"), (5, "fem ord (verste tilfelle)")):
            a, b = tekst(antall, ordforrad, tilfeldig), tekst(antall, ordforrad, tilfeldig)
            maal(f"omskrevet, {antall} ord, {hva}", a, b)
        a = tekst(antall, 10**6, tilfeldig)
        ord_ = a.split(" ")
        ord_[antall // 2] = "endret"
        maal(f"ett ord endret av {antall}", a, " ".join(ord_))
        linjer = a.split(" ")
        a_linjer = "\n".join(" ".join(linjer[i : i + 12]) for i in range(0, antall, 12))
        b_linjer = a_linjer.replace(" ord", " ORD", antall // 100)
        maal(f"{antall // 100} ord endret, {antall // 12} linjer", a_linjer, b_linjer)


if __name__ == "__main__":
    main()
