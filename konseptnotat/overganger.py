"""The declared moves of a concept note's status (Begrunne). The only place that says which exist.

The authors submit a draft or a note sent back. The development team marks a submitted note
ready (choosing its portfolio) or sends it back. In the portfolio's meeting the chair decides it,
sends it back or lifts it to KLG (Velge calls the services; it has checked the chair).
"""

from konseptnotat.models import Konseptnotat, Status
from portefolje.overganger import Overgang, registrer
from portefolje.permissions import er_utvikler


def _forfatter(notat, bruker) -> bool:
    from konseptnotat.permissions import er_forfatter

    return er_forfatter(bruker, notat)


def _utvikler(notat, bruker) -> bool:
    return er_utvikler(bruker)


def _velge(notat, bruker) -> bool:
    # Moves made by a portfolio's decision: Velge has checked the chair (`kan_beslutte`) and
    # the agenda before it calls, so the table only says from where the move exists.
    return True


STATUS = registrer(
    Konseptnotat,
    "status",
    [
        Overgang([Status.UTKAST, Status.TIL_REVISJON], Status.INNSENDT, _forfatter),
        Overgang([Status.INNSENDT, Status.KLAR], Status.KLAR, _utvikler),
        # Sent back again (more guidance) before the authors have resubmitted.
        Overgang(
            [Status.INNSENDT, Status.KLAR, Status.TIL_REVISJON], Status.TIL_REVISJON, _utvikler
        ),
        Overgang([Status.KLAR], Status.TIL_REVISJON, _velge),
        Overgang([Status.KLAR], Status.KLAR, _velge),
        Overgang([Status.KLAR], Status.BEHANDLET, _velge),
    ],
)
