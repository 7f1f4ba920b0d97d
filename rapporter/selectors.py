"""Read-side queries for the reports' screens: what each view shows, fetched in one place.

The dashboards' figures come from `rapporter.dashbord` and the look-back's rows from
`rapporter.beslutningskvalitet`; this module picks the rows those work on and what the pages
show around them. The query counts the tests pin are set here.
"""

from django.db.models import QuerySet

from portefolje.models import Portefolje
from prosjekter.models import Prosjekt
from rapporter import beslutningskvalitet as bk
from rapporter.models import Portefoljerapport
from velge.models import Utfall

TIDLIGERE_RAPPORTER = 50


def portefoljer() -> QuerySet:
    return Portefolje.objects.all()


def aktive_portefoljer() -> list[Portefolje]:
    """The portfolios a dashboard can be opened for (its menu)."""
    return list(Portefolje.objects.aktive())


def portefoljerapporter() -> QuerySet:
    """Portfolio reports with what their pages show of the portfolio and who ordered them."""
    return Portefoljerapport.objects.select_related("portefolje", "bestilt_av")


def tidligere_rapporter(portefolje: Portefolje) -> list[Portefoljerapport]:
    """The portfolio's latest reports, newest first (the model's order)."""
    return list(
        Portefoljerapport.objects.filter(portefolje=portefolje).select_related("bestilt_av")[
            :TIDLIGERE_RAPPORTER
        ]
    )


def beslutningskvalitet(bruker, utvalg: list[Portefolje]) -> tuple[list, int]:
    """The look-back's rows for projects decided in `utvalg`, each marked `lesbar` when
    `bruker` may open the project's page, and how many projects those portfolios approved."""
    prosjekter = Prosjekt.objects.filter(beslutning__portefolje__in=utvalg)
    rader = bk.prosjektrader(prosjekter)
    antall_godkjente = prosjekter.filter(beslutning__utfall=Utfall.GODKJENT).count()
    # A project's page opens for its people and its portfolios; the development team sees the
    # look-back for all, but links only to the pages it may read.
    lesbare = set(
        Prosjekt.objects.synlige_for(bruker)
        .filter(pk__in=[r.prosjekt.pk for r in rader])
        .values_list("pk", flat=True)
    )
    for rad in rader:
        rad.lesbar = rad.prosjekt.pk in lesbare
    return rader, antall_godkjente
