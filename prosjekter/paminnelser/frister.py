"""When a status report is due: pure functions, used by the reminder rules and project pages."""

import calendar
from datetime import date, datetime

from django.utils import timezone

from prosjekter.selectors.status import publiserte_rapporter


def legg_til_maneder(dato: date, maneder: int) -> date:
    """`dato` plus whole months; the 31st becomes the month's last day when it has fewer."""
    indeks = dato.month - 1 + maneder
    ar, maned = dato.year + indeks // 12, indeks % 12 + 1
    return date(ar, maned, min(dato.day, calendar.monthrange(ar, maned)[1]))


def neste_rapportfrist(
    *,
    rapportfrekvens_mnd: int,
    siste_publisert: datetime | None,
    startdato: date | None,
    opprettet: datetime | None,
) -> date | None:
    """The due date of a project's next status report.

    Counted from the last published report, else from the project's start date, else from when
    the project was created, plus the project's cadence in months. None when nothing is known.
    """
    if siste_publisert is not None:
        grunnlag = timezone.localdate(siste_publisert)
    elif startdato is not None:
        grunnlag = startdato
    elif opprettet is not None:
        grunnlag = timezone.localdate(opprettet)
    else:
        return None
    return legg_til_maneder(grunnlag, max(1, rapportfrekvens_mnd or 1))


def prosjekt_rapportfrist(prosjekt) -> date | None:
    """`neste_rapportfrist` for a project annotated with `siste_publisert` (see regler), or
    looked up when it is not annotated."""
    if hasattr(prosjekt, "siste_publisert"):
        siste = prosjekt.siste_publisert
    else:
        siste = publiserte_rapporter(prosjekt).values_list("publisert", flat=True).first()
    return neste_rapportfrist(
        rapportfrekvens_mnd=prosjekt.rapportfrekvens_mnd,
        siste_publisert=siste,
        startdato=prosjekt.startdato,
        opprettet=prosjekt.opprettet,
    )
