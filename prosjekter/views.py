from django.shortcuts import render

from prosjekter.models import Prosjekt


def liste_view(request):
    prosjekter = Prosjekt.objects.select_related("portefolje", "prosjektleder")[:50]
    return render(request, "prosjekter/liste.html", {"prosjekter": prosjekter})
