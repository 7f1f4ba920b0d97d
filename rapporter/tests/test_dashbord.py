"""Dashboards: every chart is drawn from the rows its table shows, in a fixed number of queries."""

import datetime
import json
import re

import pytest
from django.urls import reverse
from lxml import html as lxml_html

from prosjekter.tests.factories import ProsjektFactory, StatusrapportFactory

pytestmark = pytest.mark.django_db

# (chart, table, the table's columns each series is drawn from)
FIGURER = [
    ("status-dimensjon", "tabell-status", [0, 1, 2, 3]),
    ("fase", "tabell-fase", [0]),
    ("budsjett", "tabell-budsjett", [0, 1]),
    ("gevinst", "tabell-gevinst", [0]),
    ("ressurser", "tabell-ressurser", [0, 1]),
]


def _tall(tekst: str):
    """A number as the table writes it («1 500 000 kr», «50,0 %», «3»); None for «–»."""
    tekst = re.sub(r"[\s\u00a0\u202fkr%]", "", tekst)
    if tekst in ("", "–"):
        return None
    return float(tekst.replace(",", ".").replace("−", "-"))


def _tabell(dok, tabell_id):
    rader = []
    for tr in dok.get_element_by_id(tabell_id).xpath("./tbody/tr"):
        overskrift = " ".join(" ".join(tr.xpath("./th")[0].itertext()).split())
        rader.append((overskrift, [" ".join(td.itertext()).strip() for td in tr.xpath("./td")]))
    return rader


def test_each_chart_shows_the_rows_of_its_table(leder, klient_for, lag_prosjekter, portefolje):
    lag_prosjekter(3)
    svar = klient_for(leder).get(reverse("rapporter:dashbord-portefolje", args=[portefolje.slug]))
    assert svar.status_code == 200
    dok = lxml_html.fromstring(svar.content.decode())
    for diagram_id, tabell_id, kolonner in FIGURER:
        data = json.loads(dok.get_element_by_id(f"{diagram_id}-data").text)
        rader = _tabell(dok, tabell_id)
        assert rader, tabell_id
        # The same rows, in the same order…
        assert len(data["etiketter"]) == len(rader)
        for etikett, (overskrift, _celler) in zip(data["etiketter"], rader, strict=True):
            assert overskrift.startswith(etikett), (tabell_id, etikett, overskrift)
        # …and each series is the table's column, number for number.
        for serie, kolonne in zip(data["serier"], kolonner, strict=True):
            tabellverdier = [_tall(celler[kolonne]) for _o, celler in rader]
            diagramverdier = [None if v is None else float(v) for v in serie["verdier"]]
            assert diagramverdier == tabellverdier, (tabell_id, serie["navn"])
        # The figure points the reader to its table.
        assert f'href="#{tabell_id}"' in svar.content.decode()
    # The figures themselves: three projects, the budgets the reports give.
    budsjett = dict(_tabell(dok, "tabell-budsjett"))
    assert len(budsjett) == 3
    status = dict(_tabell(dok, "tabell-status"))
    assert status["Fremdrift"] == ["2", "0", "1", "0"]  # green, yellow, red, not reported
    assert status["Kvalitet"] == ["0", "0", "0", "3"]
    # The risk map: a table with words, the three risks in probability 4, consequence 5.
    risiko = dict(_tabell(dok, "tabell-risiko"))
    rad = next(celler for o, celler in risiko.items() if o.startswith("4 "))
    assert " ".join(rad[4].split()) == "høy 3"


def test_a_colour_always_has_its_word(leder, klient_for, lag_prosjekter, portefolje):
    lag_prosjekter(2)
    side = klient_for(leder).get(reverse("rapporter:dashbord")).content.decode()
    data = json.loads(lxml_html.fromstring(side).get_element_by_id("status-dimensjon-data").text)
    assert [s["navn"] for s in data["serier"]] == ["Grønn", "Gul", "Rød", "Ikke rapportert"]


# Session and user (2), the portfolios for the menu, the unread notices; the projects per phase,
# the latest reports (counts, sums and the fifteen furthest from budget in one), the benefits
# trend, the risk matrix, the allocations; the portfolio's page adds the portfolio and the
# reader's roles in it (for the report button: the chair is a member, so neither the team nor
# the portfolio above is asked).
@pytest.mark.parametrize(
    "navn,antall", [("rapporter:dashbord", 9), ("rapporter:dashbord-portefolje", 11)]
)
def test_the_dashboard_runs_the_same_queries_for_two_or_eight_projects(
    navn, antall, leder, klient_for, lag_prosjekter, portefolje, django_assert_num_queries
):
    klient = klient_for(leder)
    url = reverse(navn, args=[portefolje.slug] if navn.endswith("portefolje") else [])
    lag_prosjekter(2)
    with django_assert_num_queries(antall):
        assert klient.get(url).status_code == 200
    lag_prosjekter(6, start=2)
    with django_assert_num_queries(antall):
        svar = klient.get(url)
    assert svar.content.decode().count("Prosjekt nummer") == 8


def test_a_reader_sees_only_the_projects_they_may_read(
    ansatt, klient_for, lag_prosjekter, settings
):
    settings.PROSJEKTER_LESES_AV = "portefoljen"  # else every employee reads them
    lag_prosjekter(2)
    side = klient_for(ansatt).get(reverse("rapporter:dashbord")).content.decode()
    assert "Prosjekt nummer" not in side
    assert "0 prosjekter" in side


def test_an_unknown_portfolio_is_404_and_anonymous_must_log_in(client, ansatt, klient_for):
    svar = client.get(reverse("rapporter:dashbord"))
    assert svar.status_code == 302 and "/konto/login/" in svar["Location"]
    url = reverse("rapporter:dashbord-portefolje", args=["finnes-ikke"])
    assert klient_for(ansatt).get(url).status_code == 404


def test_the_budget_chart_shows_the_projects_furthest_from_budget_and_sums_them_all(
    leder, klient_for, lag_prosjekter, portefolje
):
    """A bar per project does not work for a thousand projects: the chart and its table show
    the fifteen furthest from budget (over or under), the sum counts every one, and a link
    leads to all of them in the project overview."""
    prosjekter = lag_prosjekter(17)
    over, under = prosjekter[3], prosjekter[9]
    over.statusrapporter.update(prognose=9_000_000)  # budget 1 300 000: 7 700 000 over
    under.statusrapporter.update(prognose=100_000)  # budget 1 900 000: 1 800 000 under
    klient = klient_for(leder)
    svar = klient.get(reverse("rapporter:dashbord-portefolje", args=[portefolje.slug]))
    dok = lxml_html.fromstring(svar.content.decode())
    rader = _tabell(dok, "tabell-budsjett")
    assert len(rader) == 15
    assert [o.split()[0] for o, _c in rader[:2]] == [over.nummer, under.nummer]
    # The rest are 50 000 over each: by number, and the last two are cut.
    resten = [p.nummer for p in prosjekter if p not in (over, under)]
    assert [o.split()[0] for o, _c in rader[2:]] == resten[:13]
    budsjett = sum(1_000_000 + i * 100_000 for i in range(17))
    prognose = sum(1_050_000 + i * 100_000 for i in range(17) if i not in (3, 9)) + 9_100_000
    sum_celler = [
        " ".join(td.itertext()) for td in dok.xpath('//*[@id="tabell-budsjett"]//tfoot//td')
    ]
    assert [_tall(c) for c in sum_celler[:2]] == [budsjett, prognose]
    assert "av 17 prosjekter med tall" in svar.content.decode()
    lenke = dok.xpath('//a[contains(@href, "visning=okonomi")]/@href')[0]
    oversikt = klient.get(lenke)
    assert oversikt.status_code == 200 and over.nummer in oversikt.content.decode()


def _rapport(prosjekt, dag, tilstand="publisert", **felter):
    """A report with no value in any dimension and no figures, except those given."""
    tomme = {"fremdrift": "", "okonomi": "", "kvalitet": "", "risiko": "", "gevinstoppnaelse": ""}
    return StatusrapportFactory(
        prosjekt=prosjekt,
        tilstand=tilstand,
        publisert=None
        if tilstand == "utkast"
        else datetime.datetime(2026, 10, dag, 12, tzinfo=datetime.UTC),
        **{**tomme, **felter},
    )


ROD = {
    "fremdrift": "forsinket",
    "okonomi": "over_budsjett",
    "kvalitet": "store_avvik",
    "risiko": "hoy",
    "gevinstoppnaelse": "forventes_ikke",
}


def test_status_and_phases_count_each_projects_latest_published_report_and_grey_for_none(
    leder, klient_for, portefolje
):
    """Each project counts once per dimension, by its latest published report only: an older
    report, a newer draft or the lower id of two published at the same moment does not count,
    and an empty dimension or no published report at all is «not reported»."""
    nyere = ProsjektFactory(portefolje=portefolje, fase="konsept")
    _rapport(nyere, 1, **ROD)
    _rapport(nyere, 2, fremdrift="pa_plan", okonomi="vet_ikke", risiko="lav")
    ProsjektFactory(portefolje=portefolje, fase="planlegge")  # no report at all
    utkast = ProsjektFactory(portefolje=portefolje, fase="planlegge")
    _rapport(
        utkast,
        1,
        fremdrift="mindre_forsinkelser",
        okonomi="under_budsjett",
        kvalitet="ihht_plan",
        gevinstoppnaelse="usikker",
    )
    _rapport(utkast, 3, tilstand="utkast", **ROD)
    delvis = ProsjektFactory(portefolje=portefolje, fase="realisere")
    _rapport(
        delvis,
        2,
        okonomi="over_budsjett",
        kvalitet="sma_avvik",
        risiko="medium",
        gevinstoppnaelse="forventes_ikke",
    )
    samtidig = ProsjektFactory(portefolje=portefolje, fase="gjennomfore")
    _rapport(samtidig, 2, **ROD)
    _rapport(
        samtidig,
        2,
        fremdrift="foran_plan",
        okonomi="mindre_overskridelser",
        gevinstoppnaelse="forventes_oppnadd",
    )
    stoppet = ProsjektFactory(portefolje=portefolje, fase="gjennomfore", tilstand="stoppet")
    _rapport(stoppet, 2, **ROD)

    svar = klient_for(leder).get(reverse("rapporter:dashbord-portefolje", args=[portefolje.slug]))
    side = svar.content.decode()
    dok = lxml_html.fromstring(side)
    # Green, yellow, red, not reported: five projects in every row.
    assert [celler for _o, celler in _tabell(dok, "tabell-status")] == [
        ["2", "1", "0", "2"],  # progress
        ["1", "2", "1", "1"],  # finances
        ["1", "1", "0", "3"],  # quality
        ["1", "1", "0", "3"],  # risk
        ["1", "1", "1", "2"],  # benefits realisation
    ]
    data = json.loads(dok.get_element_by_id("status-dimensjon-data").text)
    assert [s["verdier"] for s in data["serier"]] == [
        [2, 1, 1, 1, 1],
        [1, 2, 1, 1, 1],
        [0, 1, 0, 0, 1],
        [2, 1, 3, 3, 2],
    ]
    # Concept, plan, execute, close, realise: the stopped project is not counted.
    assert [celler for _o, celler in _tabell(dok, "tabell-fase")] == [
        ["1"],
        ["2"],
        ["1"],
        ["0"],
        ["1"],
    ]
    assert "5 prosjekter som ikke er stoppet" in side


def _belop(tekst: str):
    """The amount in a deviation cell («over 200 kr», «under −600 kr», «–»)."""
    tall = re.sub(r"[^\d−]", "", tekst).replace("−", "-")
    return int(tall) if tall else None


def test_the_budget_table_takes_the_latest_report_and_sums_budget_only_and_forecast_only(
    leder, klient_for, portefolje
):
    """A report with only a budget or only a forecast counts in the sums and the count, with no
    deviation (sorted as none, then by number); a project whose latest report gives neither is
    left out, whatever an older report said."""
    ProsjektFactory(portefolje=portefolje, nummer="D-000")  # no report
    begge = ProsjektFactory(portefolje=portefolje, nummer="D-003")
    _rapport(begge, 1, budsjett=1_000_000, prognose=1_000_000)
    bare_budsjett = ProsjektFactory(portefolje=portefolje, nummer="D-002")
    _rapport(bare_budsjett, 1, budsjett=2_000_000)
    bare_prognose = ProsjektFactory(portefolje=portefolje, nummer="D-001")
    _rapport(bare_prognose, 1, prognose=500_000)
    uten_tall = ProsjektFactory(portefolje=portefolje, nummer="D-004")
    _rapport(uten_tall, 1, budsjett=9_000_000, prognose=1)
    _rapport(uten_tall, 2, fremdrift="pa_plan")
    over = ProsjektFactory(portefolje=portefolje, nummer="D-008")
    _rapport(over, 1, budsjett=5_000, prognose=0)  # the older report: further from budget
    _rapport(over, 2, budsjett=100, prognose=300)
    under = ProsjektFactory(portefolje=portefolje, nummer="D-009")
    _rapport(under, 1, budsjett=1_000, prognose=400)

    svar = klient_for(leder).get(reverse("rapporter:dashbord-portefolje", args=[portefolje.slug]))
    side = svar.content.decode()
    dok = lxml_html.fromstring(side)
    rader = [
        (o.split()[0], [_tall(celler[0]), _tall(celler[1]), _belop(celler[2])])
        for o, celler in _tabell(dok, "tabell-budsjett")
    ]
    assert rader == [
        ("D-009", [1_000, 400, -600]),
        ("D-008", [100, 300, 200]),
        ("D-001", [None, 500_000, None]),
        ("D-002", [2_000_000, None, None]),
        ("D-003", [1_000_000, 1_000_000, 0]),
    ]
    sum_celler = [
        " ".join(td.itertext()) for td in dok.xpath('//*[@id="tabell-budsjett"]//tfoot//td')
    ]
    assert [_tall(c) for c in sum_celler[:2]] == [3_001_100, 1_500_700]
    assert "de 5 lengst fra budsjettet av 5 prosjekter med tall" in side
    # All five are shown: no link to the overview for the rest.
    assert "visning=okonomi" not in side


def test_a_dashboard_with_no_reports_counts_every_project_as_not_reported(
    leder, klient_for, portefolje
):
    ProsjektFactory(portefolje=portefolje, fase="konsept")
    ProsjektFactory(portefolje=portefolje, fase="konsept")
    side = klient_for(leder).get(reverse("rapporter:dashbord")).content.decode()
    dok = lxml_html.fromstring(side)
    assert {tuple(c) for _o, c in _tabell(dok, "tabell-status")} == {("0", "0", "0", "2")}
    assert [c for _o, c in _tabell(dok, "tabell-fase")][0] == ["2"]
    assert "Ingen publisert statusrapport oppgir budsjett eller prognose ennå." in side
