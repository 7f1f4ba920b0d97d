"""Who may do what with reports. Small predicates used by views, templates and tests alike."""

from portefolje.permissions import er_medlem, er_utvikler


def kan_bestille_portefoljerapport(user, portefolje) -> bool:
    """Order and download a portfolio's reports: its leader group (chair, members, secretary),
    the leader group of the portfolio above it (KLG reads every section's projects), and the
    development team."""
    if not user.is_authenticated:
        return False
    # The portfolio's own roles first: its page has them loaded already.
    if user.is_superuser or er_medlem(user, portefolje) or er_utvikler(user):
        return True
    return portefolje.forelder_id is not None and er_medlem(user, portefolje.forelder)
