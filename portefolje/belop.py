"""Amounts and numbers written one way everywhere: «3 800 000 kr», «1 250 000», «12,5».

Whole kroner, thousands grouped by a non-breaking space and a non-breaking space before «kr»,
so an amount never breaks over two lines; other numbers the same way with a decimal comma.
Pages use the `kroner` and `tall` template filters (`{% load belop %}`), Python code
(documents, e-mail, messages) calls `kroner()` and `tall()`. Forms read numbers typed this way
(`portefolje.skjema.rens_tall`).
"""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

NBSP = "\u00a0"


def kroner(verdi, tom: str = "–") -> str:
    """`verdi` as «3 800 000 kr»; `tom` for no amount (None or empty)."""
    if verdi is None or verdi == "":
        return tom
    try:
        hele = int(Decimal(str(verdi)).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    except (InvalidOperation, ValueError):
        return str(verdi)
    tall = f"{abs(hele):,}".replace(",", NBSP)
    return f"{'−' if hele < 0 else ''}{tall}{NBSP}kr"


def tall(verdi, desimaler: int = 2, tom: str = "–") -> str:
    """`verdi` as «1 250 000» or «12,5»: thousands grouped, a decimal comma, at most `desimaler`
    decimals and none when they are zero; `tom` for no number (None or empty)."""
    if verdi is None or verdi == "":
        return tom
    try:
        avrundet = Decimal(str(verdi)).quantize(Decimal(1).scaleb(-desimaler), ROUND_HALF_UP)
    except (InvalidOperation, ValueError):
        return str(verdi)
    heltall, _, brok = f"{abs(avrundet):,.{desimaler}f}".partition(".")
    brok = brok.rstrip("0")
    tekst = heltall.replace(",", NBSP) + (f",{brok}" if brok else "")
    return f"{'−' if avrundet < 0 else ''}{tekst}"
