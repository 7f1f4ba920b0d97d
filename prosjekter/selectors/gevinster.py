"""Benefits: indicator status and realisation over time, one computation for chart and table."""

from datetime import date, timedelta

from django.db.models import (
    Avg,
    Count,
    F,
    FloatField,
    Max,
    Q,
)
from django.db.models.functions import Cast, TruncMonth
from django.utils import timezone

from prosjekter import beregning
from prosjekter.models import (
    Indikator,
    Maling,
    Prosjekt,
    Tilstand,
)


def indikator_status(indikator) -> dict:
    """The latest measurement and its realisation, from prefetched measurements."""
    malinger = sorted(indikator.malinger.all(), key=lambda m: (m.dato, m.id))
    siste = malinger[-1] if malinger else None
    grad = (
        beregning.realisering(
            nullpunkt=indikator.nullpunkt, malverdi=indikator.malverdi, malt=siste.verdi
        )
        if siste
        else None
    )
    return {"siste": siste, "realisering": grad, "malinger": malinger}


def _realisering_uttrykk():
    # Both sides cast to float: SQLite stores whole decimals as integers and would divide them
    # as integers (60/100 = 0), while PostgreSQL keeps numeric. The cast gives one answer on both.
    return Cast(F("verdi") - F("indikator__nullpunkt"), FloatField()) / Cast(
        F("indikator__malverdi") - F("indikator__nullpunkt"), FloatField()
    )


def gevinsttrend(prosjekter) -> list[dict]:
    """Average realisation per month over all measurements of these projects' indicators.

    One query. Indicators whose target equals the baseline are left out (nothing to realise).
    Each row carries `prosent` (rounded to one decimal), the figure both the chart and the
    table show, so they cannot disagree.
    """
    rader = (
        Maling.objects.filter(
            indikator__gevinst__prosjekt__in=prosjekter,
            indikator__arkivert=False,
            indikator__gevinst__arkivert=False,
        )
        .exclude(indikator__malverdi=F("indikator__nullpunkt"))
        .annotate(maned=TruncMonth("dato"), grad=_realisering_uttrykk())
        .values("maned")
        .annotate(snitt=Avg("grad"), antall=Count("id"))
        .order_by("maned")
    )
    return [
        {
            "maned": r["maned"],
            "snitt": r["snitt"],
            "prosent": round(float(r["snitt"]) * 100, 1),
            "antall": r["antall"],
        }
        for r in rader
        if r["maned"] is not None
    ]


def gevinstindikatorer(prosjekter):
    """Indicators of these projects' benefits, with project and benefit, ready to paginate."""
    return (
        Indikator.objects.filter(
            gevinst__prosjekt__in=prosjekter, arkivert=False, gevinst__arkivert=False
        )
        .select_related("gevinst__prosjekt")
        .prefetch_related("malinger")
        .order_by("gevinst__prosjekt__nummer", "gevinst__tittel", "navn")
    )


# How often a benefit's indicators are measured; a measurement older than this is due again.
MALEINTERVALL = timedelta(days=91)


def indikatorer_a_male(bruker, *, innen: date) -> list:
    """The indicators `bruker` should measure by `innen`, earliest due first (one query).

    On the active and closed projects she leads or owns (benefits are measured after a project
    closes, too). Each has `frist`: a quarter after its latest measurement, or today when never
    measured, and `.gevinst.prosjekt`.
    """
    idag = timezone.localdate()
    indikatorer = (
        Indikator.objects.filter(
            arkivert=False,
            gevinst__arkivert=False,
            gevinst__prosjekt__in=Prosjekt.objects.mine(bruker).filter(
                tilstand__in=(Tilstand.AKTIV, Tilstand.AVSLUTTET)
            ),
        )
        .annotate(siste_maling=Max("malinger__dato"))
        .filter(Q(siste_maling__isnull=True) | Q(siste_maling__lte=innen - MALEINTERVALL))
        .select_related("gevinst__prosjekt")
    )
    for indikator in indikatorer:
        siste = indikator.siste_maling
        indikator.frist = max(siste + MALEINTERVALL, idag) if siste else idag
    return sorted(indikatorer, key=lambda i: (i.frist, i.pk))
