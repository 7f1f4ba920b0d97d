"""Field history in words: django-simple-history's records turned into readable lines.

«12.11.2026 14:03 — Kari Nordmann endret Status: Ny → Under vurdering; Budsjett: 1 200 000 →
1 500 000». Field names are the models' verbose names, choices their labels, foreign keys the
related object's text. The page includes `templates/partials/historikk.html` with the lines.

Cost: one query per model shown (history rows with their user), plus one per model that the
changed foreign keys point to, whatever the number of objects or records. Only the newest
`grense` lines are formatted; all rows of the objects asked for are read, so callers pass the
objects of one page (one project and its elements), not a whole portfolio.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import models
from django.utils import formats, timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from portefolje.personer import navn

# Bookkeeping fields nobody needs to read about.
TEKNISKE_FELT = {"id", "versjon", "endret", "opprettet", "sokevektor", "skjema_nokkel"}

MAKS_TEGN = 80


@dataclass
class Endring:
    felt: str
    fra: str
    til: str

    def __str__(self):
        return f"{self.felt}: {self.fra} → {self.til}"


@dataclass
class Linje:
    tidspunkt: datetime.datetime
    hvem: str
    handling: str
    objekt: str = ""
    endringer: list[Endring] = field(default_factory=list)

    @property
    def tekst(self) -> str:
        """The line without its time: «Kari Nordmann endret Status: Ny → Under vurdering»."""
        if self.handling == "+":
            gjorde = _("%(hvem)s created %(objekt)s") % {"hvem": self.hvem, "objekt": self.objekt}
        elif self.handling == "-":
            gjorde = _("%(hvem)s deleted %(objekt)s") % {"hvem": self.hvem, "objekt": self.objekt}
        else:
            gjorde = _("%(hvem)s changed %(objekt)s") % {"hvem": self.hvem, "objekt": self.objekt}
        gjorde = " ".join(gjorde.split())
        if not self.endringer:
            return gjorde
        skille = ": " if self.objekt else " "
        return gjorde + skille + "; ".join(str(e) for e in self.endringer)

    @property
    def tid(self) -> str:
        return formats.date_format(timezone.localtime(self.tidspunkt), "j.n.Y H:i")

    def __str__(self):
        return f"{self.tid} — {self.tekst}"


def _felter(modell, utelat, bare) -> list[models.Field]:
    return [
        f
        for f in modell._meta.concrete_fields
        if f.name not in TEKNISKE_FELT
        and f.name not in utelat
        and (bare is None or f.name in bare)
        and f.editable
    ]


def _hvem(rad) -> str:
    bruker = rad.history_user
    return navn(bruker, tom=_("The system"))


def _tom() -> str:
    return "–"


def _vis(felt: models.Field, verdi, fremmede: dict) -> str:
    if verdi is None or verdi == "":
        return _tom()
    if felt.choices:
        return str(dict(felt.flatchoices).get(verdi, verdi))
    if felt.is_relation:
        objekt = fremmede.get(felt.related_model, {}).get(verdi)
        if objekt is None:
            return f"#{verdi}"
        if isinstance(objekt, AbstractBaseUser):
            return navn(objekt)
        return str(objekt)
    if isinstance(verdi, bool):
        return _("yes") if verdi else _("no")
    if isinstance(verdi, datetime.datetime):
        return formats.date_format(timezone.localtime(verdi), "j.n.Y H:i")
    if isinstance(verdi, datetime.date):
        return formats.date_format(verdi, "j.n.Y")
    if isinstance(verdi, int | Decimal | float):
        return formats.number_format(verdi, use_l10n=True, force_grouping=True)
    return Truncator(" ".join(str(verdi).split())).chars(MAKS_TEGN)


def historikk_for(
    objekt, *, utelat=(), bare=None, grense: int = 50, med_navn: bool = False
) -> list:
    """The lines of one object's field history, newest first.

    `utelat` leaves fields out (personal data for those who may not see it); `bare` names the
    only fields to show (e.g. a concept note's status, whose text has its own word diff).
    """
    return historikk_for_mange([objekt], utelat=utelat, bare=bare, grense=grense, med_navn=med_navn)


def historikk_for_mange(
    objekter, *, utelat=(), bare=None, grense: int = 100, med_navn: bool = True
) -> list:
    """The lines of several objects' field histories (any tracked models), newest first.

    With `med_navn` each line names its object («Leveranse «Pilot»»), for a page that lists
    the history of a project and its elements together.
    """
    per_modell = defaultdict(list)
    tekst = {}
    # Asked once per model: reading `history` from a class builds a new manager class each
    # time, and a project's page asked it for each of its sixty elements.
    sporet: dict[type, bool] = {}
    for objekt in objekter:
        if objekt is None or objekt.pk is None:
            continue
        if type(objekt) not in sporet:
            sporet[type(objekt)] = hasattr(type(objekt), "history")
        if sporet[type(objekt)]:
            modell = type(objekt)._meta.concrete_model
            per_modell[modell].append(objekt.pk)
            if med_navn:
                tekst[(modell, objekt.pk)] = Truncator(str(objekt)).chars(60)

    rader_per_modell = {
        modell: (_felter(modell, utelat, bare), _rader(modell, pker))
        for modell, pker in per_modell.items()
    }
    fremmede = _fremmede(rader_per_modell)
    linjer = []
    for modell, (felter, rader) in rader_per_modell.items():
        linjer += _linjer(modell, felter, rader, fremmede, tekst if med_navn else None)
    linjer.sort(key=lambda linje: linje.tidspunkt, reverse=True)
    return linjer[:grense]


def _rader(modell, pker) -> list:
    """The history rows of the objects `pker`, oldest first per object, with their users."""
    return list(
        modell.history.filter(**{f"{modell._meta.pk.attname}__in": pker})
        .select_related("history_user")
        .order_by(modell._meta.pk.attname, "history_date", "history_id")
    )


def _fremmede(rader_per_modell: dict) -> dict:
    """The objects the changed foreign keys point to, one query per related model."""
    fremmede_id = defaultdict(set)
    for modell, (felter, rader) in rader_per_modell.items():
        forrige = {}
        for rad in rader:
            pk = getattr(rad, modell._meta.pk.attname)
            for f in felter:
                if f.is_relation and f.many_to_one and pk in forrige:
                    fra, til = getattr(forrige[pk], f.attname), getattr(rad, f.attname)
                    if fra != til:
                        fremmede_id[f.related_model].update(v for v in (fra, til) if v is not None)
            forrige[pk] = rad
    return {
        modell: modell._default_manager.in_bulk(list(ider))
        for modell, ider in fremmede_id.items()
        if ider
    }


def _linjer(modell, felter, rader, fremmede, tekst: dict | None) -> list[Linje]:
    """One line per created, deleted or visibly changed row (a save that changed nothing the
    reader sees gives none); with `tekst`, each line names its object."""
    linjer = []
    forrige = {}
    for rad in rader:
        pk = getattr(rad, modell._meta.pk.attname)
        navn = ""
        if tekst is not None:
            navn = f"{modell._meta.verbose_name} «{tekst[(modell, pk)]}»"
        elif rad.history_type != "~":
            navn = str(modell._meta.verbose_name)
        linje = Linje(
            tidspunkt=rad.history_date, hvem=_hvem(rad), handling=rad.history_type, objekt=navn
        )
        if rad.history_type == "~" and pk in forrige:
            linje.endringer = [
                Endring(
                    felt=str(f.verbose_name).capitalize(),
                    fra=_vis(f, getattr(forrige[pk], f.attname), fremmede),
                    til=_vis(f, getattr(rad, f.attname), fremmede),
                )
                for f in felter
                if getattr(forrige[pk], f.attname) != getattr(rad, f.attname)
            ]
            if not linje.endringer:
                forrige[pk] = rad
                continue
        forrige[pk] = rad
        linjer.append(linje)
    return linjer


def siste_endringer(objekt, *, utelat=()) -> list[Endring]:
    """What the object's newest history row changed against the one before (for audit texts).

    Two rows read, plus one query per foreign key that changed.
    """
    modell = type(objekt)._meta.concrete_model
    rader = list(objekt.history.order_by("-history_date", "-history_id")[:2])
    if len(rader) < 2:
        return []
    ny, gammel = rader
    felter = [
        f
        for f in _felter(modell, utelat, None)
        if getattr(ny, f.attname) != getattr(gammel, f.attname)
    ]
    fremmede = {}
    for f in felter:
        if f.is_relation and f.many_to_one:
            ider = [
                v for v in (getattr(ny, f.attname), getattr(gammel, f.attname)) if v is not None
            ]
            fremmede.setdefault(f.related_model, {}).update(
                f.related_model._default_manager.in_bulk(ider)
            )
    return [
        Endring(
            felt=str(f.verbose_name).capitalize(),
            fra=_vis(f, getattr(gammel, f.attname), fremmede),
            til=_vis(f, getattr(ny, f.attname), fremmede),
        )
        for f in felter
    ]


def endringstekst(endringer: list[Endring]) -> str:
    """«Status: Ny → Under vurdering; Budsjett: 1 → 2», or a dash when nothing visible changed."""
    return "; ".join(str(e) for e in endringer) or "–"
