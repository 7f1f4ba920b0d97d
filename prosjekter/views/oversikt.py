"""Prosjektoversikt: the list people shape (kolonner.py: columns, groupings, built-in views),
saved views, and the XLSX export of exactly the view."""

from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.vary import vary_on_headers

from portefolje import tabellvisning
from portefolje.eksport import filnavn, tabell_svar
from portefolje.models import Portefolje
from portefolje.spor import side_fra_get
from portefolje.visninger import sidekontekst
from prosjekter import permissions, selectors
from prosjekter.filters import ProsjektFilter
from prosjekter.kolonner import PROSJEKTLISTE
from prosjekter.models import Prosjekt, Tilstand

PER_SIDE = 50


# Always fetched: number and title name a project wherever it is shown (its str), and the
# latest colour and publication are what the filter and the sorting may ask for.
FASTE_FELT = ("nummer", "tittel")
FASTE_SISTE = ("farge", "publisert")


def _prosjekter(request, oppsett):
    """The overview's one query, fetching only what the chosen columns and grouping read: the
    latest report's fields are one subquery each, and a person's or portfolio's a join."""
    felt = oppsett.felt
    siste = {f.removeprefix("siste_") for f in felt if f.startswith("siste_")}
    stier = {f.rpartition("__")[0] for f in felt if "__" in f}
    egne = {f for f in felt if "__" not in f and not f.startswith("siste_")}
    # A path's relation is fetched whole (a person's name needs more than the sorted field).
    qs = Prosjekt.objects.only(*FASTE_FELT, *egne, *_ledd(stier))
    if stier:
        qs = qs.select_related(*stier)
    qs = selectors.med_siste_status(qs, felt=siste.union(FASTE_SISTE))
    # Everyone reads the overview, but only some may open a project's page: the row links to it
    # only for them (in the same query), so nobody is shown a link that ends in «no access».
    qs = qs.annotate(
        lesbar=Exists(Prosjekt.objects.synlige_for(request.user).filter(pk=OuterRef("pk")))
    )
    # Closed projects have their own view; a chosen state shows them.
    if not oppsett.parametre.get("tilstand"):
        qs = qs.exclude(tilstand=Tilstand.AVSLUTTET)
    return qs.order_by("nummer")


def _ledd(stier) -> set[str]:
    """Every step of each relation path («programtilknytning__program»: both), for `only()`."""
    ut = set()
    for sti in stier:
        deler = sti.split("__")
        ut.update("__".join(deler[: i + 1]) for i in range(len(deler)))
    return ut


# The same URL answers a whole page or, to htmx, the table alone: caches must tell them apart.
@vary_on_headers("HX-Request")
def liste_view(request):
    """Prosjektoversikt. All employees read it; the project pages have their own checks."""
    oppsett = tabellvisning.oppsett(request, PROSJEKTLISTE)
    if oppsett.videre:
        return redirect(oppsett.videre)
    filter_ = ProsjektFilter(
        oppsett.parametre, queryset=_prosjekter(request, oppsett), request=request
    )
    qs = tabellvisning.gruppert(filter_.qs, oppsett)
    tittel = _tittel(oppsett)

    if request.GET.get("eksport") == "xlsx":
        return tabell_svar(
            qs.iterator(chunk_size=500),
            kolonner=tabellvisning.eksportkolonner(oppsett),
            som="xlsx",
            arktittel=tittel,
            navn=filnavn("prosjekter", timezone.localdate()),
        )

    side = Paginator(qs, PER_SIDE).get_page(side_fra_get(request))
    # htmx filtering swaps only the table (same context, same queries).
    mal = (
        "prosjekter/partials/prosjektliste.html"
        if request.htmx and not request.htmx.boosted
        else "prosjekter/liste.html"
    )
    return render(
        request,
        mal,
        {
            **sidekontekst(request, oppsett),
            "innebygde": PROSJEKTLISTE.innebygde.items(),
            "tittel": tittel,
            "filter": filter_,
            "side": side,
            "rader": tabellvisning.rader(side, oppsett),
            # The column the rows are sorted by, for the headings (a refused value is none).
            "sortert": (filter_.form.cleaned_data.get("sorter") or ["nummer"])[0],
            "kan_importere": permissions.kan_importere(request.user),
            # The start plans of the portfolios whose leader group the reader sits in.
            "startplaner": list(
                Portefolje.objects.filter(medlemskap__bruker=request.user).distinct()
            ),
        },
    )


def _tittel(oppsett) -> str:
    if oppsett.visning is not None:
        return oppsett.visning.navn
    if oppsett.innebygd:
        return str(PROSJEKTLISTE.innebygde[oppsett.innebygd].tittel)
    return str(PROSJEKTLISTE.tittel)
