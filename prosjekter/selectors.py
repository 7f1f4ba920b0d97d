"""Reading Styre's data for pages and other apps, in a constant number of queries."""

from collections import defaultdict
from datetime import date, timedelta

from django.db.models import (
    Avg,
    Count,
    F,
    FloatField,
    OuterRef,
    Prefetch,
    Subquery,
    Value,
)
from django.db.models.functions import Cast, Coalesce, TruncDate, TruncMonth
from django.utils import timezone

from prosjekter import beregning
from prosjekter.models import (
    DIMENSJONER,
    Allokeringsstatus,
    Indikator,
    Kapasitet,
    Maling,
    Prosjekt,
    Rapporttilstand,
    Ressursallokering,
    Startvedtak,
    Statusrapport,
    Styringsbeslutning,
    Tilstand,
    Usikkerhet,
    Usikkerhetsstatus,
)

SISTE_FELT = [
    "publisert",
    "farge",
    *[felt for felt, _l, _c in DIMENSJONER],
    "budsjett",
    "kostnad_hittil",
    "prognose",
]


def med_siste_status(qs):
    """Annotate each project with its latest published report's fields as `siste_<field>`."""
    siste = Statusrapport.objects.filter(
        prosjekt=OuterRef("pk"), tilstand=Rapporttilstand.PUBLISERT
    ).order_by("-publisert")
    return qs.annotate(**{f"siste_{felt}": Subquery(siste.values(felt)[:1]) for felt in SISTE_FELT})


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
        "rapporter": list(prosjekt.statusrapporter.select_related("skrevet_av")),
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


def ressurstidslinje(prosjekter, *, fra: date, uker: int = 13):
    """Per person on these projects: load per ISO week across all their work, overbooking flagged.

    Two queries: the people, then all their allocations in the window (also on projects the
    reader cannot open: those count towards the load but are shown without a title).
    """
    til = fra + timedelta(weeks=uker) - timedelta(days=1)
    synlige = set(prosjekter.values_list("pk", flat=True))
    personer = (
        Ressursallokering.objects.filter(
            prosjekt__in=synlige, person__isnull=False, arkivert=False, fra__lte=til, til__gte=fra
        )
        .exclude(status=Allokeringsstatus.AVVIST)
        .values_list("person", flat=True)
        .distinct()
    )
    allokeringer = list(
        Ressursallokering.objects.filter(
            person__in=personer, arkivert=False, fra__lte=til, til__gte=fra
        )
        .exclude(status=Allokeringsstatus.AVVIST)
        .select_related("person", "prosjekt")
        .order_by("person__last_name", "person__first_name", "person_id", "fra")
    )
    ukeliste = beregning.iso_uker(fra, til)
    laster = [
        beregning.Last(a.person_id, a.belastning, max(a.fra, fra), min(a.til, til))
        for a in allokeringer
    ]
    per_uke = beregning.ukebelastning(laster)
    rader = {}
    for a in allokeringer:
        rad = rader.setdefault(a.person_id, {"person": a.person, "allokeringer": [], "uker": []})
        a.synlig = a.prosjekt_id in synlige
        a.uker_aktiv = set(beregning.iso_uker(max(a.fra, fra), min(a.til, til)))
        rad["allokeringer"].append(a)
    for person_id, rad in rader.items():
        rad["uker"] = [
            {
                "uke": uke,
                "sum": per_uke[person_id].get(uke, 0),
                "over": per_uke[person_id].get(uke, 0) > 100,
            }
            for uke in ukeliste
        ]
        rad["overbooket"] = any(u["over"] for u in rad["uker"])
        for a in rad["allokeringer"]:
            a.celler = [uke in a.uker_aktiv for uke in ukeliste]
    return {"uker": ukeliste, "rader": list(rader.values())}


def kapasitet_per_maned(portefolje, maneder: list[date]) -> dict:
    """{month: person-percent}: each month takes the latest capacity row from or before it."""
    rader = list(Kapasitet.objects.filter(portefolje=portefolje).order_by("fra_maned"))
    resultat = {}
    for maned in maneder:
        gjeldende = [r.personprosent for r in rader if r.fra_maned <= maned]
        resultat[maned] = gjeldende[-1] if gjeldende else 0
    return resultat


def brukt_av_pagaende(portefolje, maneder: list[date]) -> dict:
    """{month: person-percent} that running projects' allocations already take.

    An allocation counts with its full load in every month it touches (a cautious assumption).
    """
    if not maneder:
        return {}
    slutt = beregning.add_maneder(maneder[-1], 1) - timedelta(days=1)
    allokeringer = Ressursallokering.objects.filter(
        prosjekt__portefolje=portefolje,
        prosjekt__tilstand=Tilstand.AKTIV,
        arkivert=False,
        fra__lte=slutt,
        til__gte=maneder[0],
    ).exclude(status=Allokeringsstatus.AVVIST)
    bruk = defaultdict(int)
    for fra, til, last in allokeringer.values_list("fra", "til", "belastning"):
        for maned in maneder:
            neste = beregning.add_maneder(maned, 1)
            if fra < neste and til >= maned:
                bruk[maned] += last
    return dict(bruk)


def startplan(portefolje, *, forste_maned: date | None = None, horisont: int = 24) -> dict:
    """The start plan of a portfolio: approved projects not yet started, with proposed months."""
    forste_maned = forste_maned or beregning.add_maneder(timezone.localdate(), 1)
    prosjekter = list(
        Prosjekt.objects.filter(portefolje=portefolje, tilstand=Tilstand.IKKE_STARTET)
        .select_related("beslutning__mote", "prosjektleder")
        .prefetch_related(
            "ressursbehov",
            Prefetch(
                "startvedtak",
                queryset=Startvedtak.objects.select_related("besluttet_av").order_by(
                    "-besluttet", "-id"
                ),
            ),
        )
        # Decisions of the same meeting are ranked by their weighted score.
        .annotate(
            beslutningsdag=Coalesce("beslutning__mote__dato", TruncDate("beslutning__besluttet"))
        )
        .order_by(
            F("beslutningsdag").asc(nulls_last=True),
            F("beslutning__vektet_score").desc(nulls_last=True),
            "nummer",
        )
    )
    maneder = [beregning.add_maneder(forste_maned, i) for i in range(horisont)]
    kapasitet = kapasitet_per_maned(portefolje, maneder)
    brukt = brukt_av_pagaende(portefolje, maneder)
    kandidater = []
    for p in prosjekter:
        behov_rader = sorted(p.ressursbehov.all(), key=lambda r: r.maned_nr)
        behov = [0] * (behov_rader[-1].maned_nr if behov_rader else 0)
        for r in behov_rader:
            behov[r.maned_nr - 1] = r.personprosent
        while behov and behov[-1] == 0:  # months dropped from the estimate are kept as 0
            behov.pop()
        vedtak = p.startvedtak.all()
        p.siste_vedtak = vedtak[0] if vedtak else None
        p.behov = behov
        kandidater.append(
            beregning.Kandidat(
                p.pk, behov, p.siste_vedtak.vedtatt_start if p.siste_vedtak else None
            )
        )
    plan = beregning.foresla_start(
        kandidater=kandidater,
        kapasitet=kapasitet,
        allerede_brukt=brukt,
        forste_maned=forste_maned,
        horisont=horisont,
    )
    forslag = {f.id: f for f in plan.forslag}
    for p in prosjekter:
        p.forslag = forslag[p.pk]
    return {
        "prosjekter": prosjekter,
        "maneder": [
            {
                "maned": m,
                "kapasitet": plan.kapasitet[m],
                "pagaende": brukt.get(m, 0),
                "planlagt": plan.bruk[m],
                "over": plan.bruk[m] > plan.kapasitet[m],
            }
            for m in maneder
        ],
        "har_kapasitet": any(kapasitet.values()),
        "forste_maned": forste_maned,
        "horisont": horisont,
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
    siste_farge = Statusrapport.objects.filter(
        prosjekt=OuterRef("pk"), tilstand=Rapporttilstand.PUBLISERT
    ).order_by("-publisert")
    rader = (
        prosjekter.filter(tilstand=Tilstand.AKTIV)
        .order_by()
        .annotate(f=Coalesce(Subquery(siste_farge.values("farge")[:1]), Value("gra")))
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
