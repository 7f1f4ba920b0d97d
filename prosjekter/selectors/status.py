"""Projects and their latest status: overview rows, report deadlines, counts, links."""

from datetime import date

from django.db.models import (
    Count,
    OuterRef,
    Prefetch,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from prosjekter import beregning
from prosjekter.models import (
    DIMENSJONER,
    Indikator,
    Prosjekt,
    Rapporttilstand,
    Statusrapport,
    Styringsbeslutning,
    Tilstand,
)

SISTE_FELT = [
    "publisert",
    "farge",
    *[felt for felt, _l, _c in DIMENSJONER],
    "budsjett",
    "kostnad_hittil",
    "prognose",
]


# «Latest» among published reports: newest publication, and the higher id between two published
# at the same moment (index statusrapport_publisert_idx).
SISTE_FORST = ("-publisert", "-id")


def publiserte_rapporter(prosjekt):
    """The project's published reports, latest first (`prosjekt` may be an `OuterRef`)."""
    return Statusrapport.objects.filter(
        prosjekt=prosjekt, tilstand=Rapporttilstand.PUBLISERT
    ).order_by(*SISTE_FORST)


def siste_publiserte(felt: str, *, til: date | None = None) -> Subquery:
    """`felt` of the project's latest published report (published by `til`, when given), for
    annotating a queryset of projects. The one definition of «latest» (`SISTE_FORST`)."""
    rapporter = publiserte_rapporter(OuterRef("pk"))
    if til is not None:
        rapporter = rapporter.filter(publisert__date__lte=til)
    return Subquery(rapporter.values(felt)[:1])


def med_siste_status(qs, felt=SISTE_FELT):
    """Annotate each project with its latest published report's fields as `siste_<field>`
    (those of `felt`: each is a subquery, so a list asks only for those it shows)."""
    return qs.annotate(**{f"siste_{f}": siste_publiserte(f) for f in SISTE_FELT if f in felt})


def neste_rapportfrist(prosjekt) -> date | None:
    """When the next status report is due; None unless the project is active.

    Needs `siste_publisert` (from `med_siste_status`) on the project.
    """
    if prosjekt.tilstand != Tilstand.AKTIV:
        return None
    siste = getattr(prosjekt, "siste_publisert", None)
    if siste is not None:
        grunnlag = timezone.localdate(siste)
    else:
        grunnlag = prosjekt.startdato or timezone.localdate(prosjekt.opprettet)
    maned = beregning.add_maneder(grunnlag, prosjekt.rapportfrekvens_mnd)
    # Due on the same day of the month, or the month's last day if it has fewer days.
    for dag in range(grunnlag.day, 0, -1):
        try:
            return maned.replace(day=dag)
        except ValueError:
            continue
    return maned


def rapport_forfalt(prosjekt, idag: date | None = None) -> bool:
    frist = neste_rapportfrist(prosjekt)
    return frist is not None and frist <= (idag or timezone.localdate())


def styringsbeslutninger_for_portefolje(portefolje, *, antall: int = 20):
    """The latest steering decisions on a portfolio's projects, newest first (one query).

    For the portfolio's page (`/portefoljer/<slug>/`); each has `.prosjekt` and `.besluttet_av`.
    """
    return list(
        Styringsbeslutning.objects.filter(prosjekt__portefolje=portefolje)
        .select_related("prosjekt", "besluttet_av")
        .order_by("-besluttet", "-id")[:antall]
    )


def prosjektside(prosjekt):
    """Everything the project's page shows, prefetched."""
    return {
        # Not the frozen snapshots: the report's own page shows one, this page none.
        # Drafts (not yet published) first, then the published ones latest first.
        "rapporter": list(
            prosjekt.statusrapporter.select_related("skrevet_av")
            .defer("oyeblikksbilde")
            .order_by(*SISTE_FORST)
        ),
        "leveranser": list(prosjekt.leveranser.filter(arkivert=False).select_related("ansvarlig")),
        "gevinster": list(
            prosjekt.gevinster.filter(arkivert=False)
            .select_related("ansvarlig", "eier")
            .prefetch_related(
                Prefetch(
                    "indikatorer",
                    queryset=Indikator.objects.filter(arkivert=False).prefetch_related("malinger"),
                )
            )
        ),
        "allokeringer": list(prosjekt.allokeringer.filter(arkivert=False).select_related("person")),
        "usikkerheter": list(
            prosjekt.usikkerheter.filter(arkivert=False).select_related("ansvarlig")
        ),
        "beslutninger": list(prosjekt.styringsbeslutninger.select_related("besluttet_av")),
        "startvedtak": list(prosjekt.startvedtak.select_related("besluttet_av")),
    }


def tilstandstall(prosjekter) -> dict:
    """{state: count} in one query."""
    return dict(
        prosjekter.order_by()
        .values_list("tilstand")
        .annotate(n=Count("id"))
        .values_list("tilstand", "n")
    )


def fargetall(prosjekter) -> dict:
    """{colour: count} of active projects by their latest published report's colour (one query)."""
    rader = (
        prosjekter.filter(tilstand=Tilstand.AKTIV)
        .order_by()
        .annotate(f=Coalesce(siste_publiserte("farge"), Value("gra")))
        .values("f")
        .annotate(n=Count("id"))
    )
    return {(r["f"] or "gra"): r["n"] for r in rader}


def prosjektlenker(*, beslutninger, bruker) -> dict[int, tuple[str, str]]:
    """The project each approval became, as (url, «number title»), for those `bruker` may read.

    Registered with `velge.hooks.registrer_lenker`; one query.
    """
    return {
        p.beslutning_id: (p.get_absolute_url(), f"{p.nummer} {p.tittel}")
        for p in Prosjekt.objects.synlige_for(bruker).filter(
            beslutning__in=[b.pk for b in beslutninger]
        )
    }
