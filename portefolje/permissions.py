"""Who may do what in the portfolio core. Small predicates used by views, templates and tests."""

from portefolje.models import Medlemskap, Rolle
from portefolje.models.organisasjon import UTVIKLINGSTEAM_GRUPPE


def _roller(user, portefolje) -> set[str]:
    if not user.is_authenticated:
        return set()
    # Cached per request on the user object: a page asks several questions about one portfolio.
    cache = user.__dict__.setdefault("_portefolje_roller", {})
    if portefolje.pk not in cache:
        cache[portefolje.pk] = set(
            Medlemskap.objects.filter(portefolje=portefolje, bruker=user).values_list(
                "rolle", flat=True
            )
        )
    return cache[portefolje.pk]


def er_utvikler(user) -> bool:
    """A member of the development team (utviklingsteam), who triages and guides."""
    if not user.is_authenticated:
        return False
    if "_er_utvikler" not in user.__dict__:
        user.__dict__["_er_utvikler"] = user.groups.filter(name=UTVIKLINGSTEAM_GRUPPE).exists()
    return user.__dict__["_er_utvikler"]


def er_medlem(user, portefolje) -> bool:
    """Any role in the portfolio's leader group: chair, member or secretary."""
    return bool(_roller(user, portefolje))


def er_leder(user, portefolje) -> bool:
    """The chair (porteføljeansvarlig), who decides."""
    return Rolle.LEDER in _roller(user, portefolje)


def er_sekretaer(user, portefolje) -> bool:
    return Rolle.SEKRETAER in _roller(user, portefolje)


def kan_vurdere(user, portefolje) -> bool:
    """Chair and members score; the secretary keeps the agenda but does not score."""
    return bool(_roller(user, portefolje) & {Rolle.LEDER, Rolle.MEDLEM})


def kan_redigere_agenda(user, portefolje) -> bool:
    return bool(_roller(user, portefolje) & {Rolle.LEDER, Rolle.SEKRETAER}) or er_utvikler(user)


def kan_ta_ut_alle_data(user) -> bool:
    """Only a superuser downloads the full export: it holds every phase's records and people."""
    return user.is_authenticated and user.is_active and user.is_superuser


def kan_se_arkiv(user, portefolje) -> bool:
    """The chair and the secretary follow what the portfolio files to the archive, and send a
    failed item again."""
    return er_leder(user, portefolje) or er_sekretaer(user, portefolje)


def kan_lese_visning(user, visning) -> bool:
    """A saved view: its owner, and the leader group of the portfolio it is shared with."""
    if not user.is_authenticated:
        return False
    if visning.eier_id == user.pk:
        return True
    return visning.portefolje_id is not None and er_medlem(user, visning.portefolje)


def kan_endre_visning(user, visning) -> bool:
    """Only the owner renames, shares or deletes a saved view."""
    return user.is_authenticated and visning.eier_id == user.pk


def kan_dele_visning_med(user, portefolje) -> bool:
    """A view is shared with a portfolio whose leader group the person sits in."""
    return er_medlem(user, portefolje)


def kan_sette_standardvisning(user, portefolje) -> bool:
    """The portfolio's default view is chosen by who leads the portfolio (or an administrator)."""
    if not user.is_authenticated:
        return False
    return user.is_superuser or er_leder(user, portefolje)
