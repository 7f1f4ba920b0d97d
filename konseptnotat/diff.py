"""The difference between two versions of a note, per template section, word by word."""

import difflib
import re

from konseptnotat.mal import SEKSJONER
from konseptnotat.visning import feltnavn, tekst_for

_ORD = re.compile(r"\s+|[^\s]+")


def ord_diff(gammel: str, ny: str) -> list[tuple[str, str]]:
    """Segments `(kind, text)` with kind "lik", "fjernet" or "lagt_til", whitespace kept."""
    a, b = _ORD.findall(gammel or ""), _ORD.findall(ny or "")
    segmenter = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            segmenter.append(("lik", "".join(a[i1:i2])))
            continue
        if op in ("delete", "replace"):
            segmenter.append(("fjernet", "".join(a[i1:i2])))
        if op in ("insert", "replace"):
            segmenter.append(("lagt_til", "".join(b[j1:j2])))
    return segmenter


def seksjonsdiff(fra: dict, til: dict) -> list[dict]:
    """Per section: its fields with their word diff, and whether anything changed."""
    resultat = []
    # The title first (no section), then the template's sections in order.
    for seksjon in [None, *SEKSJONER]:
        felter = []
        for felt in seksjon.felter if seksjon else ("tittel",):
            gammel, ny = tekst_for(felt, fra.get(felt)), tekst_for(felt, til.get(felt))
            felter.append(
                {
                    "navn": feltnavn(felt),
                    "endret": gammel != ny,
                    "segmenter": ord_diff(gammel, ny),
                }
            )
        resultat.append(
            {"seksjon": seksjon, "felter": felter, "endret": any(f["endret"] for f in felter)}
        )
    return resultat
