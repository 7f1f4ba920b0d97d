"""The kinds of record the phases file: each phase registers its own in `AppConfig.ready()`.

The core never lists a phase; it looks a row's kind up here when it sends it.
"""

from collections.abc import Callable
from dataclasses import dataclass

from portefolje.arkiv.innhold import Arkivinnhold


@dataclass(frozen=True)
class Art:
    """One kind of record: `kode` (e.g. «velge.beslutning»), its model, and `beskriv(objekt)`,
    which describes one object as a folder, a record and its documents."""

    kode: str
    modell: type
    beskriv: Callable[[object], Arkivinnhold]


_ARTER: dict[str, Art] = {}


def registrer(kode: str, *, modell: type, beskriv: Callable[[object], Arkivinnhold]) -> Art:
    """Declare a kind of record; called once, by the app that owns the model."""
    art = Art(kode=kode, modell=modell, beskriv=beskriv)
    _ARTER[kode] = art
    return art


def art(kode: str) -> Art:
    """The registered kind `kode`; LookupError for a kind nobody registered."""
    try:
        return _ARTER[kode]
    except KeyError:
        raise LookupError(f"Ingen arkivart heter {kode!r}") from None
