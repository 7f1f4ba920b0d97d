"""The start page's sections, contributed by each phase.

The page is a to-do list: first «Venter på meg» (what the person should act on, with counts and
due dates), then «Det jeg følger» (her own ideas, notes, projects), then «Porteføljen på et
blikk» as status chips. The core cannot import the phases (dependencies point downstream), so
each phase registers a provider in its AppConfig.ready(). A provider takes the user and returns a
list of `Blokk`, each saying which section it belongs to; it must make a constant number of
queries.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from portefolje.farger import css_klasse


@dataclass
class Oppgave:
    """Something the user should act on."""

    tekst: str
    lenke: str
    frist: object = None  # a date, when there is one


@dataclass
class Brikke:
    """A status chip in «Porteføljen på et blikk»: a count that links to the filtered view."""

    tekst: str
    antall: int
    lenke: str
    farge: str = ""  # a status colour (portefolje.farger.Farge), when the chip counts one

    @property
    def klasse(self) -> str:
        return f"status {css_klasse(self.farge)}" if self.farge else "brikke"


# The sections of the page, in the order they are shown.
VENTER = "venter"  # «Venter på meg»: work due from the person
FOLGER = "folger"  # «Det jeg følger»: her own ideas, notes, projects and portfolios
BLIKK = "blikk"  # «Porteføljen på et blikk»: chips


@dataclass
class Blokk:
    """One block on the start page, e.g. «Mine innspill» or «Venter på din vurdering».

    `antall` is how many there are in all, when `oppgaver` shows only the first few; without it
    the page counts `oppgaver`.
    """

    tittel: str
    rekkefolge: int
    oppgaver: list[Oppgave] = field(default_factory=list)
    mer_lenke: str = ""
    tom_tekst: str = ""
    del_: str = VENTER
    antall: int | None = None
    brikker: list[Brikke] = field(default_factory=list)

    @property
    def telling(self) -> int:
        return len(self.oppgaver) if self.antall is None else self.antall


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


def deler_for(user) -> dict[str, list[Blokk]]:
    """The page's three sections: {VENTER: [...], FOLGER: [...], BLIKK: [...]}.

    In «Venter på meg», blocks with something to do come before the empty ones.
    """
    deler = {VENTER: [], FOLGER: [], BLIKK: []}
    for blokk in blokker_for(user):
        deler[blokk.del_].append(blokk)
    deler[VENTER].sort(key=lambda b: (b.telling == 0, b.rekkefolge))
    return deler


def venter_pa(user) -> list[Oppgave]:
    """Everything waiting for the person (the weekly digest lists these)."""
    return [o for blokk in deler_for(user)[VENTER] for o in blokk.oppgaver]


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
            del_=FOLGER,
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
