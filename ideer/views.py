from django.shortcuts import render

from ideer.models import Innspill


def liste_view(request):
    innspill = Innspill.objects.all()[:50]
    return render(request, "ideer/liste.html", {"innspill": innspill})
