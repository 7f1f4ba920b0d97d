"""Who may do what with a concept note. Small predicates used by views, templates and tests.

- read: drafts only by the owner, co-authors and the development team; from submission on,
  every employee;
- edit and submit: the owner and co-authors, while the note is a draft or sent back;
- guide (comment): the authors, the note's guide and the development team;
- send back and mark ready: the development team, once the note is submitted.
"""

from konseptnotat.models import REDIGERBARE_STATUSER, SKJULTE_STATUSER, Status
from portefolje.overganger import tillatte
from portefolje.permissions import er_utvikler


def er_forfatter(user, notat) -> bool:
    """The owner or a co-author (co-authors are prefetched on list and detail pages)."""
    if not user.is_authenticated:
        return False
    if notat.eier_id == user.pk:
        return True
    return any(m.pk == user.pk for m in notat.medforfattere.all())


def er_eier(user, notat) -> bool:
    return user.is_authenticated and notat.eier_id == user.pk


def kan_se(user, notat) -> bool:
    if not user.is_authenticated:
        return False
    if notat.status not in SKJULTE_STATUSER:
        return True
    return er_forfatter(user, notat) or er_utvikler(user)


def kan_redigere(user, notat) -> bool:
    return notat.status in REDIGERBARE_STATUSER and er_forfatter(user, notat)


def kan_sende_inn(user, notat) -> bool:
    return Status.INNSENDT in tillatte(notat, user)


def kan_kommentere(user, notat) -> bool:
    if notat.status == Status.BEHANDLET or not kan_se(user, notat):
        return False
    return (
        er_forfatter(user, notat)
        or (notat.veileder_id is not None and notat.veileder_id == user.pk)
        or er_utvikler(user)
    )


def kan_lose_kommentar(user, kommentar) -> bool:
    """The authors, the comment's writer and the development team close a comment."""
    notat = kommentar.notat
    return kan_kommentere(user, notat) and (
        er_forfatter(user, notat) or kommentar.forfatter_id == user.pk or er_utvikler(user)
    )


def kan_sende_tilbake(user, notat) -> bool:
    """On the note's page: the development team (the chair sends back through a decision)."""
    # The page sends back what was submitted; a note already sent back waits for its authors.
    return (
        er_utvikler(user)
        and notat.status != Status.TIL_REVISJON
        and Status.TIL_REVISJON in tillatte(notat, user)
    )


def kan_merke_klar(user, notat) -> bool:
    return er_utvikler(user) and Status.KLAR in tillatte(notat, user)


def kan_bli_veileder(user, notat) -> bool:
    return notat.status != Status.BEHANDLET and er_utvikler(user) and notat.veileder_id != user.pk
