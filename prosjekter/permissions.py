"""Who may do what with projects. Small predicates used by views, templates and tests alike.

- the project manager and the project owner edit their project (and the portfolio's chair, who
  must be able to name them);
- members of the project's portfolio, and of the portfolio above it, read all its projects;
- every employee reads the overview;
- only the portfolio's chair makes steering decisions and decides start months.
"""

from portefolje.permissions import er_leder, er_medlem


def kan_redigere(user, prosjekt) -> bool:
    """Write status reports, deliverables, benefits, allocations and risks."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    if user.pk in (prosjekt.prosjektleder_id, prosjekt.prosjekteier_id):
        return True
    return er_leder(user, prosjekt.portefolje)


def kan_lese(user, prosjekt) -> bool:
    """Read the project's page with all its parts."""
    if not user.is_authenticated:
        return False
    if kan_redigere(user, prosjekt) or user.pk == prosjekt.gevinstansvarlig_id:
        return True
    portefolje = prosjekt.portefolje
    if er_medlem(user, portefolje):
        return True
    return portefolje.forelder_id is not None and er_medlem(user, portefolje.forelder)


def kan_styre(user, prosjekt) -> bool:
    """Steering decisions: continue, put on hold, stop, change phase, close."""
    return user.is_authenticated and er_leder(user, prosjekt.portefolje)


def kan_se_startplan(user, portefolje) -> bool:
    """Members of the portfolio's leader group, and of the portfolio above it."""
    if not user.is_authenticated:
        return False
    if user.is_superuser or er_medlem(user, portefolje):
        return True
    return portefolje.forelder_id is not None and er_medlem(user, portefolje.forelder)


def kan_bestemme_start(user, portefolje) -> bool:
    return user.is_authenticated and er_leder(user, portefolje)


def kan_merke_offentlighet(user, prosjekt) -> bool:
    """Only the portfolio's chair exempts a project from public access (or lifts it)."""
    return user.is_authenticated and er_leder(user, prosjekt.portefolje)
