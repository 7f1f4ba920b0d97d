from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.http import require_safe

from konseptnotat.forms import KonseptnotatFilter
from konseptnotat.selectors import notatliste
from portefolje.spor import side_fra_get


@require_safe
def liste_view(request):
    """Concept notes the user may see, filterable by status, portfolio, section and owner."""
    filter_ = KonseptnotatFilter(request.GET, queryset=notatliste(request.user), request=request)
    side = Paginator(filter_.qs, 25).get_page(side_fra_get(request))
    return render(request, "konseptnotat/liste.html", {"filter": filter_, "side": side})
