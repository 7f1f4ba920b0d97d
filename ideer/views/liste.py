"""The list of ideas and orders (with search and export), and «Mine innspill»."""

from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from ideer.filters import InnspillFilter
from ideer.kolonner import INNSPILLSLISTE
from ideer.models import Innspill
from ideer.permissions import kan_importere
from portefolje import tabellvisning
from portefolje.eksport import filnavn, tabell_svar
from portefolje.spor import side_fra_get
from portefolje.visninger import sidekontekst

PER_SIDE = 25


def _liste_qs(user):
    return (
        Innspill.objects.synlige_for(user)
        .select_related("portefolje", "innsender", "initiativtaker")
        .prefetch_related("seksjoner")
        .defer("sokevektor")
    )


# Always fetched: the title names an input wherever it is shown (its str), and the status is
# what the sorting may ask for.
FASTE_FELT = ("tittel", "status", "opprettet")


def _listens_qs(user, oppsett):
    """The list's one query, fetching only what the chosen columns and grouping read (a person
    or portfolio by join, fetched whole); the sections are always prefetched, so every choice
    of columns costs the same queries. A search ranks the matches on these narrow rows."""
    felt = oppsett.felt
    relasjoner = {f.partition("__")[0] for f in felt if "__" in f}
    egne = {f for f in felt if "__" not in f}
    qs = (
        Innspill.objects.synlige_for(user)
        .only(*FASTE_FELT, *egne, *relasjoner)
        .prefetch_related("seksjoner")
    )
    return qs.select_related(*relasjoner) if relasjoner else qs


def liste_view(request):
    """All ideas and orders as the reader shapes them (kolonner.py): filters, ranked ?q=
    search, sorting, grouping, chosen columns, saved views, and a CSV/XLSX export of the view."""
    oppsett = tabellvisning.oppsett(request, INNSPILLSLISTE)
    if oppsett.videre:
        return redirect(oppsett.videre)
    sok = oppsett.parametre.get("q", "").replace("\x00", "").strip()[:200]
    qs = _listens_qs(request.user, oppsett).sok(sok)
    filter_ = InnspillFilter(oppsett.parametre, queryset=qs)
    resultat = filter_.qs
    if not oppsett.parametre.get("sorter"):
        resultat = resultat.order_by(*(["-rangering"] if sok else []), "-opprettet", "-id")
    resultat = tabellvisning.gruppert(resultat, oppsett)

    eksport = request.GET.get("eksport")
    if eksport in ("csv", "xlsx"):
        # In chunks with the sections prefetched: a constant number of queries per 2000 rows.
        return tabell_svar(
            resultat.iterator(chunk_size=2000),
            kolonner=tabellvisning.eksportkolonner(oppsett),
            som=eksport,
            arktittel=oppsett.visning.navn if oppsett.visning else _("Inputs"),
            navn=filnavn("innspill", timezone.localdate()),
        )

    side = Paginator(resultat, PER_SIDE).get_page(side_fra_get(request))
    sortert = (filter_.form.cleaned_data.get("sorter") or [""])[0]
    return render(
        request,
        "ideer/liste.html",
        {
            **sidekontekst(request, oppsett),
            "filter": filter_,
            "q": sok,
            "side": side,
            "rader": tabellvisning.rader(side, oppsett),
            "sortert": sortert,
            "tittel": oppsett.visning.navn if oppsett.visning else _("Ideas and orders"),
            "kan_importere": kan_importere(request.user),
        },
    )


def mine_view(request):
    """«Mine innspill»: what the logged-in person has sent, and where it stands."""
    qs = _liste_qs(request.user).mine(request.user).order_by("-opprettet", "-id")
    side = Paginator(qs, PER_SIDE).get_page(side_fra_get(request))
    return render(request, "ideer/mine.html", {"side": side})
