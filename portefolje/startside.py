"""The start page's «what needs me» sections, contributed by each phase.

The core cannot import the phases (dependencies point downstream), so each phase registers a
provider in its AppConfig.ready(). A provider takes the user and returns a list of `Oppgave` or
`Oversikt` blocks; it must make a constant number of queries.
"""

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class Oppgave:
    """Something the user should act on."""

    tekst: str
    lenke: str
    frist: object = None  # a date, when there is one


@dataclass
class Blokk:
    """One block on the start page, e.g. «Mine innspill» or «Venter på din vurdering»."""

    tittel: str
    rekkefolge: int
    oppgaver: list[Oppgave] = field(default_factory=list)
    mer_lenke: str = ""
    tom_tekst: str = ""


_providers: list[Callable] = []


def registrer(provider: Callable) -> Callable:
    """Register a provider `f(user) -> list[Blokk]`; usable as a decorator."""
    if provider not in _providers:
        _providers.append(provider)
    return provider


def blokker_for(user) -> list[Blokk]:
    blokker = [blokk for provider in _providers for blokk in provider(user)]
    return sorted(blokker, key=lambda b: b.rekkefolge)
