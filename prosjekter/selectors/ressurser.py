"""Resources: the weekly timeline per person, capacity and the start plan."""

from collections import defaultdict
from datetime import date, timedelta

from django.db.models import (
    F,
    Prefetch,
)
from django.db.models.functions import Coalesce, TruncDate
from django.utils import timezone

from prosjekter import beregning
from prosjekter.models import (
    Allokeringsstatus,
    Kapasitet,
    Prosjekt,
    Ressursallokering,
    Startvedtak,
    Tilstand,
)


def ressurstidslinje(prosjekter, *, fra: date, uker: int = 13):
    """Per person on these projects: load per ISO week across all their work, overbooking flagged.

    Two queries: the allocations in the window of everyone booked on these projects (also on
    projects the reader cannot open: those count towards the load but are shown without a
    title), then which of those projects the reader may open.
    """
    til = fra + timedelta(weeks=uker) - timedelta(days=1)
    # The reader's projects as a subquery: a municipality has thousands, and their ids need not
    # pass through Python to find the few dozen people booked in these weeks.
    synlige_qs = prosjekter.order_by().values("pk")
    personer = (
        Ressursallokering.objects.filter(
            prosjekt__in=synlige_qs,
            person__isnull=False,
            arkivert=False,
            fra__lte=til,
            til__gte=fra,
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
    # Which of these allocations' projects the reader may open: one query over their ids only.
    synlige = set(
        prosjekter.filter(pk__in={a.prosjekt_id for a in allokeringer}).values_list("pk", flat=True)
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
