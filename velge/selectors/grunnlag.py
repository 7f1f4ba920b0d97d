"""The basis a chair reads before deciding on a note in a meeting: the note's summary, its
costs per year against the frames, its place in the ranking and how firm it is, the spread of
the members' scores per criterion and who scored.

One selector for the whole agenda (`grunnlag_for_mote`), so the decision page and the meeting
pack print the same block; a fixed number of queries however many notes and members. The
scores, the ranking and what fits follow the scoring rule (velge.selectors.synlighet): a
person who may not see a note's averages yet sees who scored it, and nothing more.
"""

from dataclasses import dataclass, field

from django.db.models import Count

from konseptnotat import arsbelop
from velge import beregning, okonomi, plass
from velge.models import Vurdering
from velge.selectors.habilitet import Kvorumstatus, inhabile_for, kvorum_for_notater
from velge.selectors.portefolje import rangering_for
from velge.selectors.resultater import Kriterieresultat, Notatresultat, notatresultater

DIMENSJONER = arsbelop.DIMENSJONER
# The summary is the note's first answers, cut short: the whole note is one link away.
SAMMENDRAGSFELTER = ("bakgrunn_og_behov", "mal")


@dataclass
class Kriteriespredning:
    """One criterion's scores on the note: mean, spread and how many gave each score 1–5."""

    resultat: Kriterieresultat
    fordeling: list[int]  # how many members gave 1, 2, 3, 4, 5

    @property
    def uenighet(self) -> bool:
        return self.resultat.uenighet


@dataclass
class Arskostnad:
    """The note's cost one year against the frame: per dimension (cost, frame, the total in
    rank order with this note, over)."""

    ar: int
    celler: list[dict]

    @property
    def over(self) -> bool:
        return any(c["over"] for c in self.celler)


@dataclass
class Grunnlag:
    resultat: Notatresultat
    sammendrag: dict[str, str]
    # Who scored, who has not, who is disqualified and why, against the quorum: one section.
    kvorum: Kvorumstatus
    synlig: bool
    spredning: list[Kriteriespredning] = field(default_factory=list)
    plassering: beregning.Plassering | None = None
    antall_rangert: int = 0
    kostnad_ukjent: bool = False
    arskostnader: list[Arskostnad] = field(default_factory=list)
    har_rammer: bool = False
    passer: bool | None = None  # inside the frames in rank order; None: cost unknown or unscored
    fortrenger: list = field(default_factory=list)  # notes approving this one would push out

    @property
    def notat(self):
        return self.resultat.notat


def _innhold(punkt) -> dict:
    """What the members read: the version frozen for the agenda, else the note as it is."""
    if punkt.versjon is not None:
        return punkt.versjon.innhold
    return {
        "arsbelop": punkt.notat.arsbelop,
        **{f: getattr(punkt.notat, f) for f in SAMMENDRAGSFELTER},
    }


def _fordelinger(notater, kriterier) -> dict[tuple[int, int], list[int]]:
    """(note, criterion) → how many gave each score 1–5 (one query)."""
    ut: dict[tuple[int, int], list[int]] = {}
    for notat_id, kriterium_id, poeng, n in (
        Vurdering.objects.filter(notat__in=notater, kriterium__in=kriterier)
        .values("notat_id", "kriterium_id", "poeng")
        .annotate(n=Count("id"))
        .order_by()
        .values_list("notat_id", "kriterium_id", "poeng", "n")
    ):
        ut.setdefault((notat_id, kriterium_id), [0] * 5)[poeng - 1] = n
    return ut


def grunnlag_for_mote(*, mote, bruker, kriterier) -> dict[int, Grunnlag]:
    """The basis for each note on the meeting's agenda, by note id, as `bruker` may see it.
    Thirteen queries: the agenda, the viewer's roles, the scores (two), the disqualified
    (three), the members, who scored, the rule, the scores' spread, the frames and the imposed
    flags."""
    portefolje = mote.portefolje
    punkter = list(
        mote.agendapunkter.select_related("notat", "versjon").order_by("rekkefolge", "id")
    )
    notater = [p.notat for p in punkter]
    resultater = notatresultater(
        notater=notater,
        kriterier=kriterier,
        bruker=bruker,
        portefolje=portefolje,
        avslort_alle=mote.vurderinger_synlige,
        tell_vurderere=True,
    )
    innhold = {p.notat_id: _innhold(p) for p in punkter}
    kvorum = kvorum_for_notater(
        portefolje=portefolje,
        notater=notater,
        inhabile=inhabile_for(notater=notater, portefolje=portefolje),
        kriterier=kriterier,
    )
    fordelinger = _fordelinger(notater, kriterier)
    # The ranking among the agenda's notes, as on the meeting page; none for a viewer who may
    # not see every scored note (rangering_for decides, by the same rule).
    rangering, _sens, skjult = rangering_for(resultater, kriterier)
    ar = arsbelop.planar()
    rammer = plass.rammer_for(portefolje, ar)
    kostnader = {n: plass.kostnad_av(i.get("arsbelop")) for n, i in innhold.items()}
    palagte = plass.palagte_blant(innhold)
    kandidater = plass.kandidater_fra(resultater, kostnader=kostnader, palagte=palagte)
    grenser = plass.grenser_fra(rammer)
    ut = {}
    for r in resultater:
        g = Grunnlag(
            resultat=r,
            sammendrag={f: innhold[r.notat.pk].get(f) or "" for f in SAMMENDRAGSFELTER},
            kvorum=kvorum[r.notat.pk],
            synlig=r.synlig,
            har_rammer=any(v is not None for v in grenser.values()),
            kostnad_ukjent=kostnader[r.notat.pk] is None,
        )
        if r.synlig:
            g.spredning = [
                Kriteriespredning(k, fordelinger.get((r.notat.pk, k.kriterium.pk), [0] * 5))
                for k in r.kriterier
            ]
        if not skjult:
            g.plassering, g.antall_rangert = r.plassering, len(rangering)
            _i_rammene(g, kandidater, grenser, rammer, {x.notat.pk: x for x in resultater})
        ut[r.notat.pk] = g
    return ut


def _i_rammene(g: Grunnlag, kandidater, grenser, rammer, etter_id) -> None:
    """Whether the note fits the frames in rank order, its cost each year against them, and
    which notes approving it would push out: those inside the frames in rank order now that
    fall outside once it is forced in (no queries)."""
    notat_id = g.notat.pk
    fylling = okonomi.fyll_i_rekkefolge(kandidater, grenser)
    rad = next((x for x in fylling.rader if x.kandidat.id == notat_id), None)
    if rad is None:  # not scored and not imposed: no place in the order
        return
    if not rad.kandidat.ukjent:
        g.passer = rad.innenfor
        for ar, ramme in rammer.items():
            celler = []
            for d in DIMENSJONER:
                grense = ramme.get(d)
                brukt = rad.kumulativ.get((ar, d))
                celler.append(
                    {
                        "dim": d,
                        "kostnad": rad.kandidat.bruk((ar, d)),
                        "ramme": grense,
                        "kumulativ": brukt,
                        "over": grense is not None and (brukt or 0) > float(grense),
                    }
                )
            g.arskostnader.append(Arskostnad(ar, celler))
    med = okonomi.fyll_i_rekkefolge(kandidater, grenser, tvunget_inn=[notat_id])
    inne_med = {x.kandidat.id for x in med.rader if x.innenfor}
    g.fortrenger = [
        etter_id[x.kandidat.id]
        for x in fylling.rader
        if x.innenfor and x.kandidat.id not in inne_med
    ]
