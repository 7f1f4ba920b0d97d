"""Links from a phase's pages to what comes after the flow (dashboards, reports, the look-back).

A phase must not know the output apps (`rapporter/`, …): it names a place on its page
(«portefolje» — a portfolio's page, «prosjektoversikter» — the tabs of the project overviews),
and the output registers what belongs there in its AppConfig.ready(). A provider takes the user
and the page's objects and returns links the user may follow; it makes no query of its own
beyond what the permission predicates need.
"""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class Lenke:
    tekst: str
    url: str


_steder: dict[str, list[Callable]] = defaultdict(list)


def registrer(sted: str) -> Callable:
    """Decorator: register `f(bruker, **objekter) -> list[Lenke]` for the place `sted`."""

    def dekorator(provider: Callable) -> Callable:
        if provider not in _steder[sted]:
            _steder[sted].append(provider)
        return provider

    return dekorator


def lenker_for(sted: str, bruker, **objekter) -> list[Lenke]:
    return [lenke for provider in _steder[sted] for lenke in provider(bruker, **objekter)]
