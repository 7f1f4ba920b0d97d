"""Every saved version of a note, and the difference between two of them."""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from konseptnotat import selectors
from konseptnotat.diff import seksjonsdiff
from konseptnotat.forms import VersjonValgForm
from konseptnotat.views.felles import hent_notat


@require_safe
def historikk_view(request, pk):
    notat = hent_notat(request, pk)
    versjoner = selectors.versjoner(notat)
    return render(request, "konseptnotat/historikk.html", {"notat": notat, "versjoner": versjoner})


@require_safe
def diff_view(request, pk):
    """`?fra=<n>&til=<m>`; without them, the latest version against the one before it."""
    notat = hent_notat(request, pk)
    versjoner = {v.nummer: v for v in selectors.versjoner(notat)}
    numre = sorted(versjoner)
    standard = {"til": numre[-1] if numre else 1, "fra": numre[-2] if len(numre) > 1 else 1}
    form = VersjonValgForm(request.GET if "fra" in request.GET else standard)
    fra = til = None
    feil = None
    if form.is_valid():
        fra = versjoner.get(form.cleaned_data["fra"])
        til = versjoner.get(form.cleaned_data["til"])
        if fra is None or til is None:
            feil = True
    return render(
        request,
        "konseptnotat/diff.html",
        {
            "notat": notat,
            "form": form,
            "numre": numre,
            "fra": fra,
            "til": til,
            "ukjent_versjon": feil,
            "seksjoner": seksjonsdiff(fra.innhold, til.innhold) if fra and til else [],
        },
        status=200,
    )
