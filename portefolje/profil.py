"""The profile page's sections, contributed by the apps that own them.

The core cannot import the apps after it, so an app that keeps something personal (the API's
tokens, say) registers a section in its AppConfig.ready(). A provider takes the request and
returns a `Profilseksjon` or None; it must make a constant number of queries.
"""

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class Profilseksjon:
    """One section of «Min profil»: a heading, a template and what the template needs."""

    tittel: str
    mal: str
    rekkefolge: int
    kontekst: dict = field(default_factory=dict)


_providers: list[Callable] = []


def registrer(provider: Callable) -> Callable:
    """Register a provider `f(request) -> Profilseksjon | None`; usable as a decorator."""
    if provider not in _providers:
        _providers.append(provider)
    return provider


def seksjoner_for(request) -> list[Profilseksjon]:
    seksjoner = [s for provider in _providers if (s := provider(request)) is not None]
    return sorted(seksjoner, key=lambda s: s.rekkefolge)
