"""Reads for «what fits»: frames, each note's cost per year, the line and scenarios.

Builds on `velge.selectors` (scores) and `velge.okonomi` (the arithmetic). A fixed number of
queries however many notes: the frames (1), and for a meeting the imposed flags (1).
"""

from dataclasses import dataclass
from types import SimpleNamespace

from django.contrib.auth.models import AnonymousUser
from django.utils.translation import gettext as _

from konseptnotat import arsbelop
from konseptnotat.models import Konseptnotat
from portefolje.hurtigbuffer import bufret
from portefolje.spor import heltall_fra_get
from velge import beregning, matrise, okonomi, selectors
from velge.models import Ramme
from velge.selectors.rader import Rader

# A frame limits the same three dimensions a concept note states its yearly costs in.
DIMENSJONER = arsbelop.DIMENSJONER
# The ranking and «what fits» show this many notes first, and at least a few past
# the line; «Show all» fetches the rest.
FORSTE = 25
ETTER_STREKEN = 5


def dimensjonsnavn(dim: str) -> str:
    return {
        "investering": _("investment"),
        "drift": _("running cost"),
        "personmaneder": _("capacity"),
    }[dim]


def nokkeltekst(nokkel) -> str:
    ar, dim = nokkel
    return _("%(dim)s %(ar)s") % {"dim": dimensjonsnavn(dim), "ar": ar}


def rammer_for(portefolje, ar: list[int]) -> dict[int, dict]:
    """{year: {dimension: amount or None, "versjon": n}} for the given years (one query)."""
    lagret = {r.ar: r for r in Ramme.objects.filter(portefolje=portefolje, ar__in=ar)}
    ut = {}
    for a in ar:
        r = lagret.get(a)
        ut[a] = {d: (getattr(r, d) if r else None) for d in DIMENSJONER}
        ut[a]["versjon"] = r.versjon if r else 0
    return ut


def grenser_fra(rammer: dict) -> dict:
    return {
        (int(ar), d): (None if v.get(d) is None else float(v[d]))
        for ar, v in rammer.items()
        for d in DIMENSJONER
    }


def kostnad_av(rader) -> dict | None:
    return arsbelop.per_ar(rader)


def kandidater_fra(resultater, *, kostnader: dict, palagte: set, vekter=None):
    """okonomi.Kandidat per result; `vekter` (criterion id → weight) rescore the notes."""
    ut = []
    for r in resultater:
        if vekter is not None:
            skar = beregning.vektet_score(r.snitt, vekter) if sum(vekter.values()) > 0 else None
        else:
            skar = r.vektet
        ut.append(
            okonomi.Kandidat(
                id=r.notat.pk,
                skar=skar,
                kostnad=kostnader.get(r.notat.pk),
                palagt=r.notat.pk in palagte,
            )
        )
    return ut


@dataclass
class PlassRad:
    resultat: object
    rad: okonomi.Rad
    kostnad: dict | None  # the chosen year's {dimension: amount}; None: cost unknown
    kumulativ: dict  # the chosen year's {dimension: cumulative} (only dimensions with a frame)
    strek_over: bool = False  # the line is drawn above this row


@dataclass
class Plass:
    ar: list[int]
    valgt_ar: int
    rammer: dict
    rader: list[PlassRad]
    vist: list[PlassRad]
    tom_for: list[str]
    tvunget_over: list[str]
    ukjente: int
    har_rammer: bool
    alle_vist: bool

    @property
    def ramme(self) -> dict:
        return self.rammer[self.valgt_ar]


def fylling_for(*, resultater, rammer, kostnader, palagte) -> okonomi.Fylling:
    """The notes forced first and then by score, filled into the frames (any year). No queries.
    The same for every viewer: the portfolio page keeps it in the cache (velge.selectors)."""
    resultater = [r for r in resultater if r.vektet is not None or r.notat.pk in palagte]
    return okonomi.fyll_i_rekkefolge(
        kandidater_fra(resultater, kostnader=kostnader, palagte=palagte), grenser_fra(rammer)
    )


def plass_for(*, resultater, rammer, kostnader, palagte, valgt_ar, alle=False) -> Plass:
    """The notes forced first and then by score, with the chosen year's costs and running
    totals, and the line where a frame runs out (any year). No queries."""
    etter_id = {r.notat.pk: r for r in resultater}
    fylling = fylling_for(
        resultater=resultater, rammer=rammer, kostnader=kostnader, palagte=palagte
    )
    return plass_fra(fylling, etter_id.__getitem__, rammer=rammer, valgt_ar=valgt_ar, alle=alle)


def plass_fra(fylling, resultat, *, rammer, valgt_ar, alle=False) -> Plass:
    """`Plass` of a filling; `resultat(note id)` gives a row's Notatresultat. Only the rows
    shown are built (`Rader`): KLG fills hundreds of notes and shows the first 25."""

    def plassrad(i):
        rad = fylling.rader[i]
        if isinstance(rad, tuple):  # kept as plain values in the cache (`portefoljens_fylling`)
            id_, skar, kostnad, palagt, tvunget, kumulativ, innenfor = rad
            rad = okonomi.Rad(
                okonomi.Kandidat(id_, skar, kostnad, palagt), tvunget, kumulativ, innenfor
            )
        kostnad = None if rad.kandidat.ukjent else (rad.kandidat.kostnad.get(valgt_ar) or {})
        return PlassRad(
            resultat=resultat(rad.kandidat.id),
            rad=rad,
            kostnad=None if kostnad is None else {d: kostnad.get(d) or 0 for d in DIMENSJONER},
            kumulativ={d: rad.kumulativ.get((valgt_ar, d)) for d in DIMENSJONER},
            strek_over=i == fylling.strek_for,
        )

    rader = Rader(range(len(fylling.rader)), plassrad)
    grense = max(FORSTE, (fylling.strek_for or 0) + ETTER_STREKEN)
    return Plass(
        ar=list(rammer),
        valgt_ar=valgt_ar,
        rammer=rammer,
        rader=rader,
        vist=list(rader) if alle else rader[:grense],
        tom_for=[nokkeltekst(n) for n in fylling.tom_for],
        tvunget_over=[nokkeltekst(n) for n in fylling.tvunget_over],
        ukjente=fylling.ukjente,
        har_rammer=any(
            v is not None for r in rammer.values() for k, v in r.items() if k in DIMENSJONER
        ),
        alle_vist=alle or len(rader) <= grense,
    )


def _for_alle(*, portefolje, kriterier, grunnlag) -> list:
    """The results of the notes awaiting decision as nobody in particular: the figures every
    viewer's page is computed from (their `synlig` is not read)."""
    return selectors.notatresultater(
        notater=grunnlag.notater,
        kriterier=kriterier,
        bruker=AnonymousUser(),
        portefolje=portefolje,
        aggregater=grunnlag.aggregater,
        mine={},
        vektede=grunnlag.vektede,
    )


def portefoljens_fylling(*, portefolje, kriterier, grunnlag, ar) -> tuple[okonomi.Fylling, dict]:
    """What fits in the portfolio's frames for the plan's years `ar`, computed once per change
    of the scores, the weights, the notes or the frames (portefolje.hurtigbuffer): the same for
    every viewer; who may see it is decided on every request (`budsjettvisning`). Returns
    (filling, frames); one query (the frames) when computed."""

    def beregn():
        resultater = _for_alle(portefolje=portefolje, kriterier=kriterier, grunnlag=grunnlag)
        rammer = rammer_for(portefolje, ar)
        fylling = fylling_for(
            resultater=resultater,
            rammer=rammer,
            kostnader={r.notat.pk: kostnad_av(r.notat.arsbelop) for r in resultater},
            palagte={r.notat.pk for r in resultater if r.notat.palagt},
        )
        # Plain values: hundreds of pickled rows cost more to read back than the page spends
        # on the 25 it shows.
        fylling.rader = [
            (r.kandidat.id, r.kandidat.skar, r.kandidat.kostnad, r.kandidat.palagt)
            + (r.tvunget, r.kumulativ, r.innenfor)
            for r in fylling.rader
        ]
        return fylling, rammer

    navn = f"{selectors.bufret_navn(portefolje, kriterier)}:plass:{','.join(map(str, ar))}"
    return bufret(navn, beregn)


def portefoljens_matrise(*, portefolje, kriterier, grunnlag) -> matrise.Matrise:
    """The portfolio matrix of the notes awaiting decision, computed once per change like
    `portefoljens_fylling`; each bubble's note is looked up in `grunnlag` on every request."""

    def beregn():
        resultater = _for_alle(portefolje=portefolje, kriterier=kriterier, grunnlag=grunnlag)
        m = matrise.matrise_for(
            resultater=resultater,
            kriterier=kriterier,
            kostnader={r.notat.pk: kostnad_av(r.notat.arsbelop) for r in resultater},
        )
        for punkt in m.punkter:  # kept as the note's id; the note is in `grunnlag`
            punkt.resultat = punkt.resultat.notat.pk
        return m

    m = bufret(f"{selectors.bufret_navn(portefolje, kriterier)}:matrise", beregn)
    for punkt in m.punkter:
        punkt.resultat = SimpleNamespace(notat=grunnlag.notat(punkt.resultat))
    return m


def valgt_ar_fra(request, ar: list[int]) -> int:
    """The year asked for in `?ar=`, if it is one of the plan's; else next year."""
    valgt = heltall_fra_get(request, "ar", minst=min(ar), hoyst=max(ar))
    if valgt in ar:
        return valgt
    return ar[1] if len(ar) > 1 else ar[0]


def palagte_blant(notat_ids) -> set[int]:
    """Which of these notes answer an imposed order (one query)."""
    return set(
        Konseptnotat.innspill.through.objects.filter(
            konseptnotat_id__in=list(notat_ids), innspill__palagt=True
        ).values_list("konseptnotat_id", flat=True)
    )


# --- scenarios ----------------------------------------------------------------------------------


@dataclass
class Scenarioresultat:
    scenario: object | None  # None: the portfolio's current weights and frames
    navn: str
    forslag: okonomi.Forslag
    rammer: dict
    vekter: dict
    valgt: list  # Notatresultat, forced first
    skar: dict  # note id → weighted score in this scenario
    bruk: dict  # year → dimension → used
    over: list[str]  # frames the forced notes alone exceed
    tvunget_inn: set
    tvunget_ut: set
    fortrenger: dict  # note id → [Notatresultat]
    ukjente: list  # not in the set: cost unknown
    uten_skar: list  # not in the set: nobody has scored them yet


def scenario_grunnlag(*, portefolje, bruker):
    """What every scenario is computed from: results, criteria, frames, costs, imposed flags."""
    kriterier = selectors.aktive_kriterier(portefolje)
    resultater, _plasseringer = selectors.ventende_resultater(
        portefolje=portefolje, kriterier=kriterier, bruker=bruker
    )
    ar = arsbelop.planar()
    return {
        "kriterier": kriterier,
        "resultater": resultater,
        "ar": ar,
        "rammer": rammer_for(portefolje, ar),
        "kostnader": {r.notat.pk: kostnad_av(r.notat.arsbelop) for r in resultater},
        "palagte": {r.notat.pk for r in resultater if getattr(r.notat, "palagt", False)},
    }


def scenario_beregn(*, grunnlag, scenario=None, tvunget_inn=None, tvunget_ut=None):
    """Optimise one scenario (or the current frames and weights when `scenario` is None)."""
    kriterier = grunnlag["kriterier"]
    vekter = selectors.vekter_for(kriterier)
    rammer = {a: dict(v) for a, v in grunnlag["rammer"].items()}
    inn, ut = set(tvunget_inn or ()), set(tvunget_ut or ())
    if scenario is not None:
        for k in kriterier:
            if str(k.pk) in scenario.vekter:
                vekter[k.pk] = float(scenario.vekter[str(k.pk)])
        for ar, verdier in scenario.rammer.items():
            if int(ar) in rammer:
                rammer[int(ar)].update({d: verdier.get(d) for d in DIMENSJONER})
        inn = {n.pk for n in scenario.tvunget_inn.all()}
        ut = {n.pk for n in scenario.tvunget_ut.all()}
    resultater = grunnlag["resultater"]
    kandidater = kandidater_fra(
        resultater, kostnader=grunnlag["kostnader"], palagte=grunnlag["palagte"], vekter=vekter
    )
    forslag = okonomi.optimer(kandidater, grenser_fra(rammer), tvunget_inn=inn, tvunget_ut=ut)
    etter_id = {r.notat.pk: r for r in resultater}
    bruk = {
        a: {d: forslag.bruk.get((a, d), _sum(forslag, kandidater, a, d)) for d in DIMENSJONER}
        for a in rammer
    }
    return Scenarioresultat(
        scenario=scenario,
        navn=scenario.navn if scenario else _("Current frames and weights"),
        forslag=forslag,
        rammer=rammer,
        vekter=vekter,
        valgt=[etter_id[i] for i in forslag.valgt],
        skar={k.id: k.skar for k in kandidater},
        bruk=bruk,
        over=[nokkeltekst(n) for n in forslag.tvunget_over],
        tvunget_inn=inn,
        tvunget_ut=ut,
        fortrenger={i: [etter_id[m] for m in ms] for i, ms in forslag.fortrenger.items()},
        ukjente=[etter_id[i] for i in forslag.ukjente],
        uten_skar=[etter_id[i] for i in forslag.uten_skar],
    )


def _sum(forslag, kandidater, ar, dim):
    """Use of a dimension without a frame (the solver only sums the constrained ones)."""
    valgt = set(forslag.valgt)
    return sum(k.bruk((ar, dim)) for k in kandidater if k.id in valgt)


def oppsummering(r: Scenarioresultat) -> list[tuple[int, list[dict]]]:
    """Per year and dimension: used, frame, and whether the set goes over (forced notes only
    can take it over)."""
    ut = []
    for ar, verdier in r.rammer.items():
        celler = []
        for d in DIMENSJONER:
            ramme = verdier.get(d)
            brukt = r.bruk[ar][d]
            celler.append(
                {
                    "dim": d,
                    "brukt": brukt,
                    "ramme": ramme,
                    "over": ramme is not None and brukt > float(ramme),
                }
            )
        ut.append((ar, celler))
    return ut


Scenarioresultat.oppsummering = property(oppsummering)
Scenarioresultat.total = property(lambda r: round(r.forslag.total_skar, 1))
