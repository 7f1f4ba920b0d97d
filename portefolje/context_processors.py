from django.conf import settings

from portefolje import driftsstatus
from portefolje.models import Varsel


def portal(request):
    """What the layout needs on every page: SSO on or off, the bell's unread count, and whether
    the broker or the cache is down (the «degradert» notice; lazy, and known per process)."""
    kontekst = {"oidc_enabled": settings.OIDC_ENABLED, "degradert": driftsstatus.nede}
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        # Lazy, so pages that never render the header pay nothing; one indexed COUNT otherwise.
        kontekst["uleste_varsler"] = lambda: Varsel.objects.filter(mottaker=user).uleste().count()
    return kontekst
