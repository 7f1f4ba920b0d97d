"""Every API error as JSON with a Norwegian `detail`, and the right status code.

DRF's own messages are English (and its Norwegian catalogue has no nynorsk); the portal answers
in the reader's language like its pages do, so each kind of error gets its text here.
"""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.views import exception_handler


def _tekst(exc) -> str:
    match exc:
        case exceptions.NotAuthenticated():
            return _(
                "Authentication required: send the header «Authorization: Token <key>» "
                "(make a key on «My profile») or sign in."
            )
        case exceptions.AuthenticationFailed():
            return str(exc.detail)
        case exceptions.PermissionDenied():
            standard = exceptions.PermissionDenied.default_detail
            return str(exc.detail) if exc.detail != standard else _("You do not have access.")
        case exceptions.NotFound():
            standard = exceptions.NotFound.default_detail
            return str(exc.detail) if exc.detail != standard else _("Not found.")
        case exceptions.MethodNotAllowed():
            return _("The API is read-only: only GET, HEAD and OPTIONS are allowed.")
        case exceptions.NotAcceptable():
            return _("The API answers in JSON (or CSV with ?format=csv).")
        case exceptions.UnsupportedMediaType():
            return _("The API is read-only and takes no request body.")
        case exceptions.Throttled():
            return _("Too many requests. Try again in %(sekunder)d seconds.") % {
                "sekunder": int(exc.wait or 1)
            }
        case exceptions.ValidationError():
            return _("Invalid query. See «feil» for each parameter.")
        case exceptions.ParseError():
            return _("The request could not be read.")
    return _("The request could not be handled.")


def feilsvar(exc, context):
    """DRF's EXCEPTION_HANDLER: the status code DRF would give, with our `detail`."""
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied()
    svar = exception_handler(exc, context)
    if svar is None:
        return None
    data = {"detail": _tekst(exc)}
    if isinstance(exc, exceptions.ValidationError):
        detaljer = exc.detail
        data["feil"] = detaljer if isinstance(detaljer, dict) else {"_": detaljer}
    svar.data = data
    return svar
