"""Reads for årshjulet: one year's cycle as dated lines, and the next points for the portfolio
page. Each a fixed number of queries."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import get_language

from portefolje.hurtigbuffer import bufret
from velge.models import FASTE_PUNKTER, MOTEPUNKTER, Arshjul, Arshjulpunkt, Mote


@dataclass
class Linje:
    """One dated point of a cycle, as the pages list it."""

    dato: date
    navn: str
    slag: str  # a fixed point's field name, or «annet» for a named point
    passert: bool
    mote: Mote | None = None
    punkt: Arshjulpunkt | None = None


def _hjul(portefolje, ar_liste):
    return (
        Arshjul.objects.filter(portefolje=portefolje, ar__in=ar_liste)
        .prefetch_related(
            Prefetch(
                "punkter",
                queryset=Arshjulpunkt.objects.filter(arkivert=False).order_by("dato", "id"),
            )
        )
        .order_by("ar")
    )


def _linjer(hjul_liste, idag: date) -> list[Linje]:
    linjer = []
    for hjul in hjul_liste:
        for felt, navn in FASTE_PUNKTER:
            if (d := getattr(hjul, felt)) is not None:
                linjer.append(Linje(dato=d, navn=str(navn), slag=felt, passert=d < idag))
        for punkt in hjul.punkter.all():
            linjer.append(
                Linje(
                    dato=punkt.dato,
                    navn=punkt.navn,
                    slag="annet",
                    passert=punkt.dato < idag,
                    punkt=punkt,
                )
            )
    linjer.sort(key=lambda linje: (linje.dato, linje.navn))
    return linjer


def _med_moter(portefolje, linjer: list[Linje]) -> list[Linje]:
    """Each meeting point with the portfolio's meeting that day (one query)."""
    datoer = {linje.dato for linje in linjer if linje.slag in MOTEPUNKTER}
    if datoer:
        moter = {}
        for mote in Mote.objects.filter(portefolje=portefolje, dato__in=datoer).order_by("id"):
            moter.setdefault(mote.dato, mote)
        for linje in linjer:
            if linje.slag in MOTEPUNKTER:
                linje.mote = moter.get(linje.dato)
    return linjer


def arshjul_for(*, portefolje, ar: int, idag: date | None = None):
    """(the year's Arshjul or None, its lines in date order). Three queries at most."""
    idag = idag or timezone.localdate()
    hjul_liste = list(_hjul(portefolje, [ar]))
    hjul = hjul_liste[0] if hjul_liste else None
    return hjul, _med_moter(portefolje, _linjer(hjul_liste, idag))


def neste_punkter(*, portefolje, idag: date | None = None, antall: int = 5) -> list[Linje]:
    """The next `antall` points of this year's and next year's cycle, from today, soonest
    first. The same for everyone who opens the portfolio page: computed once per change of the
    cycles or the meetings (portefolje.hurtigbuffer) and day, in each language (the fixed
    points' names are translated). Three queries at most when computed."""
    idag = idag or timezone.localdate()

    def beregn():
        linjer = [
            linje
            for linje in _linjer(_hjul(portefolje, [idag.year, idag.year + 1]), idag)
            if not linje.passert
        ][:antall]
        return _med_moter(portefolje, linjer)

    return bufret(f"velge:arshjul:{portefolje.pk}:{idag}:{antall}:{get_language()}", beregn)
