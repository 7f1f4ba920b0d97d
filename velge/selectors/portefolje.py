"""The portfolio page's reads: notes awaiting decision, their ranking and how firm it is,
and the decisions made. Each a fixed number of queries however much data there is."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce, Concat, NullIf, Trim
from django.utils import timezone

from konseptnotat.models import Konseptnotat
from velge import beregning
from velge.models import Agendapunkt, Beslutning, Kriterium, Mote, Utfall
from velge.selectors.rader import Rader
from velge.selectors.resultater import (
    Notatresultat,
    aktive_kriterier,
    notatresultat,
    vekter_for,
)
from velge.selectors.synlighet import innsyn_for, ser_vurderingene
from velge.selectors.ventegrunnlag import Ventende, ventende_og_mine


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
    """The portfolio page's reads. The lists of notes are `Rader`: counted from the cached
    `Ventende`, each row built (for this viewer) only when the page shows it."""

    kriterier: list[Kriterium]
    totalvekt: int
    neste_mote: Mote | None
    moter: list[Mote]
    til_beslutning: Rader  # Notatresultat, agenda notes first (soonest meeting), then by title
    rangering: Rader  # Notatresultat with `plassering`, best first; empty when hidden
    rangering_skjult: bool
    sensitivitet: list[Vektflytt]
    grunnlag: Ventende
    # Whether a note with a weighted total is not yet revealed (budsjettvisning); whether the
    # viewer may not see one is `rangering_skjult` (the scoring rule).
    uavslorte: bool = False
    resultat: Callable[[int], Notatresultat] | None = None  # note id → this viewer's result


def _kommende_punkter(portefolje, idag):
    """(cache name, computation) of (the last ten meetings, the next one with its agenda, note
    id → its earliest upcoming agenda item). The same for every viewer: computed once per
    change of the meetings, their agendas or the notes (portefolje.hurtigbuffer) and day;
    three queries when computed."""

    def beregn():
        moter = list(
            Mote.objects.filter(portefolje=portefolje)
            .annotate(antall_punkter=Count("agendapunkter"))
            .order_by("-dato", "-id")[:10]
        )
        kommende = sorted((m for m in moter if m.dato >= idag), key=lambda m: (m.dato, m.pk))
        neste_mote = kommende[0] if kommende else None
        if neste_mote is not None:
            neste_mote.punkter = list(
                neste_mote.agendapunkter.select_related("notat")
                .only("mote", "rekkefolge", "notat__tittel")
                .order_by("rekkefolge", "id")
            )
        punkter = {}
        for punkt in (
            Agendapunkt.objects.filter(mote__in=kommende)
            .select_related("mote")
            .order_by("-mote__dato", "-mote_id")
        ):
            punkter[punkt.notat_id] = punkt
        return moter, neste_mote, punkter

    return f"velge:moter:{portefolje.pk}:{idag}", beregn


def portefoljeside(*, portefolje, bruker, idag: date | None = None) -> Portefoljeside:
    """Everything on /portefoljer/<slug>/ except the paginated decision history."""
    kriterier = aktive_kriterier(portefolje)
    moter_navn, moter_beregn = _kommende_punkter(portefolje, idag or timezone.localdate())
    grunnlag, mine, ekstra = ventende_og_mine(
        portefolje=portefolje, kriterier=kriterier, bruker=bruker, ekstra={moter_navn: moter_beregn}
    )
    moter, neste_mote, punkter = ekstra[moter_navn]
    innsyn = innsyn_for(bruker, portefolje)
    vekter = vekter_for(kriterier)

    def resultat(pk):
        r = notatresultat(
            grunnlag.notat(pk),
            kriterier,
            grunnlag.aggregater.get(pk),
            innsyn=innsyn,
            mine=mine.get(pk, 0),
            vektede=grunnlag.vektede,
            vekter=vekter,
            avslort=grunnlag.notat(pk).avslort,
        )
        r.agendapunkt = punkter.get(pk)
        if grunnlag.plasseringer is not None and not skjult:
            r.plassering = grunnlag.plassering(pk)
        return r

    skjult, uavslorte = _skjult_og_uavslorte(grunnlag, mine, innsyn, len(kriterier))
    # Notes on an upcoming agenda first (soonest meeting), then the rest by title (the rows'
    # order; the sort keeps it).
    venter = [rad[0] for rad in grunnlag.rader]
    venter.sort(key=lambda pk: (0, punkter[pk].mote.dato) if pk in punkter else (1, date.max))
    til_beslutning = Rader(venter, resultat)
    # One result object per note, shared by every list on the page.
    plass_i_listen = {pk: i for i, pk in enumerate(venter)}

    def etter_id(pk):
        return til_beslutning[plass_i_listen[pk]]

    rangering = Rader([] if skjult else list(grunnlag.plasseringer or ()), etter_id)
    return Portefoljeside(
        kriterier=kriterier,
        totalvekt=sum(k.vekt for k in kriterier),
        neste_mote=neste_mote,
        moter=moter,
        til_beslutning=til_beslutning,
        rangering=rangering,
        rangering_skjult=skjult,
        sensitivitet=[] if skjult else _sensitivitet(kriterier, grunnlag, etter_id),
        grunnlag=grunnlag,
        uavslorte=uavslorte,
        resultat=etter_id,
    )


def _sensitivitet(kriterier, grunnlag, etter_id) -> list[Vektflytt]:
    """The cached weight moves that change some note's place, each note's result built only
    when shown."""
    return [
        Vektflytt(k, prosent, Rader(flyttet, lambda par: (etter_id(par[0]), par[1])))
        for k in kriterier
        for prosent in (-20, 20)
        if (flyttet := (grunnlag.flytt or {}).get((k.pk, prosent)))
    ]


def _skjult_og_uavslorte(grunnlag, mine, innsyn, antall_kriterier) -> tuple[bool, bool]:
    """The scoring rule over every scored note, without building a result for each: whether
    the viewer may not see one of them, and whether one is not yet revealed."""
    vektede = grunnlag.vektede or {}
    scoret = [(rad[0], rad[-1]) for rad in grunnlag.rader if vektede.get(rad[0]) is not None]
    skjult = any(
        not ser_vurderingene(
            innsyn=innsyn, ferdig_vurdert=mine.get(pk, 0) >= antall_kriterier, avslort=avslort
        )
        for pk, avslort in scoret
    )
    return skjult, any(not avslort for _pk, avslort in scoret)


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
