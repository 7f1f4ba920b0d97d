"""The cached basis of the notes awaiting decision in a portfolio: what every viewer's
portfolio page, what fits and scenarios are computed from, computed once per change
(portefolje.hurtigbuffer). Nothing here depends on the viewer but the viewer's own counts,
cached per viewer."""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Exists, OuterRef

from konseptnotat.models import Konseptnotat, Status
from portefolje.hurtigbuffer import bufret, bufret_flere
from velge import beregning
from velge.selectors.resultater import aggregater_for, mine_for, notatresultater, vekter_for
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


def bufret_navn(portefolje, kriterier) -> str:
    """What the cached results of a portfolio depend on beside the data version: the portfolio
    and its active criteria with their weights."""
    return f"velge:ventende:{portefolje.pk}:" + ",".join(f"{k.pk}={k.vekt}" for k in kriterier)


# A note awaiting decision as the cache keeps it: plain values, read back far quicker than
# hundreds of pickled model instances on every view; a row becomes a note when it is shown.
NOTATRAD = [
    f.attname
    for f in Konseptnotat._meta.concrete_fields
    if f.name == "id" or f.name in NOTATLISTEFELTER
]


@dataclass
class Ventende:
    """Notes awaiting decision in a portfolio with what every viewer's results are computed
    from: the aggregates per note and criterion, and the ranking with its sensitivity
    (`plasseringer`, None when the weights sum to zero). Nothing in it depends on the viewer.
    A place is kept as plain values, (score, place, ((criterion, factor, place), …)), and made
    a `beregning.Plassering` by `plassering(pk)` when shown: hundreds of pickled objects cost
    more to read back than the page spends on the rest of them.

    `rader`: per note (in title order) its `NOTATRAD` values, imposed and revealed; `notat(pk)`
    and `notater` make notes of them when read."""

    rader: list[tuple]
    aggregater: dict
    plasseringer: dict | None
    vektede: dict | None = None  # note id → weighted total (None: the weights sum to zero)
    # Per weight move (criterion id, percent): the notes that change place, as (note id, new
    # place) in ranking order.
    flytt: dict | None = None

    def __getstate__(self):
        return {k: v for k, v in self.__dict__.items() if k not in ("_notater", "_indeks")}

    def notat(self, pk) -> Konseptnotat:
        if "_notater" not in self.__dict__:
            self._notater = {}
        if pk not in self._notater:
            *verdier, palagt, avslort = self.rader[self.indeks[pk]]
            notat = Konseptnotat.from_db(None, NOTATRAD, verdier)
            notat.palagt, notat.avslort = palagt, avslort
            self._notater[pk] = notat
        return self._notater[pk]

    def plassering(self, pk) -> beregning.Plassering | None:
        if pk not in (self.plasseringer or {}):
            return None
        score, plass, endringer = self.plasseringer[pk]
        return beregning.Plassering(score, plass, [beregning.Endring(*e) for e in endringer])

    @property
    def indeks(self) -> dict:
        if "_indeks" not in self.__dict__:
            self._indeks = {rad[0]: i for i, rad in enumerate(self.rader)}
        return self._indeks

    @property
    def notater(self) -> list:
        return [self.notat(rad[0]) for rad in self.rader]


def _ventende(portefolje, kriterier) -> Ventende:
    rader = list(notater_til_beslutning(portefolje).values_list(*NOTATRAD, "palagt", "avslort"))
    ider = [rad[0] for rad in rader]
    aggregater = aggregater_for(ider, kriterier)
    plasseringer = vektede = None
    flytt = {}
    vekter = vekter_for(kriterier)
    if sum(vekter.values()) > 0:
        ingen = [None, None, 0] * len(kriterier)
        snitt = {}
        for pk in ider:
            rad = aggregater.get(pk, [0, 0, *ingen])
            snitt[pk] = {k.pk: rad[2 + 3 * i] for i, k in enumerate(kriterier)}
        plasseringer = {}
        for notat_id, p in beregning.sensitivitet(snitt, vekter).items():
            plasseringer[notat_id] = (
                p.score,
                p.plass,
                [(e.kriterium, e.faktor, e.plass) for e in p.endringer],
            )
            for e in p.endringer:
                flytt.setdefault((e.kriterium, e.prosent), []).append((notat_id, e.plass))
        vektede = {pk: beregning.vektet_score(s, vekter) for pk, s in snitt.items()}
    return Ventende(rader, aggregater, plasseringer, vektede, flytt)


def ventende(*, portefolje, kriterier) -> Ventende:
    """`Ventende` for the portfolio, computed once per change of the scores, the weights, the
    notes or the meetings (portefolje.hurtigbuffer): a request reads it from the cache."""
    return bufret(bufret_navn(portefolje, kriterier), lambda: _ventende(portefolje, kriterier))


def _mine(portefolje, kriterier, bruker) -> tuple[str, Callable[[], dict]]:
    """(cache name, computation) of the viewer's own scoring counts per note awaiting decision:
    cached per viewer under the same data version. One query when computed."""
    ider = Konseptnotat.objects.filter(portefolje=portefolje, status=Status.KLAR).values("pk")
    return (
        f"{bufret_navn(portefolje, kriterier)}:mine:{getattr(bruker, 'pk', None)}",
        lambda: mine_for(ider, kriterier, bruker),
    )


def mine_bufret(*, portefolje, kriterier, bruker) -> dict:
    """The viewer's own scoring counts per note awaiting decision (cached per viewer)."""
    return bufret(*_mine(portefolje, kriterier, bruker))


def ventende_og_mine(*, portefolje, kriterier, bruker, ekstra: dict) -> tuple[Ventende, dict, dict]:
    """`ventende`, the viewer's `mine_bufret` and the page's other cached results (`ekstra`,
    name → computation) read from the cache together: one round trip, not one per result."""
    navn = bufret_navn(portefolje, kriterier)
    mine_navn, mine = _mine(portefolje, kriterier, bruker)
    ut = bufret_flere({navn: lambda: _ventende(portefolje, kriterier), mine_navn: mine, **ekstra})
    return ut[navn], ut[mine_navn], {n: ut[n] for n in ekstra}


def ventende_resultater(*, portefolje, kriterier, bruker) -> tuple[list, dict | None]:
    """The results of the notes awaiting decision as `bruker` may see them, and the cached
    ranking they are placed by. The viewer's own scoring counts are cached per viewer under
    the same data version; the scoring rule is applied on every call."""
    grunnlag = ventende(portefolje=portefolje, kriterier=kriterier)
    resultater = notatresultater(
        notater=grunnlag.notater,
        kriterier=kriterier,
        bruker=bruker,
        portefolje=portefolje,
        aggregater=grunnlag.aggregater,
        mine=mine_bufret(portefolje=portefolje, kriterier=kriterier, bruker=bruker),
        vektede=grunnlag.vektede,
    )
    plasseringer = grunnlag.plasseringer
    if plasseringer is not None:
        plasseringer = {pk: grunnlag.plassering(pk) for pk in plasseringer}
    return resultater, plasseringer
