from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from portefolje.models import Varsel


def varsler_view(request):
    """The user's own notifications, newest first."""
    side = Paginator(Varsel.objects.filter(mottaker=request.user), 25).get_page(
        request.GET.get("side")
    )
    return render(request, "portefolje/varsler.html", {"side": side})


@require_POST
def varsel_les_view(request, pk):
    """Mark one of the user's own notifications read and follow its link."""
    varsel = get_object_or_404(Varsel, pk=pk, mottaker=request.user)
    if varsel.lest is None:
        varsel.lest = timezone.now()
        varsel.save(update_fields=["lest"])
    if varsel.lenke and url_has_allowed_host_and_scheme(varsel.lenke, allowed_hosts=None):
        return redirect(varsel.lenke)
    return redirect("varsler")


@require_POST
def varsler_les_alle_view(request):
    Varsel.objects.filter(mottaker=request.user).uleste().update(lest=timezone.now())
    return redirect("varsler")
