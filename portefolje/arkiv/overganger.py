"""The declared moves of an archive item's status. The only place that says which exist.

The task sends a waiting item, or records that it failed; it tries a failed one again (the
backoff) until the last attempt. The sweep queues a waiting item again, and marks a sent one
received when the archive has taken it. The chair or the secretary sends a failed item again
(the archive page's «Try again»).
"""

from portefolje.models import Arkivforsendelse, Arkivstatus
from portefolje.overganger import Overgang, registrer
from portefolje.permissions import kan_se_arkiv


def _systemet(forsendelse, bruker) -> bool:
    # The task and the sweep act for nobody; a person's request never makes these moves.
    return bruker is None


def _sekretariatet(forsendelse, bruker) -> bool:
    return bruker is not None and kan_se_arkiv(bruker, forsendelse.portefolje)


VENTER, SENDT, KVITTERT, FEILET = (
    Arkivstatus.VENTER,
    Arkivstatus.SENDT,
    Arkivstatus.KVITTERT,
    Arkivstatus.FEILET,
)

STATUS = registrer(
    Arkivforsendelse,
    "status",
    [
        Overgang([VENTER, FEILET], SENDT, _systemet),
        Overgang([VENTER, FEILET], FEILET, _systemet),
        Overgang([VENTER], VENTER, _systemet),
        Overgang([SENDT], KVITTERT, _systemet),
        Overgang([FEILET], VENTER, _sekretariatet),
    ],
)
