"""The audit trail: one explicit call per change, from the service that makes it.

Logins, logouts and failed logins are the exception: they happen inside Django's own views, so
they are recorded from Django's auth signals (connected in `PortefoljeConfig.ready()`).
"""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _

from portefolje.klient import klientadresse
from portefolje.models import Hendelse

INNLOGGET = "innlogget"
UTLOGGET = "utlogget"
INNLOGGING_FEILET = "innlogging_feilet"


def logg_hendelse(*, aktor, objekt, handling: str, beskrivelse: str, data: dict | None = None):
    """Record that `aktor` (a user, or None for the public and the system) did `handling`."""
    return Hendelse.objects.create(
        aktor=aktor if getattr(aktor, "is_authenticated", False) else None,
        objekt_type=objekt._meta.label_lower,
        objekt_id=objekt.pk,
        handling=handling,
        beskrivelse=beskrivelse,
        data=data or {},
    )


def _ip(request) -> str | None:
    return klientadresse(request) if request is not None else None


def logg_innlogging(sender, request, user, **kwargs):
    """Receiver for `user_logged_in`: who logged in, and from which address."""
    logg_hendelse(
        aktor=user,
        objekt=user,
        handling=INNLOGGET,
        beskrivelse=_("%(bruker)s logged in") % {"bruker": user.get_username()},
        data={"ip": _ip(request)},
    )


def logg_utlogging(sender, request, user, **kwargs):
    """Receiver for `user_logged_out` (user is None when nobody was logged in)."""
    if user is None:
        return
    logg_hendelse(
        aktor=user,
        objekt=user,
        handling=UTLOGGET,
        beskrivelse=_("%(bruker)s logged out") % {"bruker": user.get_username()},
        data={"ip": _ip(request)},
    )


def logg_mislykket_innlogging(sender, credentials, request=None, **kwargs):
    """Receiver for `user_login_failed`: keeps the username tried and the address, never the
    password (nor any other credential)."""
    User = get_user_model()
    brukernavn = str(credentials.get(User.USERNAME_FIELD) or credentials.get("username") or "")
    # Whatever was typed is kept as text PostgreSQL can store: no NUL characters, not too long.
    brukernavn = brukernavn.replace("\x00", "")[:150]
    bruker = User.objects.filter(**{User.USERNAME_FIELD: brukernavn}).first()
    Hendelse.objects.create(
        aktor=None,
        objekt_type=User._meta.label_lower,
        # 0 when the username does not exist: the attempt is still recorded.
        objekt_id=bruker.pk if bruker else 0,
        handling=INNLOGGING_FEILET,
        beskrivelse=f"Mislykket innlogging som «{brukernavn}»",
        data={"brukernavn": brukernavn, "ip": _ip(request)},
    )
