from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import render
from django.views.decorators.http import require_safe

from konseptnotat.forms import KonseptnotatFilter
from konseptnotat.models import Konseptnotat
from portefolje.spor import side_fra_get


@require_safe
def liste_view(request):
    """Concept notes the user may see, filterable by status, portfolio, section and owner."""
    notater = (
        Konseptnotat.objects.synlige_for(request.user)
        .select_related("eier", "seksjon", "portefolje", "veileder")
        .annotate(apne_kommentarer=Count("kommentarer", filter=Q(kommentarer__lost__isnull=True)))
        .order_by("-endret", "-id")
    )
    filter_ = KonseptnotatFilter(request.GET, queryset=notater, request=request)
    side = Paginator(filter_.qs, 25).get_page(side_fra_get(request))
    return render(request, "konseptnotat/liste.html", {"filter": filter_, "side": side})
