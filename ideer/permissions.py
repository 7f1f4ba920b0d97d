"""Who may do what in Samle. Small predicates used by views, templates and tests."""

from portefolje.permissions import er_utvikler


def kan_se_innspill(user, innspill) -> bool:
    """Every employee sees every idea and order: the portfolio is open inside the organisation."""
    return user.is_authenticated


def kan_se_personopplysninger(user, innspill=None) -> bool:
    """Citizens' names and e-mail addresses are for the development team only."""
    return er_utvikler(user)


def kan_triagere(user, innspill=None) -> bool:
    """Change status, answer, reject, merge, assign and order concept notes."""
    return er_utvikler(user)


def kan_importere(user) -> bool:
    return er_utvikler(user)


def kan_laste_ned_vedlegg(user, innspill) -> bool:
    """Attachments may hold personal data: the development team and the submitter only."""
    if not user.is_authenticated:
        return False
    return er_utvikler(user) or (
        innspill.innsender_id is not None and innspill.innsender_id == user.pk
    )
