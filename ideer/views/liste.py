"""The list of ideas and orders (with search and export), and «Mine innspill»."""

from django.core.paginator import Paginator
from django.shortcuts import render

from ideer.eksport import eksporter
from ideer.filters import InnspillFilter
from ideer.models import Innspill
from ideer.permissions import kan_importere, kan_se_personopplysninger
from portefolje.spor import side_fra_get

PER_SIDE = 25


def _liste_qs(user):
    return (
        Innspill.objects.synlige_for(user)
        .select_related("portefolje", "innsender")
        .prefetch_related("seksjoner")
        .defer("sokevektor")
    )


def liste_view(request):
    """All ideas and orders: filters, ranked ?q= search, sorting, pages, CSV/XLSX export."""
    sok = request.GET.get("q", "").replace("\x00", "").strip()[:200]
    qs = _liste_qs(request.user).sok(sok)
    filter_ = InnspillFilter(request.GET, queryset=qs)
    resultat = filter_.qs
    if not request.GET.get("sorter"):
        resultat = resultat.order_by(*(["-rangering"] if sok else []), "-opprettet", "-id")

    eksport = request.GET.get("eksport")
    if eksport in ("csv", "xlsx"):
        return eksporter(
            resultat,
            som=eksport,
            med_personopplysninger=kan_se_personopplysninger(request.user),
        )

    side = Paginator(resultat, PER_SIDE).get_page(side_fra_get(request))
    return render(
        request,
        "ideer/liste.html",
        {
            "filter": filter_,
            "q": sok,
            "side": side,
            "kan_importere": kan_importere(request.user),
        },
    )


def mine_view(request):
    """«Mine innspill»: what the logged-in person has sent, and where it stands."""
    qs = _liste_qs(request.user).mine(request.user).order_by("-opprettet", "-id")
    side = Paginator(qs, PER_SIDE).get_page(side_fra_get(request))
    return render(request, "ideer/mine.html", {"side": side})
