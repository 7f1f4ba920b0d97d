from django.shortcuts import get_object_or_404, render

from portefolje.models import Portefolje


def oversikt_view(request):
    portefoljer = Portefolje.objects.aktive().select_related("seksjon", "forelder")
    return render(request, "portefolje/oversikt.html", {"portefoljer": portefoljer})


def detalj_view(request, slug):
    portefolje = get_object_or_404(
        Portefolje.objects.prefetch_related("medlemskap__bruker"), slug=slug
    )
    return render(request, "portefolje/detalj.html", {"portefolje": portefolje})
