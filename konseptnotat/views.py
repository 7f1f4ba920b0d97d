from django.shortcuts import render

from konseptnotat.models import Konseptnotat


def liste_view(request):
    notater = Konseptnotat.objects.select_related("eier")[:50]
    return render(request, "konseptnotat/liste.html", {"notater": notater})
