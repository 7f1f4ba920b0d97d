"""A note's scores in a portfolio: per criterion, weighted, and what the viewer may see.
Each a fixed number of queries however many notes there are."""

from dataclasses import dataclass, field

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import (
    Avg,
    Count,
    FloatField,
    Max,
    Min,
    Q,
    QuerySet,
)
from django.db.models.functions import Cast

from konseptnotat.models import Konseptnotat
from velge import beregning
from velge.models import Agendapunkt, Beslutning, Kriterium, Vurdering
from velge.selectors.habilitet import tellende
from velge.selectors.synlighet import innsyn_for, ser_vurderingene


def aktive_kriterier(portefolje) -> list[Kriterium]:
    return list(portefolje.kriterier.filter(aktiv=True))


def vekter_for(kriterier) -> dict[int, float]:
    return {k.pk: float(k.vekt) for k in kriterier}


@dataclass
class Kriterieresultat:
    kriterium: Kriterium
    snitt: float | None = None
    spredning: int | None = None
    antall: int = 0

    @property
    def uenighet(self) -> bool:
        return beregning.er_uenighet(self.spredning)


@dataclass
class Notatresultat:
    """A note's scores in one portfolio: per criterion, weighted, and what the viewer may see."""

    notat: Konseptnotat
    kriterier: list[Kriterieresultat]
    vektet: float | None = None
    mine: int = 0  # how many criteria the viewer has scored
    vurdert_av: int = 0  # how many members have scored at least one criterion
    synlig: bool = True
    plassering: beregning.Plassering | None = None
    beslutning: Beslutning | None = None
    agendapunkt: Agendapunkt | None = None
    lenke: tuple[str, str] | None = None  # (url, text) of what the decision became
    extra: dict = field(default_factory=dict)

    @property
    def ferdig_vurdert_av_meg(self) -> bool:
        return self.mine >= len(self.kriterier)

    @property
    def uenighet(self) -> bool:
        return any(k.uenighet for k in self.kriterier)

    @property
    def snitt(self) -> dict[int, float | None]:
        return {k.kriterium.pk: k.snitt for k in self.kriterier}


def _aggregater(notat_filter, kriterier, bruker, *, tell_vurderere: bool):
    """Per note: (members who scored, criteria the viewer scored, then mean, spread and count
    per criterion in the order given), of the scores that count (velge.selectors.tellende).
    One query, and one more for the members who scored when `tell_vurderere` (else 0: only
    the meeting's scoreboard shows it). Filtered by a subquery
    when given one: the notes awaiting decision in KLG are hundreds, and their ids need not
    travel as parameters.

    Grouped by (note, criterion) rather than one column per criterion: a column per criterion
    costs the ORM more to build than the database to run for the few notes of a meeting."""
    if not kriterier:
        return {}
    rader = (
        tellende(Vurdering.objects.filter(notat_id__in=notat_filter, kriterium__in=kriterier))
        .values("notat_id", "kriterium_id")
        .annotate(
            snitt=Avg(Cast("poeng", FloatField())),
            spredning=Max("poeng") - Min("poeng"),
            antall=Count("id"),
            mine=Count("id", filter=Q(medlem_id=getattr(bruker, "pk", None))),
        )
        .order_by()
        .values_list("notat_id", "kriterium_id", "snitt", "spredning", "antall", "mine")
    )
    # Read through the cursor: the database already returns ints and floats, and for the
    # thousands of (note, criterion) rows of KLG the ORM's per-value converters cost more
    # than the query.
    try:
        sql, params = rader.query.sql_with_params()
    except EmptyResultSet:  # no notes: the ORM would not have asked either
        rader = []
    else:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rader = cursor.fetchall()
    vurdert_av = (
        dict(
            tellende(Vurdering.objects.filter(notat_id__in=notat_filter, kriterium__in=kriterier))
            .values("notat_id")
            .annotate(n=Count("medlem_id", distinct=True))
            .order_by()
            .values_list("notat_id", "n")
        )
        if tell_vurderere
        else {}
    )
    plass = {k.pk: i for i, k in enumerate(kriterier)}
    per_notat: dict[int, list] = {}
    for notat_id, kriterium_id, snitt, spredning, antall, mine in rader:
        rad = per_notat.get(notat_id)
        if rad is None:
            rad = per_notat[notat_id] = [vurdert_av.get(notat_id, 0), 0] + [None, None, 0] * len(
                kriterier
            )
        i = 2 + 3 * plass[kriterium_id]
        rad[i : i + 3] = snitt, spredning, antall
        rad[1] += 1 if mine else 0
    return per_notat


def aggregater_for(notater, kriterier) -> dict[int, list]:
    """Per note, what every viewer's results are computed from: `_aggregater` without the
    viewer's own count (0), for `mine_for` to fill in. Cacheable: it holds nothing that depends
    on who asks."""
    return _aggregater(notater, kriterier, None, tell_vurderere=False)


def mine_for(notater, kriterier, bruker) -> dict[int, int]:
    """Per note, how many of these criteria `bruker` has a counting score on (one query)."""
    if not kriterier or getattr(bruker, "pk", None) is None:
        return {}
    return dict(
        tellende(
            Vurdering.objects.filter(
                notat_id__in=notater, kriterium__in=kriterier, medlem_id=bruker.pk
            )
        )
        .values("notat_id")
        .annotate(n=Count("kriterium_id", distinct=True))
        .order_by()
        .values_list("notat_id", "n")
    )


def notatresultater(
    *,
    notater,
    kriterier,
    bruker,
    portefolje,
    avslort_alle=False,
    tell_vurderere=False,
    aggregater=None,
    mine=None,
    vektede=None,
):
    """One Notatresultat per note, in the order given. What the viewer may see follows the
    scoring rule (velge.selectors.synlighet): `avslort_alle` when the chair has revealed the
    meeting's scores, else a note's own `avslort` annotation.
    `vurdert_av` (members who scored) is counted only with `tell_vurderere`.

    `notater` is a list, or a queryset whose ids are then filtered in the database. Given
    `aggregater` (`aggregater_for`, perhaps cached) and the viewer's `mine` (`mine_for`),
    nothing is read: the rule is applied to them here, for this viewer, on every call.
    `vektede`: the weighted totals per note, computed with the aggregates."""
    notat_filter = notater.values("pk") if isinstance(notater, QuerySet) else None
    notater = list(notater)
    per_notat = aggregater
    if per_notat is None:
        per_notat = _aggregater(
            notat_filter if notat_filter is not None else [n.pk for n in notater],
            kriterier,
            bruker,
            tell_vurderere=tell_vurderere,
        )
    vekter = vekter_for(kriterier)
    if vektede is None and sum(vekter.values()) > 0:
        vektede = {}  # computed per note below
    innsyn = innsyn_for(bruker, portefolje)
    return [
        notatresultat(
            notat,
            kriterier,
            per_notat.get(notat.pk),
            innsyn=innsyn,
            mine=None if mine is None else mine.get(notat.pk, 0),
            vektede=vektede,
            vekter=vekter,
            avslort=avslort_alle or getattr(notat, "avslort", False),
        )
        for notat in notater
    ]


def notatresultat(notat, kriterier, rad, *, innsyn, mine, vektede, vekter, avslort):
    """One note's Notatresultat from its aggregate row (`_aggregater`, None: nobody scored),
    the viewer's own count `mine` (None: the row's), and the weighted totals `vektede` (None:
    the weights sum to zero; a note missing from it is computed with `vekter`). The scoring
    rule decides `synlig` for this viewer. No queries: the portfolio page builds only the rows
    it shows."""
    vurdert_av, antall_mine, *per_kriterium = rad or (0, 0) + (None, None, 0) * len(kriterier)
    resultat = Notatresultat(
        notat=notat,
        kriterier=[
            Kriterieresultat(k, *per_kriterium[3 * i : 3 * i + 3]) for i, k in enumerate(kriterier)
        ],
        mine=antall_mine if mine is None else mine,
        vurdert_av=vurdert_av,
    )
    if vektede is not None:
        resultat.vektet = (
            vektede[notat.pk]
            if notat.pk in vektede
            else beregning.vektet_score(resultat.snitt, vekter)
        )
    resultat.synlig = ser_vurderingene(
        innsyn=innsyn, ferdig_vurdert=resultat.ferdig_vurdert_av_meg, avslort=avslort
    )
    return resultat


def vektet_score_for(*, notat, portefolje) -> float | None:
    """The note's weighted total in this portfolio now (for the decision record)."""
    kriterier = aktive_kriterier(portefolje)
    if sum(k.vekt for k in kriterier) <= 0:
        return None
    snitt = dict(
        tellende(Vurdering.objects.filter(notat=notat, kriterium__in=kriterier))
        .values("kriterium_id")
        .annotate(s=Avg("poeng"))
        .order_by()
        .values_list("kriterium_id", "s")
    )
    return beregning.vektet_score({k: float(v) for k, v in snitt.items()}, vekter_for(kriterier))
