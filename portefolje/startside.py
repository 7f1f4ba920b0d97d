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
_hovedhandlinger: list[Callable] = []


def registrer(provider: Callable) -> Callable:
    """Register a provider `f(user) -> list[Blokk]`; usable as a decorator."""
    if provider not in _providers:
        _providers.append(provider)
    return provider


def blokker_for(user) -> list[Blokk]:
    blokker = [blokk for provider in _providers for blokk in provider(user)]
    return sorted(blokker, key=lambda b: b.rekkefolge)


def registrer_hovedhandling(provider: Callable) -> Callable:
    """Register `f(user) -> Oppgave | None`: the start page's primary button (e.g. «Send an idea»).

    The first provider that answers wins, so the page has one primary action.
    """
    if provider not in _hovedhandlinger:
        _hovedhandlinger.append(provider)
    return provider


def hovedhandling_for(user) -> Oppgave | None:
    for provider in _hovedhandlinger:
        handling = provider(user)
        if handling is not None:
            return handling
    return None


def mine_portefoljer_blokk(user) -> list[Blokk]:
    """«My portfolio»: the leader groups a person chairs or sits in, with their role. One query."""
    from portefolje.models import Medlemskap, Rolle

    if not user.is_authenticated:
        return []
    medlemskap = list(
        Medlemskap.objects.filter(bruker=user, portefolje__aktiv=True)
        .select_related("portefolje")
        .order_by("portefolje__navn")
    )
    if not medlemskap:
        return []
    from django.utils.translation import gettext as _

    return [
        Blokk(
            tittel=_("My portfolio") if len(medlemskap) == 1 else _("My portfolios"),
            rekkefolge=5,
            oppgaver=[
                Oppgave(
                    tekst=(
                        _("%(portefolje)s (you chair it)")
                        if m.rolle == Rolle.LEDER
                        else _("%(portefolje)s (member)")
                    )
                    % {"portefolje": m.portefolje.navn},
                    lenke=m.portefolje.get_absolute_url(),
                )
                for m in medlemskap
            ],
        )
    ]
