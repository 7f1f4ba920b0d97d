from django.shortcuts import render

from portefolje import startside


def startside_view(request):
    """The start page: what needs me, my own things, the portfolio at a glance."""
    return render(
        request,
        "portefolje/startside.html",
        {
            "blokker": startside.blokker_for(request.user),
            "hovedhandling": startside.hovedhandling_for(request.user),
        },
    )
