"""Prosjektoversikt: all projects, portfolio status, finances, mine and closed; XLSX export."""

from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.vary import vary_on_headers

from portefolje import personer
from portefolje.eksport import Kolonne as Eksportkolonne
from portefolje.eksport import filnavn, tabell_svar
from portefolje.farger import Farge
from portefolje.models import Portefolje
from portefolje.spor import side_fra_get
from prosjekter import permissions, selectors
from prosjekter.filters import ProsjektFilter
from prosjekter.models import DIMENSJONER, Prosjekt, Tilstand, farge_for

PER_SIDE = 50


@dataclass
class Kolonne:
    navn: str
    tittel: str
    art: str = "tekst"  # tekst, farge, dimensjon, belop, dato
    sortering: str = ""


FELLES = [
    Kolonne("nummer", _("No."), sortering="nummer"),
    Kolonne("tittel", _("Project"), sortering="tittel"),
]

VISNINGER = {
    "alle": (
        _("All projects"),
        [
            *FELLES,
            Kolonne("portefolje", _("Portfolio"), sortering="portefolje__navn"),
            Kolonne("program", _("Programme"), sortering="programtilknytning__program__navn"),
            Kolonne("type", _("Type"), sortering="type"),
            Kolonne("fase", _("Phase"), sortering="fase"),
            Kolonne("tilstand", _("State"), sortering="tilstand"),
            Kolonne("prosjektleder", _("Project manager"), sortering="prosjektleder__last_name"),
            Kolonne("siste_farge", _("Latest status"), "farge", sortering="siste_farge"),
        ],
    ),
    "status": (
        _("Portfolio status"),
        [
            *FELLES,
            Kolonne("siste_farge", _("Overall"), "farge", sortering="siste_farge"),
            *[Kolonne(f"siste_{felt}", label, "dimensjon") for felt, label, _c in DIMENSJONER],
            Kolonne("siste_publisert", _("Reported"), "dato", sortering="siste_publisert"),
        ],
    ),
    "okonomi": (
        _("Finances"),
        [
            *FELLES,
            Kolonne("budsjett", _("Budget (NOK)"), "belop", sortering="budsjett"),
            Kolonne("siste_kostnad_hittil", _("Cost to date (NOK)"), "belop"),
            Kolonne("siste_prognose", _("Forecast (NOK)"), "belop"),
            Kolonne("avvik", _("Forecast minus budget (NOK)"), "belop"),
            Kolonne("siste_okonomi", _("Finances"), "dimensjon"),
        ],
    ),
    "mine": (
        _("My projects"),
        [
            *FELLES,
            Kolonne("fase", _("Phase"), sortering="fase"),
            Kolonne("tilstand", _("State"), sortering="tilstand"),
            Kolonne("siste_farge", _("Latest status"), "farge", sortering="siste_farge"),
            Kolonne("frist", _("Next report due"), "dato"),
        ],
    ),
    "avsluttede": (
        _("Closed"),
        [
            *FELLES,
            Kolonne("portefolje", _("Portfolio"), sortering="portefolje__navn"),
            Kolonne("sluttdato", _("End date"), "dato", sortering="sluttdato"),
            Kolonne("siste_farge", _("Latest status"), "farge", sortering="siste_farge"),
        ],
    ),
}

DIMENSJONSVALG = {verdi: label for _f, _l, valg in DIMENSJONER for verdi, label in valg.choices}


def _verdi(prosjekt, kolonne: Kolonne):
    """(value for export, text for the page, colour) of one cell."""
    navn = kolonne.navn
    if navn == "portefolje":
        tekst = prosjekt.portefolje.navn
        return tekst, tekst, None
    if navn == "program":
        tilknytning = getattr(prosjekt, "programtilknytning", None)
        tekst = tilknytning.program.navn if tilknytning else ""
        return tekst, tekst, None
    if navn in ("type", "fase", "tilstand"):
        tekst = str(getattr(prosjekt, f"get_{navn}_display")())
        return tekst, tekst, None
    if navn in ("prosjektleder", "prosjekteier"):
        tekst = personer.navn(getattr(prosjekt, navn))
        return tekst, tekst, None
    if navn == "avvik":
        budsjett, prognose = prosjekt.budsjett, getattr(prosjekt, "siste_prognose", None)
        verdi = prognose - budsjett if budsjett is not None and prognose is not None else None
        return verdi, verdi, None
    if navn == "frist":
        verdi = selectors.neste_rapportfrist(prosjekt)
        return verdi, verdi, None
    verdi = getattr(prosjekt, navn, None)
    if kolonne.art == "farge":
        farge = verdi or Farge.GRA
        tekst = str(Farge(farge).label)
        return tekst, tekst, farge
    if kolonne.art == "dimensjon":
        tekst = str(DIMENSJONSVALG.get(verdi, "")) if verdi else ""
        return tekst, tekst, farge_for(verdi) if verdi else None
    if kolonne.art == "dato" and verdi is not None and hasattr(verdi, "hour"):
        verdi = timezone.localdate(verdi)
    return verdi, verdi, None


def _prosjekter(request, visning: str):
    # Everyone reads the overview, but only some may open a project's page: the row links to it
    # only for them (in the same query), so nobody is shown a link that ends in «no access».
    qs = selectors.med_siste_status(
        Prosjekt.objects.select_related(
            "portefolje", "prosjektleder", "prosjekteier", "programtilknytning__program"
        )
    ).annotate(lesbar=Exists(Prosjekt.objects.synlige_for(request.user).filter(pk=OuterRef("pk"))))
    if visning == "mine":
        qs = qs.mine(request.user)
    elif visning == "avsluttede":
        qs = qs.filter(tilstand=Tilstand.AVSLUTTET)
    elif "tilstand" not in request.GET or not request.GET.get("tilstand"):
        qs = qs.exclude(tilstand=Tilstand.AVSLUTTET)
    return qs


# The same URL answers a whole page or, to htmx, the table alone: caches must tell them apart.
@vary_on_headers("HX-Request")
def liste_view(request):
    """Prosjektoversikt. All employees read it; the project pages have their own checks."""
    visning = request.GET.get("visning", "alle")
    if visning not in VISNINGER:
        visning = "alle"
    tittel, kolonner = VISNINGER[visning]
    filter_ = ProsjektFilter(request.GET, queryset=_prosjekter(request, visning).order_by("nummer"))
    qs = filter_.qs
    # The column the rows are sorted by, for the headings (a value the filter refused is none).
    valgt = (filter_.form.cleaned_data.get("sorter") or ["nummer"])[0]

    if request.GET.get("eksport") == "xlsx":
        return _eksport_xlsx(qs, kolonner, tittel)

    side = Paginator(qs, PER_SIDE).get_page(side_fra_get(request))
    rader = [{"prosjekt": p, "celler": [(k, *_verdi(p, k)[1:]) for k in kolonner]} for p in side]
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
            "visning": visning,
            "visninger": [(k, v[0]) for k, v in VISNINGER.items()],
            "tittel": tittel,
            "kolonner": kolonner,
            "filter": filter_,
            "side": side,
            "rader": rader,
            "sortert": valgt,
            "kan_importere": permissions.kan_importere(request.user),
            # The start plans of the portfolios whose leader group the reader sits in.
            "startplaner": list(
                Portefolje.objects.filter(medlemskap__bruker=request.user).distinct()
            ),
        },
    )


def _eksport_xlsx(qs, kolonner, tittel) -> HttpResponse:
    """Exactly the columns of the view, for every row the filters select (not only this page)."""
    return tabell_svar(
        qs.iterator(chunk_size=500),
        kolonner=[
            Eksportkolonne(
                k.tittel, lambda p, k=k: _verdi(p, k)[0], bredde=40 if k.navn == "tittel" else 16
            )
            for k in kolonner
        ],
        som="xlsx",
        arktittel=tittel,
        navn=filnavn("prosjekter", timezone.localdate()),
    )
