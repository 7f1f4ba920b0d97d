"""What an input became, for its public receipt.

Samle must not import the phases or the public pages after it, yet the receipt should lead a
citizen on from «my idea» to the decision and the project it became. The public results app
(`offentlig`) registers a handler here in its AppConfig.ready(), and the receipt view calls
every registered handler explicitly. (Not Django signals: the call is visible where it happens.)
"""

from collections.abc import Callable

_resultater: list[Callable] = []


def registrer_resultater(handler: Callable) -> Callable:
    """Register `handler(*, innspill) -> list[(url, text)]`: public pages about what `innspill`
    became (a decision, a project), each only if it is public. A fixed number of queries."""
    if handler not in _resultater:
        _resultater.append(handler)
    return handler


def resultater_for(*, innspill) -> list[tuple[str, str]]:
    """The links every registered handler gives for `innspill`, in registration order."""
    lenker: list[tuple[str, str]] = []
    for handler in _resultater:
        lenker.extend(handler(innspill=innspill))
    return lenker
