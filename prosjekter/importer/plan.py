"""What a file would bring in, before anything is written: rows to create or update, and the
problems found on the way, each with where it was found, in plain Norwegian."""

import datetime
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.contrib.auth import get_user_model
from django.db.models import Q, Value
from django.db.models.functions import Concat

# The order rows are written in: a parent before its children.
STORST = Decimal(10) ** 12
ARTER = ["prosjekt", "leveranse", "statusrapport", "usikkerhet", "gevinst", "indikator", "maling"]


@dataclass
class Rad:
    """One object to create or update, found by `nokkel` (the source's own key)."""

    art: str
    nokkel: str
    tittel: str
    data: dict
    sted: str
    # The parent's key (a project's for its elements, a benefit's for its indicators), or
    # a project already in the portal, found by its number or title.
    forelder: str = ""
    # What is shown but has no field in the portal (Project's percent complete).
    ekstra: dict = field(default_factory=dict)


@dataclass
class Problem:
    sted: str
    melding: str


@dataclass
class Plan:
    rader: list[Rad] = field(default_factory=list)
    problemer: list[Problem] = field(default_factory=list)
    # Columns or custom fields nobody has mapped yet: {name: [(field, its name)]}.
    ukjente: dict = field(default_factory=dict)

    def problem(self, sted: str, melding: str) -> None:
        self.problemer.append(Problem(sted, melding))

    def sortert(self) -> list[Rad]:
        return sorted(self.rader, key=lambda r: ARTER.index(r.art))


def dato(tekst: str) -> datetime.date | None:
    """A date as Project (2026-03-01T08:00:00), Excel (2026-03-01 00:00:00) or a person
    (01.03.2026) writes it. None for an empty cell; ValueError for anything else."""
    tekst = (tekst or "").strip()
    if not tekst:
        return None
    iso = re.match(r"^(\d{4})-(\d{2})-(\d{2})", tekst)
    if iso:
        return datetime.date(*map(int, iso.groups()))
    norsk = re.match(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$", tekst)
    if norsk:
        dag, maned, ar = map(int, norsk.groups())
        return datetime.date(ar, maned, dag)
    raise ValueError(tekst)


def tall(tekst: str) -> Decimal | None:
    """A number as Excel or a person writes it («1 500 000», «12,5»). None when empty."""
    tekst = (tekst or "").replace("\u00a0", "").replace(" ", "").replace("kr", "").strip()
    if not tekst:
        return None
    if "," in tekst and "." in tekst:
        tekst = tekst.replace(".", "")
    try:
        verdi = Decimal(tekst.replace(",", "."))
    except InvalidOperation:
        raise ValueError(tekst) from None
    # The portal's amounts hold 14 digits; anything larger is a mistake in the file.
    if not verdi.is_finite() or abs(verdi) >= STORST:
        raise ValueError(tekst)
    return verdi


def person(navn: str):
    """The user a name, user name or e-mail address in a file points to, or None."""
    navn = (navn or "").strip()
    if not navn:
        return None
    treff = list(
        get_user_model()
        .objects.annotate(fullt=Concat("first_name", Value(" "), "last_name"))
        .filter(
            Q(username__iexact=navn) | Q(email__iexact=navn) | Q(fullt__iexact=navn),
            is_active=True,
        )[:2]
    )
    return treff[0] if len(treff) == 1 else None
