"""The portfolio timeline's rows: each project with its period, latest status, phases,
milestones, decisions and dependencies, and the start plan's proposal for those not started.

The table on the page lists these rows; the SVG (`prosjekter.tidslinje.tegn`) draws the same
rows. The page shows one page of them at a time, so the order is found first without
building any row (`tidslinjeorden`: one light query for all the projects, and five for the start
plans' proposals in the portfolios that have projects waiting to start), and the full rows are
then built for the ids wanted (`tidslinjerader`: one query for those projects, one each for
their deliverables, decisions and dependencies). A fixed number of queries whatever the number
of projects or portfolios.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Q
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from portefolje.farger import Farge
from portefolje.models import Portefolje
from prosjekter.beregning import add_maneder
from prosjekter.models import (
    Avhengighet,
    Beslutningstype,
    Fase,
    Leveranse,
    Program,
    Prosjekt,
    Styringsbeslutning,
    Tilstand,
)
from prosjekter.selectors.ressurser import startforslag
from prosjekter.selectors.status import siste_publiserte
from prosjekter.tidslinje import radtekst

FASENAVN = dict(Fase.choices)


@dataclass
class Tidslinjerad:
    prosjekt: Prosjekt
    program: Program | None
    start: date | None = None
    slutt: date | None = None
    planlagt: bool = False  # not started: the period is the plan's, drawn dashed
    startkilde: str = ""  # "startdato", "vedtatt" or "foreslatt" for planned ones
    farge: str = Farge.GRA
    faser: list = field(default_factory=list)
    milepaeler: list = field(default_factory=list)
    beslutninger: list = field(default_factory=list)
    avhengigheter: list = field(default_factory=list)  # what this project waits for
    avhengige: list = field(default_factory=list)  # who waits for this project
    punkter: list = field(default_factory=list)
    figur: dict = field(default_factory=dict)
    program_lesbar: bool = False  # set by `merk_lesbare_programmer` for the reader
    # Worked out once with the row (and cached with it), not by the template for every shape.
    url: str = ""
    etikett: str = ""  # number and shortened title beside the bar
    tekst: str = ""  # the row in words: the picture's <title> for screen readers

    def fyll_ut(self) -> None:
        self.url = self.prosjekt.get_absolute_url()
        self.etikett = f"{self.prosjekt.nummer} {Truncator(self.prosjekt.tittel).chars(30)}"
        self.tekst = f"{self.prosjekt.nummer} {self.prosjekt.tittel}: {radtekst(self)}"

    @property
    def fargetekst(self) -> str:
        return str(Farge(self.farge).label)

    @property
    def gruppe(self):
        return self.program.pk if self.program else None

    @property
    def gruppetekst(self) -> str:
        return self.program.navn if self.program else _("Not in a programme")

    @property
    def glipper(self) -> list:
        """Dependencies of or on this project that have slipped."""
        return [a for a in [*self.avhengigheter, *self.avhengige] if a.glipp]


def portefoljer_synlige_for(user):
    """Portfolios `user` may see on the timeline: those whose leader group (or the group above)
    the user sits in, and those of the projects the user may read."""
    if not user.is_authenticated:
        return Portefolje.objects.none()
    if user.is_superuser:
        return Portefolje.objects.all()
    return Portefolje.objects.filter(
        Q(medlemskap__bruker=user)
        | Q(forelder__medlemskap__bruker=user)
        | Q(pk__in=Prosjekt.objects.synlige_for(user).values("portefolje"))
    ).distinct()


def _faser(prosjekt, beslutninger, slutt) -> list[dict]:
    """The phase segments known from phase gates: from the start to the first gate in the phase
    it left, then each gate's new phase to the next gate (the last one to the end)."""
    porter = sorted(
        (b for b in beslutninger if b.fra_fase != b.til_fase), key=lambda b: (b.besluttet, b.pk)
    )
    if not porter:
        return []
    faser = []
    fra = prosjekt.startdato
    for port in porter:
        dag = timezone.localdate(port.besluttet)
        if fra is not None and dag > fra:
            faser.append(
                {"fase": port.fra_fase, "tekst": FASENAVN[port.fra_fase], "fra": fra, "til": dag}
            )
        fra = dag
    siste = porter[-1].til_fase
    faser.append({"fase": siste, "tekst": FASENAVN[siste], "fra": fra, "til": slutt})
    return faser


def _planlagte(portefolje_ider) -> dict[int, tuple[date | None, int, bool]]:
    """{project: (start, months, decided)} from the start plans of these portfolios."""
    return {
        pk: (forslag.start, len(behov), forslag.fast)
        for pk, (forslag, behov) in startforslag(portefolje_ider).items()
    }


def _periode(startdato, sluttdato, plan) -> tuple[date | None, date | None, str]:
    """A row's period and where its start comes from: the project's own dates, or the start
    plan's proposal (`plan`, from `_planlagte`) when it has one with a start."""
    start, slutt, kilde = startdato, sluttdato, "startdato" if startdato else ""
    if plan is not None:
        forslag, maneder, fast = plan
        if forslag is not None:
            start = forslag
            slutt = add_maneder(forslag, max(maneder, 1)) - timedelta(days=1)
            kilde = "vedtatt" if fast else "foreslatt"
    return start, slutt, kilde


@dataclass
class Tidslinjeorden:
    """The timeline's order for a set of projects, found without building their rows."""

    ider: list[int] = field(default_factory=list)  # every project, in the timeline's order
    planer: dict = field(default_factory=dict)  # the start plan's proposals (`_planlagte`)
    planlagte: int = 0  # how many are not started (drawn dashed)


def tidslinjenokler(prosjekter) -> tuple[dict, dict, int]:
    """({project: its sort key on the timeline}, the start plans' proposals, how many are not
    started) for these projects:
    grouped by programme (those without one last), then by start (the start plan's proposal for
    those waiting), then by number.

    One light query for the projects, and the start plan of each portfolio that has projects
    waiting to start (not started, no start date), five queries for them all (`startforslag`).
    """
    liste = list(
        prosjekter.order_by().values_list(
            "pk",
            "nummer",
            "startdato",
            "tilstand",
            "portefolje_id",
            "programtilknytning__program_id",
            "programtilknytning__program__navn",
        )
    )
    venter = {
        portefolje
        for _, _, start, tilstand, portefolje, _, _ in liste
        if tilstand == Tilstand.IKKE_STARTET and start is None
    }
    planer = _planlagte(venter) if venter else {}
    nokler = {}
    for pk, nummer, startdato, _tilstand, _portefolje, program, programnavn in liste:
        start, _, _ = _periode(startdato, None, planer.get(pk))
        nokler[pk] = (program is None, programnavn or "", program or 0, start or date.max, nummer)
    planlagte = sum(1 for rad in liste if rad[3] == Tilstand.IKKE_STARTET)
    return nokler, planer, planlagte


def tidslinjeorden(prosjekter) -> Tidslinjeorden:
    """The order of the timeline's rows for these projects (`tidslinjenokler`)."""
    nokler, planer, planlagte = tidslinjenokler(prosjekter)
    return Tidslinjeorden(
        ider=sorted(nokler, key=nokler.__getitem__), planer=planer, planlagte=planlagte
    )


def tidslinjerader(prosjekter, *, orden=None, ider=None) -> list[Tidslinjerad]:
    """The timeline's rows for these projects in the timeline's order (`tidslinjeorden`): all of
    them, or only `ider` (some of `orden.ider`, e.g. one page) when given."""
    if orden is None:
        orden = tidslinjeorden(prosjekter)
    plass = {pk: i for i, pk in enumerate(orden.ider if ider is None else ider)}
    if not plass:
        return []
    # Still through `prosjekter`: a project that left the reader's sight since is not shown.
    liste = sorted(
        prosjekter.filter(pk__in=list(plass))
        .select_related("portefolje", "programtilknytning__program")
        .annotate(siste_farge=siste_publiserte("farge"))
        .order_by(),
        key=lambda p: plass[p.pk],
    )
    ider = [p.pk for p in liste]
    leveranser = defaultdict(list)
    for leveranse in Leveranse.objects.filter(prosjekt__in=ider, arkivert=False).order_by(
        "sluttdato", "id"
    ):
        leveranser[leveranse.prosjekt_id].append(leveranse)
    beslutninger = defaultdict(list)
    for beslutning in Styringsbeslutning.objects.filter(prosjekt__in=ider).order_by(
        "besluttet", "id"
    ):
        beslutninger[beslutning.prosjekt_id].append(beslutning)
    avhengigheter, avhengige = defaultdict(list), defaultdict(list)
    for a in (
        Avhengighet.objects.aktive()
        .filter(Q(prosjekt__in=ider) | Q(avhenger_av__in=ider))
        .select_related("prosjekt", "avhenger_av", "leveranse")
    ):
        avhengigheter[a.prosjekt_id].append(a)
        avhengige[a.avhenger_av_id].append(a)

    rader = []
    for p in liste:
        tilknytning = getattr(p, "programtilknytning", None)
        start, slutt, kilde = _periode(p.startdato, p.sluttdato, orden.planer.get(p.pk))
        rad = Tidslinjerad(
            prosjekt=p,
            program=tilknytning.program if tilknytning else None,
            start=start,
            slutt=slutt,
            planlagt=p.tilstand == Tilstand.IKKE_STARTET,
            startkilde=kilde,
            farge=p.siste_farge or Farge.GRA,
            milepaeler=leveranser[p.pk],
            beslutninger=beslutninger[p.pk],
            avhengigheter=avhengigheter[p.pk],
            avhengige=avhengige[p.pk],
        )
        rad.faser = _faser(p, rad.beslutninger, rad.slutt)
        rad.punkter = _punkter(rad)
        rad.fyll_ut()
        rader.append(rad)
    return rader


def glipper_per_prosjekt(prosjekter) -> dict[int, int]:
    """{project: how many of its open dependencies (what it waits for) have slipped}, by the one
    rule (`Avhengighet.glipp`): what the rows' `avhengigheter` would count, without building the
    rows. One query; the projects go in as a subquery, not as a thousand ids."""
    avhengigheter = (
        Avhengighet.objects.aktive()
        .filter(prosjekt__in=prosjekter.order_by().values("pk"))
        .order_by()
        .select_related("prosjekt", "avhenger_av", "leveranse")
        .only(
            "prosjekt_id",
            "trengs_dato",
            "prosjekt__startdato",
            "avhenger_av__sluttdato",
            "leveranse__sluttdato",
        )
    )
    antall = defaultdict(int)
    for a in avhengigheter:
        if a.glipp:
            antall[a.prosjekt_id] += 1
    return dict(antall)


def antall_glipper(prosjekter) -> int:
    """How many open dependencies of these projects have slipped (`glipper_per_prosjekt`)."""
    return sum(glipper_per_prosjekt(prosjekter).values())


def _punkter(rad: Tidslinjerad) -> list[dict]:
    punkter = []
    for leveranse in rad.milepaeler:
        if leveranse.sluttdato:
            punkter.append(
                {
                    "art": "milepael",
                    "dato": leveranse.sluttdato,
                    "tekst": _("Milestone: %(tittel)s, %(dato)s (%(status)s)")
                    % {
                        "tittel": leveranse.tittel,
                        "dato": f"{leveranse.sluttdato:%d.%m.%Y}",
                        "status": leveranse.get_status_display(),
                    },
                }
            )
    for beslutning in rad.beslutninger:
        port = beslutning.type == Beslutningstype.ENDRE_FASE
        dag = timezone.localdate(beslutning.besluttet)
        tekst = (
            _("Phase gate %(dato)s: %(fra)s → %(til)s")
            % {
                "dato": f"{dag:%d.%m.%Y}",
                "fra": beslutning.get_fra_fase_display(),
                "til": beslutning.get_til_fase_display(),
            }
            if port
            else _("Steering decision %(dato)s: %(type)s")
            % {"dato": f"{dag:%d.%m.%Y}", "type": beslutning.get_type_display()}
        )
        punkter.append({"art": "faseport" if port else "beslutning", "dato": dag, "tekst": tekst})
    for a in rad.avhengigheter:
        if a.glipp:
            punkter.append(
                {
                    "art": "glipp",
                    "dato": a.glipp.trengs,
                    "tekst": glipptekst(a),
                }
            )
    return punkter


def merk_lesbare_programmer(rader: list[Tidslinjerad], bruker) -> None:
    """Mark the rows whose programme `bruker` may open, so a name links only for them (one
    query)."""
    ider = {r.program.pk for r in rader if r.program}
    lesbare = (
        set(Program.objects.synlige_for(bruker).filter(pk__in=ider).values_list("pk", flat=True))
        if ider
        else set()
    )
    for rad in rader:
        rad.program_lesbar = rad.gruppe in lesbare


def glipptekst(a: Avhengighet) -> str:
    """«Late: P-2025-005 … delivers 1.10.2027, needed 1.4.2027 (183 days).»"""
    tekst = _("Late dependency: %(hva)s delivers %(leveres)s, needed %(trengs)s (%(dager)s days)")
    return tekst % {
        "hva": a.hva(),
        "leveres": f"{a.glipp.leveres:%d.%m.%Y}",
        "trengs": f"{a.glipp.trengs:%d.%m.%Y}",
        "dager": a.glipp.dager,
    }


def avhengigheter_for(prosjekt) -> dict:
    """A project page's dependencies: what it waits for and who waits for it (two queries)."""
    felles = Avhengighet.objects.aktive().select_related(
        "prosjekt", "avhenger_av", "leveranse", "opprettet_av"
    )
    return {
        "venter_pa": list(felles.filter(prosjekt=prosjekt).order_by("avhenger_av__nummer")),
        "ventes_pa_av": list(felles.filter(avhenger_av=prosjekt).order_by("prosjekt__nummer")),
    }


__all__ = [
    "Tidslinjeorden",
    "Tidslinjerad",
    "antall_glipper",
    "avhengigheter_for",
    "glipper_per_prosjekt",
    "glipptekst",
    "merk_lesbare_programmer",
    "portefoljer_synlige_for",
    "tidslinjenokler",
    "tidslinjeorden",
    "tidslinjerader",
]
