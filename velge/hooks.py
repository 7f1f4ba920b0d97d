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
