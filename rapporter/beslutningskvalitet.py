"""«Beslutningskvalitet»: did the portfolio choose well? For approved projects whose benefits
have been measured, what the frozen concept note expected against what was realised — per
project, per deciding portfolio and per score band.

Expected (the version the decision froze, `Beslutning.versjon`): investment and yearly running
cost, the kinds of benefit promised; the project's first recorded end date is the plan.
Realised (Styre): the cost in the last published status report (its forecast, or the cost to
date when there is none), the date the project was closed against the planned end, and the
benefit realisation of its indicators' latest measurements ((measured − baseline) /
(target − baseline), 100 % = as promised).

`prosjektrader` reads (a fixed number of queries); everything else is pure arithmetic on the
rows, tested without a database. The chart and the tables are drawn from the same `Gruppe`
rows.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation

from django.db.models import Exists, F, OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portefolje.models import Medlemskap, Portefolje
from portefolje.permissions import er_utvikler
from prosjekter import beregning as styre
from prosjekter.models import (
    Indikator,
    Maling,
    Prosjekt,
    Styringsbeslutning,
)
from prosjekter.models.prosjekt import Tilstand
from prosjekter.models.styring import Beslutningstype
from prosjekter.selectors import siste_publiserte
from velge.models import Utfall

# Fewer projects than this in a group: its figures are examples, not a pattern, and the page
# says so beside them.
FA_PROSJEKTER = 5

# Score bands on the weighted score (0–100) the decision recorded, highest first.
SKARBAND = [
    ("hoy", _("High score (70 and above)"), 70),
    ("middels", _("Middle score (50–69.9)"), 50),
    ("lav", _("Low score (under 50)"), 0),
]
UTEN_SKAR = ("uten", _("No score recorded"))

GEVINSTTYPER = [
    ("gevinst_okonomisk", _("financial")),
    ("gevinst_tid_spart", _("time saved")),
    ("gevinst_kvalitativ", _("qualitative")),
]


# --- who may look -----------------------------------------------------------------------------


def kan_se(user) -> bool:
    """The portfolios' roles (chair, member, secretary) and the development team."""
    if not user.is_authenticated:
        return False
    return user.is_superuser or er_utvikler(user) or Medlemskap.objects.filter(bruker=user).exists()


def synlige_portefoljer(user) -> list[Portefolje]:
    """The portfolios whose decisions `user` may look back on: all for the development team,
    else those they have a role in and the ones below them (KLG sees the sections')."""
    if not kan_se(user):
        return []
    alle = Portefolje.objects.order_by("navn")
    if user.is_superuser or er_utvikler(user):
        return list(alle)
    mine = Medlemskap.objects.filter(bruker=user)
    return list(
        alle.filter(
            Exists(mine.filter(portefolje=OuterRef("pk")))
            | Exists(mine.filter(portefolje=OuterRef("forelder")))
        )
    )


# --- rows -------------------------------------------------------------------------------------


@dataclass
class Prosjektrad:
    """One decided project with measured benefits: expected against realised."""

    prosjekt: object
    portefolje: object  # the portfolio that decided
    skar: float | None
    forventet_investering: Decimal | None
    forventet_drift: Decimal | None
    forventede_gevinster: list[str]
    realisert_kostnad: Decimal | None
    planlagt_slutt: date | None
    faktisk_slutt: date | None
    avsluttet: bool
    realiseringer: list[float] = field(default_factory=list)  # per indicator, as fractions

    @property
    def band(self) -> str:
        return skarband(self.skar)

    @property
    def gevinstrealisering(self) -> float | None:
        """Mean realisation of the measured indicators, in percent."""
        if not self.realiseringer:
            return None
        return round(sum(self.realiseringer) / len(self.realiseringer) * 100, 1)

    @property
    def kostnadsgrad(self) -> float | None:
        """Realised cost as a percentage of the expected investment (100 = as expected)."""
        return kostnadsgrad(forventet=self.forventet_investering, realisert=self.realisert_kostnad)

    @property
    def forsinkelse_dager(self) -> int | None:
        """Days from the planned end to the closing (negative: early); None until closed."""
        if self.planlagt_slutt is None or self.faktisk_slutt is None:
            return None
        return (self.faktisk_slutt - self.planlagt_slutt).days

    @property
    def dager_tidlig(self) -> int | None:
        d = self.forsinkelse_dager
        return -d if d is not None and d < 0 else None


def skarband(skar) -> str:
    if skar is None:
        return UTEN_SKAR[0]
    for nokkel, _navn, grense in SKARBAND:
        if float(skar) >= grense:
            return nokkel
    return SKARBAND[-1][0]


def kostnadsgrad(*, forventet, realisert) -> float | None:
    """Realised as a percentage of expected; None when either is unknown or nothing was
    expected (a note without an amount is «cost unknown», never a zero)."""
    if forventet is None or realisert is None or forventet <= 0:
        return None
    return round(float(realisert) / float(forventet) * 100, 1)


def _belop(verdi) -> Decimal | None:
    """An amount from a frozen version (stored as text), or None if absent or unreadable."""
    if verdi in (None, ""):
        return None
    try:
        belop = Decimal(str(verdi))
    except InvalidOperation:
        return None
    return belop if belop.is_finite() else None


def prosjektrader(prosjekter) -> list[Prosjektrad]:
    """Rows for the approved projects among `prosjekter` with at least one measurement on a
    live indicator. Two queries, whatever the number of projects."""
    prosjekter = _godkjente_og_malte(prosjekter)
    realiseringer = _realiseringer([p.pk for p in prosjekter])
    return [_rad(p, realiseringer.get(p.pk, [])) for p in prosjekter]


def _godkjente_og_malte(prosjekter) -> list[Prosjekt]:
    """The approved projects with a measurement, each with its cost, close and planned end."""
    avslutning = Styringsbeslutning.objects.filter(
        prosjekt=OuterRef("pk"), type=Beslutningstype.AVSLUTT
    ).order_by("-besluttet", "-id")
    # The plan: the first end date recorded for the project (later edits move the real one).
    forste_slutt = Prosjekt.history.model.objects.filter(
        id=OuterRef("pk"), sluttdato__isnull=False
    ).order_by("history_date", "history_id")
    malt = Maling.objects.filter(
        indikator__gevinst__prosjekt=OuterRef("pk"),
        indikator__arkivert=False,
        indikator__gevinst__arkivert=False,
    )
    return list(
        prosjekter.filter(beslutning__utfall=Utfall.GODKJENT)
        .filter(Exists(malt))
        .select_related("beslutning__versjon", "beslutning__portefolje")
        .annotate(
            siste_prognose=siste_publiserte("prognose"),
            siste_kostnad=siste_publiserte("kostnad_hittil"),
            avsluttet_tid=Subquery(avslutning.values("besluttet")[:1]),
            forste_sluttdato=Subquery(forste_slutt.values("sluttdato")[:1]),
        )
        .order_by("nummer", "pk")
    )


def _realiseringer(prosjekt_ider: list[int]) -> dict[int, list[float]]:
    """Per project, the benefit realisation of each live indicator's latest measurement."""
    siste_maling = Maling.objects.filter(indikator=OuterRef("pk")).order_by("-dato", "-id")
    realiseringer: dict[int, list[float]] = {}
    for prosjekt_id, nullpunkt, malverdi, siste in (
        Indikator.objects.filter(
            gevinst__prosjekt__in=prosjekt_ider, arkivert=False, gevinst__arkivert=False
        )
        .exclude(malverdi=F("nullpunkt"))
        .annotate(siste=Subquery(siste_maling.values("verdi")[:1]))
        .filter(siste__isnull=False)
        .values_list("gevinst__prosjekt_id", "nullpunkt", "malverdi", "siste")
        .order_by("pk")
    ):
        grad = styre.realisering(nullpunkt=nullpunkt, malverdi=malverdi, malt=siste)
        if grad is not None:
            realiseringer.setdefault(prosjekt_id, []).append(float(grad))
    return realiseringer


def _rad(p: Prosjekt, realiseringer: list[float]) -> Prosjektrad:
    """Expected (the frozen note) beside realised (Styre) for one project; no query."""
    beslutning = p.beslutning
    innhold = beslutning.versjon.innhold or {}
    avsluttet = p.tilstand == Tilstand.AVSLUTTET
    faktisk = None
    if avsluttet:
        faktisk = (
            timezone.localdate(p.avsluttet_tid) if p.avsluttet_tid is not None else p.sluttdato
        )
    skar = beslutning.vektet_score
    return Prosjektrad(
        prosjekt=p,
        portefolje=beslutning.portefolje,
        skar=float(skar) if skar is not None else None,
        forventet_investering=_belop(innhold.get("investering")),
        forventet_drift=_belop(innhold.get("arlig_driftskostnad")),
        forventede_gevinster=[str(navn) for felt, navn in GEVINSTTYPER if innhold.get(felt)],
        realisert_kostnad=p.siste_prognose if p.siste_prognose is not None else p.siste_kostnad,
        planlagt_slutt=p.forste_sluttdato or p.sluttdato,
        faktisk_slutt=faktisk,
        avsluttet=avsluttet,
        realiseringer=realiseringer,
    )


# --- groups -----------------------------------------------------------------------------------


def _snitt(verdier) -> tuple[float | None, int]:
    verdier = [v for v in verdier if v is not None]
    if not verdier:
        return None, 0
    return round(sum(verdier) / len(verdier), 1), len(verdier)


@dataclass
class Gruppe:
    """A group's means, each with how many projects it rests on."""

    nokkel: str
    navn: str
    n: int
    gevinst: float | None
    n_gevinst: int
    kostnad: float | None
    n_kostnad: int
    forsinkelse: float | None
    n_forsinkelse: int

    @property
    def fa(self) -> bool:
        """Too few projects to read the figures as a pattern (empty groups included)."""
        return self.n < FA_PROSJEKTER


def gruppe_lag(nokkel: str, navn, rader: list[Prosjektrad]) -> Gruppe:
    gevinst, n_gevinst = _snitt(r.gevinstrealisering for r in rader)
    kostnad, n_kostnad = _snitt(r.kostnadsgrad for r in rader)
    forsinkelse, n_forsinkelse = _snitt(r.forsinkelse_dager for r in rader)
    return Gruppe(
        nokkel=nokkel,
        navn=str(navn),
        n=len(rader),
        gevinst=gevinst,
        n_gevinst=n_gevinst,
        kostnad=kostnad,
        n_kostnad=n_kostnad,
        forsinkelse=forsinkelse,
        n_forsinkelse=n_forsinkelse,
    )


def etter_skarband(rader: list[Prosjektrad]) -> list[Gruppe]:
    """Every band, highest first, empty ones too (n = 0), and «no score» last if any."""
    grupper = [
        gruppe_lag(nokkel, navn, [r for r in rader if r.band == nokkel])
        for nokkel, navn, _grense in SKARBAND
    ]
    uten = [r for r in rader if r.band == UTEN_SKAR[0]]
    if uten:
        grupper.append(gruppe_lag(UTEN_SKAR[0], UTEN_SKAR[1], uten))
    return grupper


def etter_portefolje(rader: list[Prosjektrad]) -> list[Gruppe]:
    """One group per deciding portfolio that has rows, by name."""
    per: dict[int, list[Prosjektrad]] = {}
    navn = {}
    for r in rader:
        per.setdefault(r.portefolje.pk, []).append(r)
        navn[r.portefolje.pk] = r.portefolje
    return [
        gruppe_lag(navn[pk].slug, navn[pk].navn, per[pk])
        for pk in sorted(per, key=lambda pk: navn[pk].navn)
    ]


def alle(rader: list[Prosjektrad]) -> Gruppe:
    return gruppe_lag("alle", _("All"), rader)
