"""Reads for the Velge screens, each a fixed number of queries however much data there is."""

from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import (
    Avg,
    Count,
    Exists,
    FloatField,
    Max,
    Min,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Cast, Coalesce, Concat, NullIf, Trim
from django.utils import timezone

from konseptnotat.models import Konseptnotat, Status
from portefolje import permissions
from portefolje.models import Rolle
from velge import beregning, hooks
from velge.models import Agendapunkt, Beslutning, Kriterium, Mote, Utfall, Vurdering

STEMMEBERETTIGEDE = [Rolle.LEDER, Rolle.MEDLEM]

# What the lists of notes awaiting decision show and compute with (title, owner, cost, state).
NOTATLISTEFELTER = ["tittel", "status", "portefolje", "arsbelop", "eier"]


def aktive_kriterier(portefolje) -> list[Kriterium]:
    return list(portefolje.kriterier.filter(aktiv=True))


def vekter_for(kriterier) -> dict[int, float]:
    return {k.pk: float(k.vekt) for k in kriterier}


def er_avslort(*, notat, portefolje) -> Exists:
    """The scoring rule's «the chair has shown the scores»: some meeting of `portefolje` with
    `notat` on its agenda has them shown. Either may be an OuterRef (the API filters scores with
    it, the portfolio page annotates notes)."""
    return Exists(
        Agendapunkt.objects.filter(
            notat=notat, mote__portefolje=portefolje, mote__vurderinger_synlige=True
        )
    )


def notater_til_beslutning(portefolje):
    """Notes ready for decision in this portfolio, with the flags every computation over them
    needs: imposed (forced into what fits the frames) and revealed (the scores are visible).
    One query. What only a shown row needs is added by `med_visningsdetaljer`."""
    return (
        Konseptnotat.objects.filter(portefolje=portefolje, status=Status.KLAR)
        # The answers (up to 20 000 characters each) are read on the note's own page, never in
        # the lists of hundreds of notes awaiting decision.
        .only(*NOTATLISTEFELTER)
        .annotate(
            palagt=Exists(
                Konseptnotat.innspill.through.objects.filter(
                    konseptnotat_id=OuterRef("pk"), innspill__palagt=True
                )
            ),
            avslort=er_avslort(notat=OuterRef("pk"), portefolje=portefolje),
        )
        .order_by("tittel", "id")
    )


def med_visningsdetaljer(resultater) -> None:
    """Add what a row of notes awaiting decision shows beyond the scores to the notes of these
    results: the owner's name (`eier_navn`), and for a note lifted from a section the section
    and its weighted total (`loftet_fra`, `loftet_score`). One query, for the rows shown only:
    the portfolio page ranks hundreds of notes and shows 25."""
    notater = {r.notat.pk: r.notat for r in resultater}
    if not notater:
        return
    loftet = Beslutning.objects.filter(notat=OuterRef("pk"), utfall=Utfall.LOFTET_TIL_KLG).order_by(
        "-besluttet", "-id"
    )
    for pk, eier_navn, loftet_score, loftet_fra in Konseptnotat.objects.filter(
        pk__in=notater
    ).values_list(
        "pk",
        Coalesce(
            NullIf(Trim(Concat("eier__first_name", Value(" "), "eier__last_name")), Value("")),
            "eier__username",
        ),
        Subquery(loftet.values("vektet_score")[:1]),
        Subquery(loftet.values("portefolje__navn")[:1]),
    ):
        notat = notater[pk]
        notat.eier_navn, notat.loftet_score, notat.loftet_fra = eier_navn, loftet_score, loftet_fra


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
    per criterion in the order given). One query, and one more for the members who scored when
    `tell_vurderere` (else 0: only the meeting's scoreboard shows it). Filtered by a subquery
    when given one: the notes awaiting decision in KLG are hundreds, and their ids need not
    travel as parameters.

    Grouped by (note, criterion) rather than one column per criterion: a column per criterion
    costs the ORM more to build than the database to run for the few notes of a meeting."""
    if not kriterier:
        return {}
    rader = (
        Vurdering.objects.filter(notat_id__in=notat_filter, kriterium__in=kriterier)
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
            Vurdering.objects.filter(notat_id__in=notat_filter, kriterium__in=kriterier)
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


def notatresultater(
    *, notater, kriterier, bruker, portefolje, avslort_alle=False, tell_vurderere=False
):
    """One Notatresultat per note, in the order given. Visibility follows the scoring rule: a
    member who scores sees the others' scores only after scoring all criteria of the note, or
    when the chair has revealed them; people who do not score (secretary, readers) see them.
    `vurdert_av` (members who scored) is counted only with `tell_vurderere`.

    `notater` is a list, or a queryset whose ids are then filtered in the database."""
    notat_filter = notater.values("pk") if isinstance(notater, QuerySet) else None
    notater = list(notater)
    per_notat = _aggregater(
        notat_filter if notat_filter is not None else [n.pk for n in notater],
        kriterier,
        bruker,
        tell_vurderere=tell_vurderere,
    )
    vekter = vekter_for(kriterier)
    vektes = sum(vekter.values()) > 0
    skal_vurdere = permissions.kan_vurdere(bruker, portefolje)
    ingen = (0, 0) + (None, None, 0) * len(kriterier)
    resultater = []
    for notat in notater:
        vurdert_av, mine, *per_kriterium = per_notat.get(notat.pk, ingen)
        kriterieresultater = [
            Kriterieresultat(k, *per_kriterium[3 * i : 3 * i + 3]) for i, k in enumerate(kriterier)
        ]
        resultat = Notatresultat(
            notat=notat, kriterier=kriterieresultater, mine=mine, vurdert_av=vurdert_av
        )
        resultat.vektet = beregning.vektet_score(resultat.snitt, vekter) if vektes else None
        resultat.synlig = (
            not skal_vurdere
            or resultat.ferdig_vurdert_av_meg
            or avslort_alle
            or getattr(notat, "avslort", False)
        )
        resultater.append(resultat)
    return resultater


def vektet_score_for(*, notat, portefolje) -> float | None:
    """The note's weighted total in this portfolio now (for the decision record)."""
    kriterier = aktive_kriterier(portefolje)
    if sum(k.vekt for k in kriterier) <= 0:
        return None
    snitt = dict(
        Vurdering.objects.filter(notat=notat, kriterium__in=kriterier)
        .values("kriterium_id")
        .annotate(s=Avg("poeng"))
        .order_by()
        .values_list("kriterium_id", "s")
    )
    return beregning.vektet_score({k: float(v) for k, v in snitt.items()}, vekter_for(kriterier))


@dataclass
class Vektflytt:
    """One criterion's weight moved `prosent` percent: the notes that change place, as
    (result, new place), highest placed first; `flere` more were left out of a short view."""

    kriterium: Kriterium
    prosent: int
    flyttet: list[tuple[Notatresultat, int]]
    flere: int = 0

    def forkortet(self, antall: int) -> "Vektflytt":
        return Vektflytt(
            self.kriterium, self.prosent, self.flyttet[:antall], max(0, len(self.flyttet) - antall)
        )


@dataclass
class Portefoljeside:
    kriterier: list[Kriterium]
    totalvekt: int
    neste_mote: Mote | None
    moter: list[Mote]
    til_beslutning: list[Notatresultat]
    rangering: list[Notatresultat]
    rangering_skjult: bool
    sensitivitet: list[Vektflytt]


def portefoljeside(*, portefolje, bruker, idag: date | None = None) -> Portefoljeside:
    """Everything on /portefoljer/<slug>/ except the paginated decision history."""
    idag = idag or timezone.localdate()
    kriterier = aktive_kriterier(portefolje)
    totalvekt = sum(k.vekt for k in kriterier)
    moter = list(
        Mote.objects.filter(portefolje=portefolje)
        .annotate(antall_punkter=Count("agendapunkter"))
        .order_by("-dato", "-id")[:10]
    )
    kommende = sorted((m for m in moter if m.dato >= idag), key=lambda m: (m.dato, m.pk))
    neste_mote = kommende[0] if kommende else None
    if neste_mote is not None:
        neste_mote.punkter = list(
            neste_mote.agendapunkter.select_related("notat", "notat__eier").order_by(
                "rekkefolge", "id"
            )
        )
    resultater = notatresultater(
        notater=notater_til_beslutning(portefolje),
        kriterier=kriterier,
        bruker=bruker,
        portefolje=portefolje,
    )
    # Where each note can be scored: its earliest upcoming meeting.
    punkter = {}
    for punkt in (
        Agendapunkt.objects.filter(mote__in=kommende)
        .select_related("mote")
        .order_by("-mote__dato", "-mote_id")
    ):
        punkter[punkt.notat_id] = punkt
    for resultat in resultater:
        resultat.agendapunkt = punkter.get(resultat.notat.pk)
    rangering, sensitivitet, rangering_skjult = rangering_for(resultater, kriterier)
    return Portefoljeside(
        kriterier=kriterier,
        totalvekt=totalvekt,
        neste_mote=neste_mote,
        moter=moter,
        til_beslutning=resultater,
        rangering=rangering,
        rangering_skjult=rangering_skjult,
        sensitivitet=sensitivitet,
    )


def rangering_skjult(resultater) -> bool:
    """The viewer has not scored every scored note, and must not learn the others' view from a
    ranking (or from what fits the frames) yet. No queries."""
    return any(not r.synlig for r in resultater if r.vektet is not None)


def rangering_for(resultater, kriterier):
    """Rank these results by weighted score and test how firm each place is.

    Returns (ranking, sensitivity, hidden). Sensitivity holds only the weight moves that change
    some note's place, as Vektflytt: a move that changes nothing is not listed. `hidden`: the
    viewer has not scored every note, and must not learn the others' view from the ranking.
    No queries.
    """
    rangering, sensitivitet = [], []
    # A viewer who may not see the ranking yet gets none: nothing is computed for nobody.
    if rangering_skjult(resultater):
        return [], [], True
    if sum(k.vekt for k in kriterier) > 0:
        plasseringer = beregning.sensitivitet(
            {r.notat.pk: r.snitt for r in resultater}, vekter_for(kriterier)
        )
        etter_id = {r.notat.pk: r for r in resultater}
        for notat_id, plassering in plasseringer.items():
            etter_id[notat_id].plassering = plassering
            rangering.append(etter_id[notat_id])
        # Each weight move's notes, in ranking order (one pass over the ranking).
        per_flytt: dict[tuple[int, int], list] = {}
        for r in rangering:
            for e in r.plassering.endringer:
                per_flytt.setdefault((e.kriterium, e.prosent), []).append((r, e.plass))
        for k in kriterier:
            for prosent in (-20, 20):
                if flyttet := per_flytt.get((k.pk, prosent)):
                    sensitivitet.append(Vektflytt(k, prosent, flyttet))
    return rangering, sensitivitet, False


def beslutningshistorikk(portefolje):
    """The portfolio's decisions, newest first, with what the history table shows: not the
    notes' answers nor the frozen versions' whole content, which are read on their own pages."""
    return (
        Beslutning.objects.filter(portefolje=portefolje)
        .select_related("notat", "besluttet_av", "mote", "versjon")
        .only(
            *("utfall", "begrunnelse", "vektet_score", "parkert_til", "besluttet"),
            *("unntatt_offentlighet", "hjemmel", "portefolje", "mote__dato"),
            *("notat__tittel", "versjon__nummer"),
            *("besluttet_av__username", "besluttet_av__first_name", "besluttet_av__last_name"),
        )
    )


def moteresultat(*, mote, bruker, kriterier=None) -> list[Notatresultat]:
    """The live scoreboard of a meeting: every agenda note with its scores and decision.
    `kriterier`: the portfolio's active criteria, when the caller has them already."""
    punkter = list(
        mote.agendapunkter.select_related("notat", "notat__eier", "versjon").order_by(
            "rekkefolge", "id"
        )
    )
    if kriterier is None:
        kriterier = aktive_kriterier(mote.portefolje)
    beslutninger = {b.notat_id: b for b in mote.beslutninger.select_related("besluttet_av")}
    resultater = notatresultater(
        notater=[p.notat for p in punkter],
        kriterier=kriterier,
        bruker=bruker,
        portefolje=mote.portefolje,
        avslort_alle=mote.vurderinger_synlige,
        tell_vurderere=True,
    )
    # What an approval became downstream (the project), through Styre's registered lookup.
    lenker = hooks.lenker_for(beslutninger=list(beslutninger.values()), bruker=bruker)
    for punkt, resultat in zip(punkter, resultater, strict=True):
        resultat.agendapunkt = punkt
        resultat.beslutning = beslutninger.get(punkt.notat_id)
        if resultat.beslutning is not None:
            resultat.lenke = lenker.get(resultat.beslutning.pk)
    return resultater


def neste_a_vurdere(*, mote, notat, bruker, kriterier) -> Agendapunkt | None:
    """The next agenda item after `notat` (wrapping round) that is undecided and that `bruker`
    has not scored on every criterion. One query."""
    mine = (
        Vurdering.objects.filter(
            notat=OuterRef("notat"), medlem=bruker, kriterium__in=[k.pk for k in kriterier]
        )
        .values("notat")
        .annotate(n=Count("id"))
        .values("n")
    )
    punkter = list(
        mote.agendapunkter.exclude(
            Exists(Beslutning.objects.filter(mote=OuterRef("mote"), notat=OuterRef("notat")))
        )
        .annotate(mine=Coalesce(Subquery(mine), 0))
        .select_related("notat")
        .order_by("rekkefolge", "id")
    )
    gjenstar = [p for p in punkter if p.mine < len(kriterier) or p.notat_id == notat.pk]
    ider = [p.notat_id for p in gjenstar]
    if notat.pk in ider:
        i = ider.index(notat.pk)
        gjenstar = gjenstar[i + 1 :] + gjenstar[:i]
    return gjenstar[0] if gjenstar else None


def antall_stemmeberettigede(portefolje) -> int:
    return portefolje.medlemskap.filter(rolle__in=STEMMEBERETTIGEDE).count()


def notat_er_palagt(notat) -> bool:
    """An order imposed by law or political decision: any of the note's inputs is «pålagt»."""
    return notat.innspill.filter(palagt=True).exists()


def venter_pa_vurdering(bruker, idag: date | None = None):
    """Agenda items on upcoming meetings of the user's portfolios that the user has not fully
    scored, and that are not decided yet (one query; used by the start page)."""
    idag = idag or timezone.localdate()
    antall_kriterier = (
        Kriterium.objects.filter(portefolje=OuterRef("mote__portefolje"), aktiv=True)
        .values("portefolje")
        .annotate(n=Count("id"))
        .values("n")
    )
    mine = (
        Vurdering.objects.filter(
            notat=OuterRef("notat"),
            medlem=bruker,
            kriterium__portefolje=OuterRef("mote__portefolje"),
            kriterium__aktiv=True,
        )
        .values("notat")
        .annotate(n=Count("id"))
        .values("n")
    )
    return (
        Agendapunkt.objects.filter(
            mote__dato__gte=idag,
            mote__portefolje__medlemskap__bruker=bruker,
            mote__portefolje__medlemskap__rolle__in=STEMMEBERETTIGEDE,
            notat__status=Status.KLAR,
        )
        .exclude(Exists(Beslutning.objects.filter(mote=OuterRef("mote"), notat=OuterRef("notat"))))
        .annotate(antall_kriterier=Subquery(antall_kriterier), mine=Subquery(mine))
        .filter(antall_kriterier__gt=0)
        .filter(Q(mine__isnull=True) | Q(mine__lt=Subquery(antall_kriterier)))
        .select_related("mote", "mote__portefolje", "notat")
        .order_by("mote__dato", "rekkefolge", "id")
    )


def neste_moter(bruker, idag: date | None = None):
    idag = idag or timezone.localdate()
    return (
        Mote.objects.filter(dato__gte=idag, portefolje__medlemskap__bruker=bruker)
        .select_related("portefolje")
        .order_by("dato", "id")
        .distinct()
    )
