"""Risks: the 5×5 matrix, what a cell holds, the largest risks."""

from django.db.models import (
    Count,
    F,
)

from prosjekter import beregning
from prosjekter.models import (
    Usikkerhet,
    Usikkerhetsstatus,
)


def risikomatrise_for(prosjekter, *, etter_tiltak: bool = False):
    """The 5×5 matrix of open uncertainties (risks) for these projects, in one query."""
    s, k = (
        ("sannsynlighet_etter", "konsekvens_etter")
        if etter_tiltak
        else ("sannsynlighet", "konsekvens")
    )
    rader = (
        Usikkerhet.objects.filter(prosjekt__in=prosjekter, arkivert=False, type="risiko")
        .exclude(status=Usikkerhetsstatus.LUKKET)
        .exclude(**{f"{s}__isnull": True})
        .exclude(**{f"{k}__isnull": True})
        .values(s, k)
        .annotate(n=Count("id"))
    )
    punkter = []
    for rad in rader:
        punkter.extend([(rad[s], rad[k])] * rad["n"])
    return beregning.risikomatrise(punkter)


def risikocelle(query) -> dict | None:
    """The matrix cell asked for by `?s=&k=` (and `etter=1`), or None when absent or not 1–5."""
    try:
        s, k = int(query.get("s", "")), int(query.get("k", ""))
    except ValueError:
        return None
    if not (1 <= s <= 5 and 1 <= k <= 5):
        return None
    return {"sannsynlighet": s, "konsekvens": k, "etter": query.get("etter") == "1"}


def risikoer_i_celle(prosjekter, celle: dict):
    """The open risks one matrix cell counts (the same filter as `risikomatrise_for`)."""
    s, k = (
        ("sannsynlighet_etter", "konsekvens_etter")
        if celle["etter"]
        else ("sannsynlighet", "konsekvens")
    )
    return list(
        Usikkerhet.objects.filter(
            prosjekt__in=prosjekter,
            arkivert=False,
            type="risiko",
            **{s: celle["sannsynlighet"], k: celle["konsekvens"]},
        )
        .exclude(status=Usikkerhetsstatus.LUKKET)
        .select_related("prosjekt", "ansvarlig")
        .annotate(f=F("sannsynlighet") * F("konsekvens"))
        .order_by("prosjekt__nummer", "id")
    )


def storste_risikoer(prosjekter, *, antall: int = 20):
    return list(
        Usikkerhet.objects.filter(prosjekt__in=prosjekter, arkivert=False)
        .exclude(status=Usikkerhetsstatus.LUKKET)
        .select_related("prosjekt", "ansvarlig")
        .annotate(f=F("sannsynlighet") * F("konsekvens"))
        .order_by("-f", "prosjekt__nummer", "id")[:antall]
    )
