"""Who may do what with projects. Small predicates used by views, templates and tests alike.

- the project manager and the project owner edit their project (and the portfolio's chair, who
  must be able to name them);
- every employee reads every project that is not exempt from public access, and every
  programme (`alle_ansatte_leser`; a municipality may narrow it with PROSJEKTER_LESES_AV);
  drafts stay with those who edit the project;
- members of the project's portfolio, and of the portfolio above it, read all its projects,
  exempt ones too;
- only the portfolio's chair makes steering decisions and decides start months.
"""

from django.conf import settings

from portefolje.permissions import er_leder, er_medlem


def alle_ansatte_leser() -> bool:
    """Every employee reads the portfolio's projects and programmes (the default), or only the
    project's people and its portfolio's leader group (PROSJEKTER_LESES_AV=portefoljen)."""
    return settings.PROSJEKTER_LESES_AV == "alle_ansatte"


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
    """Read the project's page with all its parts (its drafts: `kan_redigere`)."""
    if not user.is_authenticated:
        return False
    if alle_ansatte_leser() and not prosjekt.unntatt_offentlighet:
        return True
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


# --- programmes and dependencies --------------------------------------------------------------


def kan_opprette_program(user) -> bool:
    """The chair of some portfolio, or the development team, may create a programme."""
    if not user.is_authenticated:
        return False
    from portefolje.models import Medlemskap, Rolle
    from portefolje.permissions import er_utvikler

    if user.is_superuser or er_utvikler(user):
        return True
    return Medlemskap.objects.filter(bruker=user, rolle=Rolle.LEDER).exists()


def kan_endre_program(user, program) -> bool:
    """Change a programme and which projects it holds: the chair of its portfolio and the
    development team. The programme's owner reads and answers for it, but the portfolio
    decides what it contains."""
    if not user.is_authenticated:
        return False
    from portefolje.permissions import er_utvikler

    return user.is_superuser or er_utvikler(user) or er_leder(user, program.portefolje)


def kan_lese_program(user, program) -> bool:
    """Every employee (`alle_ansatte_leser`); otherwise the owner, the portfolio's leader group
    (and the group above) and the development team. The page lists only the projects the
    reader may read."""
    if not user.is_authenticated:
        return False
    if alle_ansatte_leser():
        return True
    if kan_endre_program(user, program) or user.pk == program.eier_id:
        return True
    portefolje = program.portefolje
    if er_medlem(user, portefolje):
        return True
    return portefolje.forelder_id is not None and er_medlem(user, portefolje.forelder)


def kan_registrere_avhengighet(user, prosjekt) -> bool:
    """A dependency is the depending project's: those who edit it declare what it needs."""
    return kan_redigere(user, prosjekt)


# --- import from Microsoft Project and Prosjektportalen ----------------------------------------


def kan_importere(user) -> bool:
    """The development team and administrators bring projects in from other tools."""
    from portefolje.permissions import er_utvikler

    return user.is_authenticated and (user.is_superuser or er_utvikler(user))
