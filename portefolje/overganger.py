"""Declared moves between states: one small table per model and field, one way to check them.

Each phase declares its tables once, in its own app (`ideer/overganger.py`, ...), and registers
them; services call `sjekk` before they change a state, and forms and templates offer only what
`tillatte` returns. The core never names a phase: it only knows the tables it was given.

Why not django-fsm-2: its transitions are methods on the model that change the field as a side
effect, while our services already own locking, versions, audit and notifications. A plain table
keeps «which moves exist» readable in one place per model and leaves the writing to the services.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.utils.translation import gettext as _


class UlovligOvergang(Exception):
    """A move that is not declared from where the object stands, or not allowed for this person.

    The message is for the person who tried.
    """

    def __init__(self, objekt, til: str, melding: str | None = None):
        self.objekt = objekt
        self.til = til
        super().__init__(melding or _("This change of status is not allowed."))


def alle(objekt, bruker) -> bool:
    """For moves made by the system on behalf of a step already permitted elsewhere."""
    return True


@dataclass(frozen=True)
class Overgang:
    """One declared move: from any of `fra` to `til`, for whoever `tillatt(objekt, bruker)`."""

    fra: frozenset[str]
    til: str
    tillatt: Callable = alle

    def __init__(self, fra: Iterable[str], til: str, tillatt: Callable = alle):
        object.__setattr__(self, "fra", frozenset(str(f) for f in fra))
        object.__setattr__(self, "til", str(til))
        object.__setattr__(self, "tillatt", tillatt)


@dataclass
class Overgangstabell:
    """The moves of one model's state field (e.g. Innspill.status)."""

    modell: type
    felt: str
    overganger: list[Overgang] = field(default_factory=list)

    def _fra(self, objekt) -> str:
        return str(getattr(objekt, self.felt))

    def mulige(self, objekt) -> list[str]:
        """Every state declared reachable from where `objekt` stands, whoever asks."""
        fra = self._fra(objekt)
        return _unike(o.til for o in self.overganger if fra in o.fra)

    def tillatte(self, objekt, bruker) -> list[str]:
        """The states `bruker` may move `objekt` to now, in the table's order."""
        fra = self._fra(objekt)
        return _unike(o.til for o in self.overganger if fra in o.fra and o.tillatt(objekt, bruker))

    def sjekk(self, objekt, til: str, bruker) -> None:
        """Raise `UlovligOvergang` unless the move to `til` is declared and allowed for `bruker`."""
        fra = self._fra(objekt)
        kandidater = [o for o in self.overganger if fra in o.fra and o.til == str(til)]
        if not kandidater:
            raise UlovligOvergang(objekt, til, _melding(objekt, self.felt, til))
        if not any(o.tillatt(objekt, bruker) for o in kandidater):
            raise UlovligOvergang(
                objekt, til, _("You are not allowed to make this change of status.")
            )

    def flytt(self, objekt, til: str, bruker=None, *, vakt: tuple[str, ...] = (), **felt) -> bool:
        """Check the move, then make it in one UPDATE only if `objekt` still stands where it was
        read (this field and the `vakt` fields unchanged): False when someone moved it first, and
        nothing is written. `felt` are written with it and set on `objekt` when it moved. For the
        background work that moves a row without holding its lock (reports, archive items)."""
        self.sjekk(objekt, til, bruker)
        felt = {self.felt: til, **felt}
        hvor = {navn: getattr(objekt, navn) for navn in (self.felt, *vakt)}
        flyttet = self.modell.objects.filter(pk=objekt.pk, **hvor).update(**felt)
        if flyttet:
            for navn, verdi in felt.items():
                setattr(objekt, navn, verdi)
        return bool(flyttet)


def _unike(verdier) -> list[str]:
    return list(dict.fromkeys(verdier))


def _etikett(objekt, felt: str, verdi: str) -> str:
    valg = dict(objekt._meta.get_field(felt).flatchoices)
    return str(valg.get(verdi, verdi))


def _melding(objekt, felt: str, til: str) -> str:
    return _("«%(fra)s» cannot be changed to «%(til)s».") % {
        "fra": _etikett(objekt, felt, getattr(objekt, felt)),
        "til": _etikett(objekt, felt, til),
    }


_TABELLER: dict[tuple[type, str], Overgangstabell] = {}


def registrer(modell: type, felt: str, overganger: list[Overgang]) -> Overgangstabell:
    """Declare the moves of `modell.felt`; called once, by the app that owns the model."""
    tabell = Overgangstabell(modell=modell, felt=felt, overganger=list(overganger))
    _TABELLER[(modell, felt)] = tabell
    return tabell


def tabell_for(objekt_eller_modell, felt: str = "status") -> Overgangstabell:
    modell = (
        objekt_eller_modell if isinstance(objekt_eller_modell, type) else type(objekt_eller_modell)
    )
    try:
        return _TABELLER[(modell._meta.concrete_model, felt)]
    except KeyError:
        raise LookupError(f"No transitions declared for {modell.__name__}.{felt}") from None


def tillatte(objekt, bruker, felt: str = "status") -> list[str]:
    """The states `bruker` may move `objekt.<felt>` to now."""
    return tabell_for(objekt, felt).tillatte(objekt, bruker)


def sjekk(objekt, til: str, bruker, felt: str = "status") -> None:
    """Refuse (`UlovligOvergang`) a move of `objekt.<felt>` to `til` that is not allowed."""
    tabell_for(objekt, felt).sjekk(objekt, til, bruker)


def valg(objekt, bruker, felt: str = "status", blant: Iterable[str] | None = None):
    """(value, label) pairs for a form's choice field: only the allowed moves."""
    tilgjengelige = tillatte(objekt, bruker, felt)
    if blant is not None:
        blant = [str(b) for b in blant]
        tilgjengelige = [t for t in tilgjengelige if t in blant]
    return [(t, _etikett(objekt, felt, t)) for t in tilgjengelige]
