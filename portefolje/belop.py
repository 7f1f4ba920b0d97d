"""Amounts in Norwegian kroner, written one way everywhere: «3 800 000 kr».

Whole kroner, thousands grouped by a non-breaking space and a non-breaking space before «kr»,
so an amount never breaks over two lines. Pages use the `kroner` template filter
(`{% load belop %}`), Python code (documents, messages) calls `kroner()`.
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
