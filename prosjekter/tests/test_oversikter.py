"""The overview pages: constant queries at two sizes, the views' content, and the XLSX export."""

import html
import io
import re
from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from prosjekter.tests.factories import (
    AllokeringFactory,
    BrukerFactory,
    IndikatorFactory,
    LeveranseFactory,
    MalingFactory,
    ProsjektFactory,
    StatusrapportFactory,
    UsikkerhetFactory,
)

pytestmark = pytest.mark.django_db

SIDER = [
    reverse("prosjekter:liste"),
    reverse("prosjekter:liste") + "?visning=status",
    reverse("prosjekter:liste") + "?visning=okonomi&sorter=-budsjett",
    reverse("prosjekter:liste") + "?visning=mine",
    reverse("prosjekter:liste") + "?visning=avsluttede",
    reverse("prosjekter:liste") + "?fase=gjennomfore&farge=rod",
    reverse("prosjekter:gevinstoversikt"),
    reverse("prosjekter:risikooversikt"),
    reverse("prosjekter:ressursoversikt"),
    reverse("prosjekter:startplan", args=["helse-og-omsorg"]),
    reverse("startside"),
]


def _lag(portefolje, n, prosjektleder):
    mandag = timezone.localdate() - timedelta(days=timezone.localdate().weekday())
    for i in range(n):
        p = ProsjektFactory(
            portefolje=portefolje,
            prosjektleder=prosjektleder,
            budsjett=1_000_000,
            tilstand=["aktiv", "avsluttet", "ikke_startet"][i % 3],
        )
        StatusrapportFactory(prosjekt=p, fremdrift="forsinket", farge="rod", prognose=1_100_000)
        StatusrapportFactory(
            prosjekt=p, publisert=timezone.now() - timedelta(days=40), farge="gronn"
        )
        LeveranseFactory(prosjekt=p)
        indikator = IndikatorFactory(gevinst__prosjekt=p)
        MalingFactory(indikator=indikator, dato=date(2026, 9, 3))
        MalingFactory(indikator=indikator, dato=date(2026, 10, 3), verdi=70)
        AllokeringFactory(
            prosjekt=p, person=BrukerFactory(), fra=mandag, til=mandag + timedelta(weeks=8)
        )
        AllokeringFactory(
            prosjekt=p, person=prosjektleder, fra=mandag, til=mandag + timedelta(weeks=8)
        )
        UsikkerhetFactory(prosjekt=p, sannsynlighet=1 + i % 5, konsekvens=5 - i % 5)


@pytest.mark.parametrize("url", SIDER)
def test_overview_pages_make_a_constant_number_of_queries(
    url, portefolje, medlem, prosjektleder, klient_for, django_assert_num_queries
):
    klient = klient_for(medlem)
    _lag(portefolje, 3, prosjektleder)
    klient.get(url)  # warm caches (content types, sessions)
    with CaptureQueriesContext(connection) as liten:
        assert klient.get(url).status_code == 200
    _lag(portefolje, 7, prosjektleder)
    with django_assert_num_queries(len(liten)):
        assert klient.get(url).status_code == 200


def test_portfolio_status_shows_each_dimension_in_words(
    portefolje, medlem, prosjektleder, klient_for
):
    p = ProsjektFactory(portefolje=portefolje, tittel="Digital byggesak")
    StatusrapportFactory(prosjekt=p, fremdrift="forsinket", okonomi="over_budsjett", farge="rod")
    side = klient_for(medlem).get(reverse("prosjekter:liste") + "?visning=status").content.decode()
    assert '<span class="status status-rod">Forsinket</span>' in side
    assert '<span class="status status-rod">Over budsjett</span>' in side


def test_the_export_has_exactly_the_rows_and_columns_shown(portefolje, medlem, klient_for):
    ProsjektFactory(
        portefolje=portefolje, tittel="Digital byggesak", fase="gjennomfore", budsjett=2_000_000
    )
    ProsjektFactory(portefolje=portefolje, tittel="Hokksund skole – ombygging", fase="planlegge")
    url = reverse("prosjekter:liste") + "?visning=okonomi&fase=gjennomfore&eksport=xlsx"
    svar = klient_for(medlem).get(url)
    assert svar["Content-Type"].startswith("application/vnd.openxmlformats")
    ark = load_workbook(io.BytesIO(svar.content)).active
    rader = list(ark.values)
    assert rader[0][:3] == ("Nr.", "Prosjekt", "Budsjett (kr)")
    assert len(rader) == 2 and rader[1][1] == "Digital byggesak" and rader[1][2] == 2_000_000


def test_my_projects_lists_only_mine(portefolje, prosjektleder, medlem, klient_for):
    ProsjektFactory(portefolje=portefolje, tittel="Min", prosjektleder=prosjektleder)
    ProsjektFactory(portefolje=portefolje, tittel="Andres")
    side = (
        klient_for(prosjektleder)
        .get(reverse("prosjekter:liste") + "?visning=mine")
        .content.decode()
    )
    assert ">Min<" in side and ">Andres<" not in side


def test_every_employee_reads_the_overview(portefolje, ansatt, klient_for):
    ProsjektFactory(portefolje=portefolje, tittel="Velferdsteknologi")
    svar = klient_for(ansatt).get(reverse("prosjekter:liste"))
    assert svar.status_code == 200 and "Velferdsteknologi" in svar.content.decode()


def test_the_risk_overview_counts_only_what_the_reader_may_read(
    portefolje, medlem, ansatt, klient_for
):
    UsikkerhetFactory(
        prosjekt__portefolje=portefolje,
        prosjekt__unntatt_offentlighet=True,
        prosjekt__hjemmel="offentleglova § 23",
        sannsynlighet=5,
        konsekvens=5,
    )
    medlemmets = klient_for(medlem).get(reverse("prosjekter:risikooversikt")).context["matrise"]
    assert medlemmets[0][4]["antall"] == 1
    utenforstaendes = (
        klient_for(ansatt).get(reverse("prosjekter:risikooversikt")).context["matrise"]
    )
    assert utenforstaendes[0][4]["antall"] == 0


def test_the_resource_timeline_flags_an_overbooked_person(
    portefolje, medlem, prosjektleder, klient_for
):
    mandag = timezone.localdate() - timedelta(days=timezone.localdate().weekday())
    for last in (60, 50):
        AllokeringFactory(
            prosjekt__portefolje=portefolje,
            person=prosjektleder,
            belastning=last,
            fra=mandag,
            til=mandag + timedelta(days=13),
        )
    svar = klient_for(medlem).get(reverse("prosjekter:ressursoversikt"))
    rad = next(r for r in svar.context["rader"] if r["person"] == prosjektleder)
    assert rad["overbooket"]
    assert [u["sum"] for u in rad["uker"][:3]] == [110, 110, 0]
    assert "Overbooket" in svar.content.decode()


def test_the_benefits_overview_shows_the_trend_in_a_table(portefolje, medlem, klient_for):
    indikator = IndikatorFactory(
        gevinst__prosjekt__portefolje=portefolje, nullpunkt=100, malverdi=60
    )
    MalingFactory(indikator=indikator, dato=date(2026, 10, 5), verdi=80)
    svar = klient_for(medlem).get(reverse("prosjekter:gevinstoversikt"))
    assert [t["prosent"] for t in svar.context["trend"]] == [50.0]
    innhold = svar.content.decode()
    assert "50,0 %" in innhold
    assert 'id="gevinsttrend-data"' in innhold


def test_the_trend_chart_and_table_show_the_same_figures_for_whole_numbers(
    portefolje, medlem, klient_for
):
    # Whole numbers are stored as integers by SQLite, which divided them as integers (0 %).
    indikator = IndikatorFactory(
        gevinst__prosjekt__portefolje=portefolje, nullpunkt=0, malverdi=100
    )
    MalingFactory(indikator=indikator, dato=date(2026, 10, 5), verdi=60)
    MalingFactory(indikator=indikator, dato=date(2026, 11, 5), verdi=70)
    svar = klient_for(medlem).get(reverse("prosjekter:gevinstoversikt"))
    tabell = [t["prosent"] for t in svar.context["trend"]]
    assert tabell == [60.0, 70.0]
    assert svar.context["diagram"].data()["serier"][0]["verdier"] == tabell
    innhold = svar.content.decode()
    assert "60,0 %" in innhold and "70,0 %" in innhold


def test_the_project_page_makes_a_constant_number_of_queries(
    prosjekt, prosjektleder, klient_for, django_assert_num_queries
):
    def legg_til():
        StatusrapportFactory(prosjekt=prosjekt)
        LeveranseFactory(prosjekt=prosjekt)
        indikator = IndikatorFactory(gevinst__prosjekt=prosjekt)
        MalingFactory(indikator=indikator)
        AllokeringFactory(prosjekt=prosjekt)
        UsikkerhetFactory(prosjekt=prosjekt)

    klient = klient_for(prosjektleder)
    url = prosjekt.get_absolute_url()
    legg_til()
    klient.get(url)
    with CaptureQueriesContext(connection) as liten:
        klient.get(url)
    for _ in range(3):
        legg_til()
    with django_assert_num_queries(len(liten)):
        assert klient.get(url).status_code == 200


def test_htmx_filtering_swaps_only_the_table(portefolje, medlem, klient_for):
    ProsjektFactory(portefolje=portefolje, tittel="Digital byggesak", fase="gjennomfore")
    ProsjektFactory(portefolje=portefolje, tittel="Hokksund skole", fase="planlegge")
    svar = klient_for(medlem).get(
        reverse("prosjekter:liste") + "?fase=planlegge", HTTP_HX_REQUEST="true"
    )
    innhold = svar.content.decode()
    assert "<html" not in innhold and "<table" in innhold
    assert "Hokksund skole" in innhold and "Digital byggesak" not in innhold


def test_the_export_never_writes_a_title_as_a_live_formula(portefolje, medlem, klient_for):
    """Through portefolje.eksport, like every other export."""
    ProsjektFactory(portefolje=portefolje, tittel='=HYPERLINK("http://x.example","Klikk")')
    svar = klient_for(medlem).get(reverse("prosjekter:liste") + "?eksport=xlsx")
    ark = load_workbook(io.BytesIO(svar.content)).active
    celler = [c for rad in ark.iter_rows() for c in rad]
    assert not [c.coordinate for c in celler if c.data_type == "f"]
    assert '\'=HYPERLINK("http://x.example","Klikk")' in [c.value for c in celler]


def test_two_reports_published_at_the_same_moment_the_later_one_counts_everywhere(
    portefolje, medlem, klient_for
):
    """«Latest published report» is one rule (`selectors.siste_publiserte`): between two with the
    same publication time, the one registered last. The overview and the timeline agree."""
    p = ProsjektFactory(portefolje=portefolje, tittel="Digital byggesak", tilstand="aktiv")
    samtidig = timezone.now() - timedelta(days=2)
    StatusrapportFactory(prosjekt=p, publisert=samtidig, farge="gronn", fremdrift="pa_plan")
    StatusrapportFactory(prosjekt=p, publisert=samtidig, farge="rod", fremdrift="forsinket")
    klient = klient_for(medlem)
    oversikt = klient.get(reverse("prosjekter:liste") + "?visning=status").content.decode()
    assert '<span class="status status-rod">Forsinket</span>' in oversikt
    assert "På plan" not in oversikt
    tidslinje = klient.get(reverse("prosjekter:tidslinje")).content.decode()
    assert '<span class="status status-rod">Rød</span>' in tidslinje
    assert '<span class="status status-gronn">Grønn</span>' not in tidslinje


def _sortlenke(innhold: str, kolonne: str) -> tuple[str, str]:
    """(href, aria-sort) of the heading link that sorts by `kolonne`, as the page renders it."""
    treff = re.search(rf'aria-sort="(\w+)">\s*<a href="([^"]*)">{re.escape(kolonne)}<', innhold)
    assert treff, kolonne
    return html.unescape(treff.group(2)), treff.group(1)


def _titler(innhold: str, titler) -> list[str]:
    return sorted((t for t in titler if t in innhold), key=innhold.index)


def test_the_budget_heading_sorts_both_ways_with_the_unbudgeted_last(
    portefolje, medlem, klient_for
):
    for tittel, budsjett in (("Billig", 100), ("Uten budsjett", None), ("Dyr", 900)):
        ProsjektFactory(portefolje=portefolje, tittel=tittel, budsjett=budsjett)
    titler = ("Billig", "Uten budsjett", "Dyr")
    klient = klient_for(medlem)
    side = reverse("prosjekter:liste")
    innhold = klient.get(side + "?visning=okonomi").content.decode()
    lenke, aria = _sortlenke(innhold, "Budsjett (kr)")
    assert aria == "none"
    stigende = klient.get(side + lenke).content.decode()
    assert _titler(stigende, titler) == ["Billig", "Dyr", "Uten budsjett"]
    lenke, aria = _sortlenke(stigende, "Budsjett (kr)")
    assert aria == "ascending"
    synkende = klient.get(side + lenke).content.decode()
    assert _titler(synkende, titler) == ["Dyr", "Billig", "Uten budsjett"]
    assert _sortlenke(synkende, "Budsjett (kr)")[1] == "descending"


@pytest.mark.parametrize("visning", ["alle", "status", "okonomi", "mine", "avsluttede"])
def test_every_sort_link_in_every_view_is_honoured(visning, portefolje, medlem, klient_for):
    ProsjektFactory(portefolje=portefolje, tittel="Digital byggesak")
    klient = klient_for(medlem)
    side = reverse("prosjekter:liste")
    innhold = klient.get(f"{side}?visning={visning}").content.decode()
    lenker = re.findall(r'aria-sort="\w+">\s*<a href="([^"]*)">([^<]+)<', innhold)
    assert lenker
    for lenke, kolonne in lenker:
        svar = klient.get(side + html.unescape(lenke))
        assert svar.status_code == 200
        # A value the sorting refused would leave the rows by number and this heading unsorted.
        retning = _sortlenke(svar.content.decode(), kolonne)[1]
        assert retning in ("ascending", "descending"), (visning, kolonne)


def test_rows_that_tie_are_ordered_by_when_they_were_registered(portefolje, medlem, klient_for):
    """The id breaks a tie: a page boundary between equal rows falls in the same place each time."""
    # Numbered against their order, so only the id can put them in it.
    ProsjektFactory(
        portefolje=portefolje, fase="planlegge", tittel="Registrert først", nummer="Z-2"
    )
    ProsjektFactory(
        portefolje=portefolje, fase="planlegge", tittel="Registrert etterpå", nummer="A-1"
    )
    innhold = klient_for(medlem).get(reverse("prosjekter:liste") + "?sorter=fase").content.decode()
    assert _titler(innhold, ["Registrert først", "Registrert etterpå"]) == [
        "Registrert først",
        "Registrert etterpå",
    ]
