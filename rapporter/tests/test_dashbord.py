"""Dashboards: every chart is drawn from the rows its table shows, in a fixed number of queries."""

import json
import re

import pytest
from django.urls import reverse
from lxml import html as lxml_html

from rapporter import dashbord

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


def test_each_chart_shows_the_rows_of_its_table_from_one_query(
    leder, klient_for, lag_prosjekter, monkeypatch, portefolje
):
    lag_prosjekter(3)
    kall = []
    ekte = dashbord.med_siste_status

    def tellende(qs):
        kall.append(qs)
        return ekte(qs)

    monkeypatch.setattr(dashbord, "med_siste_status", tellende)
    svar = klient_for(leder).get(reverse("rapporter:dashbord-portefolje", args=[portefolje.slug]))
    assert svar.status_code == 200
    # Status, phases and budget: three charts and three tables from one list of projects.
    assert len(kall) == 1
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


# Session and user (2), the portfolios for the menu, the projects with their latest report, the
# benefits trend, the risk matrix, the allocations; the portfolio's page adds the portfolio and
# the reader's roles in it (for the report button: the chair is a member, so neither the team
# nor the portfolio above is asked).
@pytest.mark.parametrize(
    "navn,antall", [("rapporter:dashbord", 8), ("rapporter:dashbord-portefolje", 10)]
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


def test_a_reader_sees_only_the_projects_they_may_read(ansatt, klient_for, lag_prosjekter):
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
