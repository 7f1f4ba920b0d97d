from portefolje.models import Varsel


def portal(request):
    """The bell's unread count, for the header on every page (one indexed COUNT)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"uleste_varsler": lambda: Varsel.objects.filter(mottaker=user).uleste().count()}
