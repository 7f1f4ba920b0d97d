"""Benefits: indicator status and realisation over time, one computation for chart and table."""

from django.db.models import (
    Avg,
    Count,
    F,
    FloatField,
)
from django.db.models.functions import Cast, TruncMonth

from prosjekter import beregning
from prosjekter.models import (
    Indikator,
    Maling,
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
