from django.core.paginator import Paginator
from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import render
from django.views.decorators.http import require_safe

from konseptnotat.forms import KonseptnotatFilter
from konseptnotat.models import Kommentar, Konseptnotat
from portefolje.spor import side_fra_get


@require_safe
def liste_view(request):
    """Concept notes the user may see, filterable by status, portfolio, section and owner."""
    # Open comments counted per row in a subquery, not by GROUP BY over every note: then the
    # page's 25 come straight from the index on (endret, id) and only they are counted.
    apne = (
        Kommentar.objects.filter(notat=OuterRef("pk"), lost__isnull=True)
        .order_by()
        .values("notat")
        .annotate(antall=Count("pk"))
        .values("antall")
    )
    notater = (
        Konseptnotat.objects.synlige_for(request.user)
        .select_related("eier", "seksjon", "portefolje", "veileder")
        .annotate(apne_kommentarer=Coalesce(Subquery(apne, output_field=IntegerField()), 0))
        .order_by("-endret", "-id")
    )
    filter_ = KonseptnotatFilter(request.GET, queryset=notater, request=request)
    side = Paginator(filter_.qs, 25).get_page(side_fra_get(request))
    return render(request, "konseptnotat/liste.html", {"filter": filter_, "side": side})
