"""The core's link places: where a page links to something a later app owns.

Dependencies point one way, so a page never names the app it links to; that app registers the
link in its AppConfig.ready().

- Places on a page: a phase must not know the output apps (`rapporter/`, …): it names a place on
  its page («portefolje» — a portfolio's page, «prosjektoversikter» — the tabs of the project
  overviews), and the output registers what belongs there. A provider takes the user and the
  page's objects and returns links the user may follow; it makes no query of its own beyond
  what the permission predicates need.
- Addresses of the core's own objects: a portfolio is shown by the phase that scores and decides
  in it, so that phase registers the address (`adresse_registrer`), and the core's
  `get_absolute_url` asks for it (`adresse_for`).
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


_adresser: dict[type, Callable] = {}


def adresse_registrer(modell: type, adresse: Callable) -> None:
    """Register `adresse(objekt) -> str`, the page that shows an object of the core's `modell`."""
    _adresser[modell] = adresse


def adresse_for(objekt) -> str:
    """The address of the page that shows `objekt`; fails loudly if no app has registered one."""
    for klasse in type(objekt).__mro__:  # a proxy model has its concrete model's address
        if klasse in _adresser:
            return _adresser[klasse](objekt)
    raise LookupError(f"Ingen app har registrert en adresse for {type(objekt).__name__}")
