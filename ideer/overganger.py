"""The declared moves of an input's status (Samle). The only place that says which exist.

Rejected and merged inputs are final. An answered input can be taken up again. Once a concept
note is ordered, the input waits for the note: it can be answered, parked, rejected or merged,
or the note re-ordered from someone else, but not put back to «New» or «Under consideration».
"""

from ideer.models import Innspill, Status
from ideer.permissions import kan_triagere
from portefolje.overganger import Overgang, registrer


def _triage(innspill, bruker) -> bool:
    return kan_triagere(bruker, innspill)


def _triage_ikke_palagt(innspill, bruker) -> bool:
    # Orders imposed by law or political decision are rejected only by KLG (in Velge), and
    # others are merged into them, never them into others.
    return kan_triagere(bruker, innspill) and not innspill.palagt


APNE = [Status.NY, Status.UNDER_VURDERING, Status.PARKERT]

STATUS = registrer(
    Innspill,
    "status",
    [
        Overgang([Status.NY, Status.PARKERT, Status.BESVART], Status.UNDER_VURDERING, _triage),
        Overgang([*APNE, Status.KONSEPTNOTAT_BESTILT], Status.PARKERT, _triage),
        Overgang([*APNE, Status.KONSEPTNOTAT_BESTILT, Status.BESVART], Status.BESVART, _triage),
        Overgang([*APNE, Status.KONSEPTNOTAT_BESTILT], Status.KONSEPTNOTAT_BESTILT, _triage),
        Overgang([*APNE, Status.KONSEPTNOTAT_BESTILT], Status.AVVIST, _triage_ikke_palagt),
        Overgang(
            [*APNE, Status.KONSEPTNOTAT_BESTILT, Status.BESVART],
            Status.SLATT_SAMMEN,
            _triage_ikke_palagt,
        ),
    ],
)

# The statuses the plain status form sets; the others have their own action on the page.
STATUSSKJEMA = [Status.UNDER_VURDERING, Status.BESVART, Status.PARKERT]
