"""The declared moves of a portfolio report's status. The only place that says which exist.

A worker takes a waiting report and makes it, or records that it failed. The sweep
(`rapporter.services.portefoljerapporter_feie`) queues again a report no worker finished, or
gives up on it after the last attempt. A person who may order the portfolio's reports asks for a
failed one again (the page's button).
"""

from portefolje.overganger import Overgang, registrer
from rapporter.models import Portefoljerapport, Rapportstatus
from rapporter.permissions import kan_bestille_portefoljerapport


def _systemet(rapport, bruker) -> bool:
    # The worker and the sweep act for nobody; a person's request never makes these moves.
    return bruker is None


def _bestiller(rapport, bruker) -> bool:
    return bruker is not None and kan_bestille_portefoljerapport(bruker, rapport.portefolje)


VENTER, LAGES, FERDIG, FEILET = (
    Rapportstatus.VENTER,
    Rapportstatus.LAGES,
    Rapportstatus.FERDIG,
    Rapportstatus.FEILET,
)

STATUS = registrer(
    Portefoljerapport,
    "status",
    [
        # The worker (the task): takes the order, and finishes it or records the failure.
        Overgang([VENTER], LAGES, _systemet),
        Overgang([LAGES], FERDIG, _systemet),
        Overgang([LAGES], FEILET, _systemet),
        # The sweep: the broker lost the order or the worker died; queued again, or given up.
        Overgang([VENTER, LAGES], VENTER, _systemet),
        Overgang([VENTER, LAGES], FEILET, _systemet),
        # The page's «Try again».
        Overgang([FEILET], VENTER, _bestiller),
    ],
)
