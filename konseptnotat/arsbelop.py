"""Structured costs per year in the concept note: investment, running cost and internal capacity.

Stored on the note (and frozen in each version, like every template answer) as a list of rows,
one per year, sorted by year::

    [{"ar": 2027, "investering": 500000, "drift": 120000, "personmaneder": 3.5}, ...]

Amounts are whole kroner, person-months have one decimal. A missing list (None or []) means the
authors have not given structured costs: Velge shows «cost unknown» and never counts it as zero.
A year with every cell empty is left out; a cell left empty in a year with other cells filled is
0 (the authors answered that year).
"""

from decimal import Decimal, InvalidOperation

from django.utils import timezone

DIMENSJONER = ("investering", "drift", "personmaneder")
# Above this an amount is a typing error, not a municipal project: 10 billion kroner a year.
STORSTE_BELOP = 10_000_000_000
# Person-months in one year for one note: 100 people full time.
STORSTE_PERSONMANEDER = 1200
# The økonomiplan: the next budget year and the three after it.
ANTALL_AR = 4


class Belopsfeil(ValueError):
    """An amount that cannot be right; the message (Norwegian via gettext) says why."""


def planar(idag=None) -> list[int]:
    """The økonomiplan's years: the next budget year and the three after it.

    This year's budget is adopted the December before, so a new note can get money from next
    year at the earliest (in December 2026 the plan is 2027–2030).
    """
    ar = (idag or timezone.localdate()).year + 1
    return list(range(ar, ar + ANTALL_AR))


def tall(tekst, *, dimensjon: str):
    """A cell as typed (str, int, float, Decimal or None) → int/float, or None when empty.

    Raises Belopsfeil for text that is no number, a negative or an absurd amount.
    """
    from django.utils.translation import gettext as _

    if tekst is None or (isinstance(tekst, str) and not tekst.strip()):
        return None
    rensket = str(tekst).strip().replace("\u00a0", "").replace(" ", "").replace(",", ".")
    try:
        verdi = Decimal(rensket)
    except InvalidOperation as feil:
        raise Belopsfeil(_("«%(tekst)s» is not a number.") % {"tekst": tekst}) from feil
    if not verdi.is_finite():
        raise Belopsfeil(_("«%(tekst)s» is not a number.") % {"tekst": tekst})
    if verdi < 0:
        raise Belopsfeil(_("An amount cannot be negative."))
    if dimensjon == "personmaneder":
        if verdi > STORSTE_PERSONMANEDER:
            raise Belopsfeil(
                _("At most %(n)d person-months a year: check the figure.")
                % {"n": STORSTE_PERSONMANEDER}
            )
        return float(round(verdi, 1))
    if verdi > STORSTE_BELOP:
        raise Belopsfeil(_("At most 10 billion kroner a year: check the amount."))
    if verdi != verdi.to_integral_value():
        raise Belopsfeil(_("Give whole kroner."))
    return int(verdi)


def normaliser(rader) -> list[dict] | None:
    """Rows as stored: sorted by year, empty years left out; None when nothing is given."""
    ut = []
    for rad in rader or []:
        verdier = {d: rad.get(d) for d in DIMENSJONER}
        if all(v is None for v in verdier.values()):
            continue
        ut.append(
            {"ar": int(rad["ar"]), **{d: (v if v is not None else 0) for d, v in verdier.items()}}
        )
    ut.sort(key=lambda r: r["ar"])
    return ut or None


def per_ar(rader) -> dict[int, dict[str, float]] | None:
    """{year: {dimension: value}} from stored rows; None for «cost unknown»."""
    if not rader:
        return None
    return {int(r["ar"]): {d: r.get(d) or 0 for d in DIMENSJONER} for r in rader}
