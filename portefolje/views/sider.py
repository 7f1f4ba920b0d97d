from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.shortcuts import render


@login_not_required
def tilgjengelighet_view(request):
    """The accessibility statement (tilgjengelighetserklæring) required of public bodies."""
    return render(request, "tilgjengelighet.html")


@login_not_required
def personvern_view(request):
    """How the portal handles personal data, in plain language."""
    return render(
        request,
        "personvern.html",
        {"oppbevaring_maaneder": settings.INNSPILL_OPPBEVARING_MAANEDER},
    )
