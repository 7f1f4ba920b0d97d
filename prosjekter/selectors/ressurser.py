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
    Ressursbehov,
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


def _kapasitet(rader, maneder: list[date]) -> dict:
    """{month: person-percent} from (from month, person-percent) rows in month order: each month
    takes the latest row from or before it."""
    resultat = {}
    for maned in maneder:
        gjeldende = [prosent for fra, prosent in rader if fra <= maned]
        resultat[maned] = gjeldende[-1] if gjeldende else 0
    return resultat


def kapasitet_per_maned(portefolje, maneder: list[date]) -> dict:
    """{month: person-percent}: each month takes the latest capacity row from or before it."""
    rader = Kapasitet.objects.filter(portefolje=portefolje).order_by("fra_maned")
    return _kapasitet(list(rader.values_list("fra_maned", "personprosent")), maneder)


def _pagaende(maneder: list[date]):
    """Running projects' allocations that touch these months (all portfolios)."""
    slutt = beregning.add_maneder(maneder[-1], 1) - timedelta(days=1)
    return Ressursallokering.objects.filter(
        prosjekt__tilstand=Tilstand.AKTIV,
        arkivert=False,
        fra__lte=slutt,
        til__gte=maneder[0],
    ).exclude(status=Allokeringsstatus.AVVIST)


def _bruk(rader, maneder: list[date]) -> dict:
    """{month: person-percent} from (from, to, load) rows: each counts in every month it
    touches."""
    bruk = defaultdict(int)
    for fra, til, last in rader:
        for maned in maneder:
            neste = beregning.add_maneder(maned, 1)
            if fra < neste and til >= maned:
                bruk[maned] += last
    return dict(bruk)


def brukt_av_pagaende(portefolje, maneder: list[date]) -> dict:
    """{month: person-percent} that running projects' allocations already take.

    An allocation counts with its full load in every month it touches (a cautious assumption).
    """
    if not maneder:
        return {}
    allokeringer = _pagaende(maneder).filter(prosjekt__portefolje=portefolje)
    return _bruk(allokeringer.values_list("fra", "til", "belastning"), maneder)


def _i_startkoen(prosjekter):
    """These projects in the start plan's order: by the date of their decision (the meeting's,
    else the decision's own), those of the same meeting by weighted score, then by number."""
    return prosjekter.annotate(
        beslutningsdag=Coalesce("beslutning__mote__dato", TruncDate("beslutning__besluttet"))
    ).order_by(
        F("beslutningsdag").asc(nulls_last=True),
        F("beslutning__vektet_score").desc(nulls_last=True),
        "nummer",
    )


def _behov(rader) -> list[int]:
    """A need profile (person-percent in project month 1, 2, ...) from (month number,
    person-percent) rows."""
    rader = sorted(rader)
    behov = [0] * (rader[-1][0] if rader else 0)
    for maned_nr, prosent in rader:
        behov[maned_nr - 1] = prosent
    while behov and behov[-1] == 0:  # months dropped from the estimate are kept as 0
        behov.pop()
    return behov


def _maneder(forste_maned: date | None, horisont: int) -> tuple[date, list[date]]:
    forste_maned = forste_maned or beregning.add_maneder(timezone.localdate(), 1)
    return forste_maned, [beregning.add_maneder(forste_maned, i) for i in range(horisont)]


def startplan(portefolje, *, forste_maned: date | None = None, horisont: int = 24) -> dict:
    """The start plan of a portfolio: approved projects not yet started, with proposed months."""
    forste_maned, maneder = _maneder(forste_maned, horisont)
    prosjekter = list(
        _i_startkoen(
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
        )
    )
    kapasitet = kapasitet_per_maned(portefolje, maneder)
    brukt = brukt_av_pagaende(portefolje, maneder)
    kandidater = []
    for p in prosjekter:
        p.behov = _behov((r.maned_nr, r.personprosent) for r in p.ressursbehov.all())
        vedtak = p.startvedtak.all()
        p.siste_vedtak = vedtak[0] if vedtak else None
        kandidater.append(
            beregning.Kandidat(
                p.pk, p.behov, p.siste_vedtak.vedtatt_start if p.siste_vedtak else None
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


def _ventendes_behov_og_vedtak(portefoljer) -> tuple[dict, dict]:
    """For the waiting projects: {project: [(month, percent), ...]} of their need, and
    {project: start} of their latest start decision (two queries)."""
    behovrader = defaultdict(list)
    for pk, maned_nr, prosent in (
        Ressursbehov.objects.filter(
            prosjekt__portefolje__in=portefoljer, prosjekt__tilstand=Tilstand.IKKE_STARTET
        )
        .order_by()
        .values_list("prosjekt_id", "maned_nr", "personprosent")
    ):
        behovrader[pk].append((maned_nr, prosent))
    vedtatt = {}  # the latest decision's start
    for pk, start in (
        Startvedtak.objects.filter(
            prosjekt__portefolje__in=portefoljer, prosjekt__tilstand=Tilstand.IKKE_STARTET
        )
        .order_by("-besluttet", "-id")
        .values_list("prosjekt_id", "vedtatt_start")
    ):
        vedtatt.setdefault(pk, start)
    return behovrader, vedtatt


def _kapasitet_og_bruk(portefoljer, maneder) -> tuple[dict, dict]:
    """Per portfolio: its capacity rows, and the load its running projects already take in
    `maneder` (two queries)."""
    kapasitetsrader = defaultdict(list)
    for portefolje, fra, prosent in (
        Kapasitet.objects.filter(portefolje__in=portefoljer)
        .order_by("fra_maned")
        .values_list("portefolje_id", "fra_maned", "personprosent")
    ):
        kapasitetsrader[portefolje].append((fra, prosent))
    bruksrader = defaultdict(list)
    for portefolje, fra, til, last in (
        _pagaende(maneder)
        .filter(prosjekt__portefolje__in=portefoljer)
        .order_by()
        .values_list("prosjekt__portefolje_id", "fra", "til", "belastning")
    ):
        bruksrader[portefolje].append((fra, til, last))
    return kapasitetsrader, bruksrader


def startforslag(
    portefoljer, *, forste_maned: date | None = None, horisont: int = 24
) -> dict[int, tuple[beregning.Forslag, list[int]]]:
    """{project: (proposal, need profile)} for the projects waiting in these portfolios' start
    plans: the same proposals as each portfolio's `startplan`, without what its page shows.

    Five queries whatever the number of portfolios (the timeline needs the proposals of every
    portfolio it shows); the plan is still made per portfolio.
    """
    forste_maned, maneder = _maneder(forste_maned, horisont)
    portefoljer = list(portefoljer)
    venter = Prosjekt.objects.filter(portefolje__in=portefoljer, tilstand=Tilstand.IKKE_STARTET)
    ko = defaultdict(list)  # {portfolio: [project, ...] in the plan's order}
    for pk, portefolje in _i_startkoen(venter).values_list("pk", "portefolje_id"):
        ko[portefolje].append(pk)
    behovrader, vedtatt = _ventendes_behov_og_vedtak(portefoljer)
    kapasitetsrader, bruksrader = _kapasitet_og_bruk(portefoljer, maneder)

    resultat = {}
    for portefolje, ider in ko.items():
        behov = {pk: _behov(behovrader[pk]) for pk in ider}
        plan = beregning.foresla_start(
            kandidater=[beregning.Kandidat(pk, behov[pk], vedtatt.get(pk)) for pk in ider],
            kapasitet=_kapasitet(kapasitetsrader[portefolje], maneder),
            allerede_brukt=_bruk(bruksrader[portefolje], maneder),
            forste_maned=forste_maned,
            horisont=horisont,
        )
        for f in plan.forslag:
            resultat[f.id] = (f, behov[f.id])
    return resultat
