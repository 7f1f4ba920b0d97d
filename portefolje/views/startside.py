from django.shortcuts import render

from portefolje import startside


def startside_view(request):
    """The start page: what waits for me, what I follow, the portfolio at a glance."""
    deler = startside.deler_for(request.user)
    return render(
        request,
        "portefolje/startside.html",
        {
            "venter": deler[startside.VENTER],
            "folger": deler[startside.FOLGER],
            "blikk": deler[startside.BLIKK],
            "hovedhandling": startside.hovedhandling_for(request.user),
        },
    )
