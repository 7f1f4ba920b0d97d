"""Portfolio-wide pages: Gevinstoversikt, Risikooversikt and Ressursallokering.

Every employee may open them; each shows only the projects the reader may read.
"""

from datetime import timedelta

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from portefolje.diagram import Diagram, Serie
from portefolje.models import Portefolje
from portefolje.spor import heltall_fra_get, side_fra_get
from prosjekter import beregning, selectors
from prosjekter.models import Prosjekt


def _utvalg(request):
    """The reader's projects, narrowed to one portfolio (and those below it) by `?portefolje=`."""
    prosjekter = Prosjekt.objects.synlige_for(request.user)
    slug = request.GET.get("portefolje", "")
    valgt = Portefolje.objects.filter(slug=slug).first() if slug else None
    if valgt is not None:
        prosjekter = prosjekter.filter(
            portefolje__in=[valgt.pk, *valgt.underportefoljer.values_list("pk", flat=True)]
        )
    return prosjekter, valgt, list(Portefolje.objects.aktive())


def gevinstoversikt_view(request):
    prosjekter, valgt, portefoljer = _utvalg(request)
    side = Paginator(selectors.gevinstindikatorer(prosjekter), 50).get_page(side_fra_get(request))
    for indikator in side:
        indikator.status = selectors.indikator_status(indikator)
    trend = selectors.gevinsttrend(prosjekter)
    diagram = Diagram(
        id="gevinsttrend",
        tittel=_("Average realisation per month, the same figures as in the table below"),
        type="line",
        etiketter=[f"{t['maned']:%m.%Y}" for t in trend],
        serier=[Serie(navn=_("Average realisation"), verdier=[t["prosent"] for t in trend])],
        enhet="%",
    )
    return render(
        request,
        "prosjekter/gevinstoversikt.html",
        {
            "side": side,
            "trend": trend,
            "diagram": diagram,
            "valgt": valgt,
            "portefoljer": portefoljer,
        },
    )


def risikooversikt_view(request):
    prosjekter, valgt, portefoljer = _utvalg(request)
    celle = selectors.risikocelle(request.GET)
    return render(
        request,
        "prosjekter/risikooversikt.html",
        {
            "matrise": selectors.risikomatrise_for(prosjekter),
            "matrise_etter": selectors.risikomatrise_for(prosjekter, etter_tiltak=True),
            "celle": celle,
            "storste": (
                selectors.risikoer_i_celle(prosjekter, celle)
                if celle
                else selectors.storste_risikoer(prosjekter)
            ),
            "lenke": f"?portefolje={valgt.slug}&" if valgt else "?",
            "valgt": valgt,
            "portefoljer": portefoljer,
            "sannsynlighet_ord": beregning.SANNSYNLIGHET_ORD,
            "konsekvens_ord": beregning.KONSEKVENS_ORD,
        },
    )


def ressursoversikt_view(request):
    prosjekter, valgt, portefoljer = _utvalg(request)
    idag = timezone.localdate()
    # Ten years either way: far enough to plan, near enough for a date to exist.
    forskyvning = heltall_fra_get(request, "uke", standard=0, minst=-520, hoyst=520)
    fra = idag - timedelta(days=idag.weekday()) + timedelta(weeks=forskyvning)
    tidslinje = selectors.ressurstidslinje(prosjekter, fra=fra)
    return render(
        request,
        "prosjekter/ressursoversikt.html",
        {
            **tidslinje,
            "fra": fra,
            "forrige": forskyvning - 13,
            "neste": forskyvning + 13,
            "valgt": valgt,
            "portefoljer": portefoljer,
        },
    )
