"""The portfolio page's reads: notes awaiting decision, their ranking and how firm it is,
and the decisions made. Each a fixed number of queries however much data there is."""

from dataclasses import dataclass
from datetime import date

from django.db.models import (
    Count,
    Exists,
    OuterRef,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce, Concat, NullIf, Trim
from django.utils import timezone

from konseptnotat.models import Konseptnotat, Status
from portefolje.hurtigbuffer import bufret
from velge import beregning
from velge.models import Agendapunkt, Beslutning, Kriterium, Mote, Utfall
from velge.selectors.resultater import (
    Notatresultat,
    aggregater_for,
    aktive_kriterier,
    mine_for,
    notatresultater,
    vekter_for,
)
from velge.selectors.synlighet import er_avslort

NOTATLISTEFELTER = ["tittel", "status", "portefolje", "arsbelop", "eier"]


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


def _bufret_navn(portefolje, kriterier) -> str:
    """What the cached results of a portfolio depend on beside the data version: the portfolio
    and its active criteria with their weights."""
    return f"velge:ventende:{portefolje.pk}:" + ",".join(f"{k.pk}={k.vekt}" for k in kriterier)


@dataclass
class Ventende:
    """Notes awaiting decision in a portfolio with what every viewer's results are computed
    from: the aggregates per note and criterion, and the ranking with its sensitivity
    (`plasseringer`, None when the weights sum to zero). Nothing in it depends on the viewer."""

    notater: list
    aggregater: dict
    plasseringer: dict | None
    vektede: dict | None = None  # note id → weighted total (None: the weights sum to zero)


def _ventende(portefolje, kriterier) -> Ventende:
    notater = list(notater_til_beslutning(portefolje))
    aggregater = aggregater_for([n.pk for n in notater], kriterier)
    plasseringer = vektede = None
    vekter = vekter_for(kriterier)
    if sum(vekter.values()) > 0:
        ingen = [None, None, 0] * len(kriterier)
        snitt = {}
        for n in notater:
            rad = aggregater.get(n.pk, [0, 0, *ingen])
            snitt[n.pk] = {k.pk: rad[2 + 3 * i] for i, k in enumerate(kriterier)}
        plasseringer = beregning.sensitivitet(snitt, vekter)
        vektede = {pk: beregning.vektet_score(s, vekter) for pk, s in snitt.items()}
    return Ventende(notater, aggregater, plasseringer, vektede)


def ventende(*, portefolje, kriterier) -> Ventende:
    """`Ventende` for the portfolio, computed once per change of the scores, the weights, the
    notes or the meetings (portefolje.hurtigbuffer): a request reads it from the cache."""
    return bufret(_bufret_navn(portefolje, kriterier), lambda: _ventende(portefolje, kriterier))


def ventende_resultater(*, portefolje, kriterier, bruker) -> tuple[list, dict | None]:
    """The results of the notes awaiting decision as `bruker` may see them, and the cached
    ranking they are placed by. The viewer's own scoring counts are cached per viewer under
    the same data version; the scoring rule is applied on every call."""
    grunnlag = ventende(portefolje=portefolje, kriterier=kriterier)
    ider = [n.pk for n in grunnlag.notater]
    mine = bufret(
        f"{_bufret_navn(portefolje, kriterier)}:mine:{getattr(bruker, 'pk', None)}",
        lambda: mine_for(ider, kriterier, bruker),
    )
    resultater = notatresultater(
        notater=grunnlag.notater,
        kriterier=kriterier,
        bruker=bruker,
        portefolje=portefolje,
        aggregater=grunnlag.aggregater,
        mine=mine,
        vektede=grunnlag.vektede,
    )
    return resultater, grunnlag.plasseringer


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
    resultater, plasseringer = ventende_resultater(
        portefolje=portefolje, kriterier=kriterier, bruker=bruker
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
    rangering, sensitivitet, rangering_skjult = rangering_for(
        resultater, kriterier, plasseringer=plasseringer
    )
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


def rangering_for(resultater, kriterier, *, plasseringer=None):
    """Rank these results by weighted score and test how firm each place is.

    Returns (ranking, sensitivity, hidden). Sensitivity holds only the weight moves that change
    some note's place, as Vektflytt: a move that changes nothing is not listed. `hidden`: the
    viewer has not scored every note, and must not learn the others' view from the ranking.
    No queries. `plasseringer`: the ranking computed before for these results (`ventende`).
    """
    rangering, sensitivitet = [], []
    # A viewer who may not see the ranking yet gets none: nothing is computed for nobody.
    if rangering_skjult(resultater):
        return [], [], True
    if sum(k.vekt for k in kriterier) > 0:
        if plasseringer is None:
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


def notat_er_palagt(notat) -> bool:
    """An order imposed by law or political decision: any of the note's inputs is «pålagt»."""
    return notat.innspill.filter(palagt=True).exists()
