"""Who may do what in Velge. Builds on the core's role predicates (portefolje/permissions.py)."""

from portefolje.permissions import (
    er_leder,
    er_medlem,
    er_sekretaer,
    er_utvikler,
    kan_redigere_agenda,
    kan_vurdere,
)
from velge.selectors.habilitet import er_inhabil, moteleder_for

__all__ = [
    "er_leder",
    "er_medlem",
    "er_utvikler",
    "kan_avslore",
    "kan_beslutte",
    "kan_beslutte_om",
    "kan_vurdere_notat",
    "kan_merke_offentlighet",
    "kan_lagre_scenario",
    "kan_se_scenarioer",
    "kan_sette_rammer",
    "kan_redigere_agenda",
    "kan_redigere_arshjul",
    "kan_redigere_kriterier",
    "kan_vurdere",
]


def kan_redigere_kriterier(user, portefolje) -> bool:
    """Only the chair keeps the portfolio's criteria and weights."""
    return er_leder(user, portefolje)


def kan_beslutte(user, portefolje) -> bool:
    """Only the chair (porteføljeansvarlig) decides."""
    return er_leder(user, portefolje)


def kan_beslutte_om(user, portefolje, notat, *, inhabile=None) -> bool:
    """Who decides on one note (forvaltningsloven § 6): the chair, unless disqualified on it;
    then the deputy the portfolio has named (velge.selectors.moteleder_for). `inhabile`: the
    note's disqualified members, when the caller has them already."""
    if not getattr(user, "is_authenticated", False):
        return False
    leder = moteleder_for(portefolje=portefolje, notat=notat, inhabile=inhabile)
    if leder is None:
        return er_leder(user, portefolje)
    return bool(leder) and leder.pk == user.pk


def kan_vurdere_notat(user, portefolje, notat) -> bool:
    """A member who scores may score a note, unless disqualified on it."""
    return kan_vurdere(user, portefolje) and not er_inhabil(bruker=user, notat=notat)


def kan_avslore(user, portefolje) -> bool:
    """Only the chair reveals everyone's scores before they have all scored."""
    return er_leder(user, portefolje)


def kan_merke_offentlighet(user, portefolje) -> bool:
    """Only the chair exempts a decision from public access (or makes it public again)."""
    return er_leder(user, portefolje)


def kan_redigere_arshjul(user, portefolje) -> bool:
    """The chair and the secretary keep the portfolio's yearly cycle (årshjulet)."""
    return er_leder(user, portefolje) or er_sekretaer(user, portefolje)


def kan_sette_rammer(user, portefolje) -> bool:
    """Only the chair sets the portfolio's frames (budget and capacity per year)."""
    return er_leder(user, portefolje)


def kan_se_scenarioer(user, portefolje) -> bool:
    """Scenarios and the optimiser are the leader group's planning: its members (any role)."""
    return er_medlem(user, portefolje)


def kan_lagre_scenario(user, portefolje) -> bool:
    """The chair and the secretary save scenarios."""
    return er_leder(user, portefolje) or er_sekretaer(user, portefolje)
