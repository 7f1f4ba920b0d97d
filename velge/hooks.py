"""What happens downstream when a portfolio approves a note.

Velge must not import Styre (`prosjekter`), yet approving a note as a project must create the
project in the same transaction. Styre registers its service here in its AppConfig.ready(), and
the Velge decision service calls every registered handler explicitly, inside its transaction, so
a failure rolls the decision back too. (Not Django signals: the call is visible where it happens.)
"""

from collections.abc import Callable

_ved_godkjenning: list[Callable] = []


def registrer_ved_godkjenning(handler: Callable) -> Callable:
    """Register `handler(*, beslutning)`, called when a note is approved as a project."""
    if handler not in _ved_godkjenning:
        _ved_godkjenning.append(handler)
    return handler


def kjor_ved_godkjenning(*, beslutning) -> list:
    """Run the registered handlers; returns what they returned (e.g. the new project)."""
    return [handler(beslutning=beslutning) for handler in _ved_godkjenning]


_lenker: list[Callable] = []


def registrer_lenker(handler: Callable) -> Callable:
    """Register `handler(*, beslutninger, bruker) -> {beslutning id: (url, text)}`: for the
    approved decisions among them, a link to what they became (Styre: the project) when `bruker`
    may open it. A fixed number of queries however many decisions."""
    if handler not in _lenker:
        _lenker.append(handler)
    return handler


def lenker_for(*, beslutninger, bruker) -> dict[int, tuple[str, str]]:
    lenker: dict[int, tuple[str, str]] = {}
    if beslutninger:
        for handler in _lenker:
            lenker.update(handler(beslutninger=beslutninger, bruker=bruker))
    return lenker
