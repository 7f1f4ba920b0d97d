"""The list /ideer/: search, filters, sorting, pages, export, and a constant query count."""

import csv
import html
import io
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from ideer.kolonner import KOLONNER
from ideer.models import Innspill, Status
from ideer.tests.factories import InnbyggerInnspillFactory, InnspillFactory

pytestmark = pytest.mark.django_db


def titler(svar):
    return [i.tittel for i in svar.context["side"]]


def test_search_is_ranked_title_before_text(klient_for, ansatt):
    InnspillFactory(tittel="Bedre skolevei", beskrivelse="Belysning langs veien til skolen.")
    InnspillFactory(tittel="Belysning i Hokksund sentrum", beskrivelse="Mørke gater.")
    InnspillFactory(tittel="Kulturkort for ungdom", beskrivelse="Rabatt på kino.")
    svar = klient_for(ansatt).get("/ideer/", {"q": "belysning"})
    assert titler(svar) == ["Belysning i Hokksund sentrum", "Bedre skolevei"]


def test_search_understands_norwegian_word_forms(klient_for, ansatt):
    InnspillFactory(tittel="Flere benker langs elva")
    svar = klient_for(ansatt).get("/ideer/", {"q": "benk"})
    assert titler(svar) == ["Flere benker langs elva"]


def test_search_with_odd_input_does_not_fail(klient_for, ansatt):
    InnspillFactory(tittel="Digitalt tilsyn")
    for q in ['"uavsluttet', "&|!():*", "-", "a" * 500, "nul\x00tegn"]:
        assert klient_for(ansatt).get("/ideer/", {"q": q}).status_code == 200


def test_filters_by_status_and_kind(klient_for, ansatt):
    InnspillFactory(tittel="Ny idé")
    InnspillFactory(tittel="Vurderes", status=Status.UNDER_VURDERING)
    InnspillFactory(tittel="Bestilling", type="bestilling", opphav="politisk")
    klient = klient_for(ansatt)
    assert titler(klient.get("/ideer/", {"status": "under_vurdering"})) == ["Vurderes"]
    assert titler(klient.get("/ideer/", {"type": "bestilling"})) == ["Bestilling"]
    svar = klient.get("/ideer/", {"status": "ugyldig"})
    assert svar.status_code == 200
    assert svar.context["filter"].form.errors["status"]  # shown next to the field, no 500


def test_sorting_by_title(klient_for, ansatt):
    for tittel in ["Bravo", "Alfa", "Charlie"]:
        InnspillFactory(tittel=tittel)
    svar = klient_for(ansatt).get("/ideer/", {"sorter": "tittel"})
    assert titler(svar) == ["Alfa", "Bravo", "Charlie"]


@pytest.mark.parametrize("sorter", ["tittel", "-tittel", "status"])
def test_inputs_with_the_same_title_keep_their_order_from_page_to_page(klient_for, ansatt, sorter):
    """Many inputs share a title («Gatelys»): walking the pages sorted by title shows each once,
    in the order of the id, backwards when sorted backwards."""
    ider = [InnspillFactory(tittel="Gatelys").pk for _ in range(30)]
    klient = klient_for(ansatt)
    forste = klient.get("/ideer/", {"sorter": sorter})
    neste = re.search(r'<a class="page-link" href="([^"]+)">Neste</a>', forste.content.decode())
    andre = klient.get("/ideer/" + html.unescape(neste.group(1)))
    vist = [i.pk for i in forste.context["side"]] + [i.pk for i in andre.context["side"]]
    assert vist == (sorted(ider, reverse=True) if sorter.startswith("-") else sorted(ider))


def test_csv_export_holds_exactly_what_is_filtered(klient_for, ansatt):
    InnspillFactory(tittel="Med", status=Status.UNDER_VURDERING)
    InnspillFactory(tittel="Uten")
    svar = klient_for(ansatt).get("/ideer/", {"status": "under_vurdering", "eksport": "csv"})
    tekst = b"".join(svar.streaming_content).decode("utf-8-sig")
    rader = list(csv.reader(io.StringIO(tekst), delimiter=";"))
    assert rader[0][:2] == ["Nummer", "Tittel"]
    assert [r[1] for r in rader[1:]] == ["Med"]


def test_xlsx_export_and_no_citizen_data_for_employees(klient_for, ansatt, utvikler):
    """The citizen's e-mail is a column only the development team may choose: an employee who
    asks for it in the address gets the columns without it."""
    InnbyggerInnspillFactory(tittel='=HYPERLINK("http://x")')
    valg = {"kol": ["nummer", "tittel", "innsender_epost"], "eksport": "xlsx"}
    ansatt_svar = klient_for(ansatt).get("/ideer/", valg)
    ark = load_workbook(io.BytesIO(ansatt_svar.content)).active
    rader = list(ark.iter_rows(values_only=True))
    assert rader[0] == ("Nummer", "Tittel")
    assert len(rader) == 2
    assert "kari@example.no" not in [str(c) for c in rader[1]]
    assert rader[1][1].startswith("'=")  # a formula from the public stays text
    utvikler_svar = klient_for(utvikler).get("/ideer/", valg)
    rader = list(
        load_workbook(io.BytesIO(utvikler_svar.content)).active.iter_rows(values_only=True)
    )
    assert rader[0] == ("Nummer", "Tittel", "Innbyggers e-post")
    assert "kari@example.no" in rader[1]


def test_the_xlsx_export_has_real_dates_a_frozen_header_and_a_filter(klient_for, ansatt):
    InnspillFactory(tittel="Flere benker langs elva")
    svar = klient_for(ansatt).get("/ideer/", {"eksport": "xlsx"})
    ark = load_workbook(io.BytesIO(svar.content)).active
    overskrift = [c.value for c in ark[1]]
    mottatt = ark.cell(row=2, column=overskrift.index("Mottatt") + 1)
    assert mottatt.is_date and mottatt.number_format.startswith("dd.mm.yyyy")
    assert ark.freeze_panes == "A2"
    assert ark.auto_filter.ref == f"A1:{ark.cell(row=1, column=len(overskrift)).column_letter}2"


def test_list_query_count_is_constant_with_every_column(
    klient_for, utvikler, seksjon, portefolje, django_assert_num_queries
):
    """Every column the development team may choose, grouped: the same queries at 3 and 25 rows
    (the page, its count, the sections, the saved views and the portfolios to share with)."""
    klient = klient_for(utvikler)
    alle = {"q": "behov", "kol": [k.nokkel for k in KOLONNER], "grupper": "status"}
    klient.get("/ideer/", alle)  # warm up session and caches

    def lag(antall):
        for _ in range(antall):
            innspill = InnspillFactory(innsender=utvikler, portefolje=portefolje)
            innspill.seksjoner.add(seksjon)

    lag(3)
    with django_assert_num_queries(10):
        svar = klient.get("/ideer/", alle)
        assert len(svar.context["side"]) == 3
    assert "Innbyggers e-post" in svar.content.decode()
    lag(30)
    with django_assert_num_queries(10):
        assert len(klient.get("/ideer/", alle).context["side"]) == 25


@pytest.mark.parametrize("kolonne", [k.nokkel for k in KOLONNER])
@pytest.mark.parametrize("gruppering", ["status", "portefolje"])
def test_each_column_alone_reads_only_from_the_lists_one_query(
    kolonne, gruppering, klient_for, utvikler, seksjon, portefolje
):
    """The list fetches only what the chosen columns read: a column that reads anything else
    would cost a query per row, on the page and in the export."""
    for _i in range(4):
        innspill = InnspillFactory(
            innsender=utvikler, initiativtaker=utvikler, portefolje=portefolje
        )
        innspill.seksjoner.add(seksjon)
    klient = klient_for(utvikler)
    klient.get("/ideer/?kol=nummer")  # warm caches (content types, sessions)
    with CaptureQueriesContext(connection) as standard:
        klient.get("/ideer/?kol=nummer")
    with CaptureQueriesContext(connection) as valgt:
        svar = klient.get(f"/ideer/?kol={kolonne}&grupper={gruppering}&q=behov")
    assert len(svar.context["rader"]) == 4
    assert len(valgt) == len(standard)
    with CaptureQueriesContext(connection) as eksport:
        b"".join(klient.get(f"/ideer/?kol={kolonne}&eksport=csv").streaming_content)
    with CaptureQueriesContext(connection) as eksport_standard:
        b"".join(klient.get("/ideer/?kol=nummer&eksport=csv").streaming_content)
    assert len(eksport) == len(eksport_standard)


def test_my_inputs_query_count_is_constant(klient_for, ansatt, django_assert_num_queries):
    klient = klient_for(ansatt)
    klient.get("/ideer/mine/")
    InnspillFactory(innsender=ansatt)
    with django_assert_num_queries(6):
        klient.get("/ideer/mine/")
    for _ in range(20):
        InnspillFactory(innsender=ansatt)
    with django_assert_num_queries(6):
        klient.get("/ideer/mine/")


def test_anonymous_is_sent_to_login(client):
    assert client.get("/ideer/").status_code == 302
    assert Innspill.objects.count() == 0


def test_search_reads_through_the_full_text_index_not_the_whole_table():
    """The planner is told a full-text match costs like a function (ideer/sokekostnad.py): with a
    table of many inputs and a word few of them have, the search and its count use the index."""
    from django.db import connection

    mal = InnspillFactory(tittel="Mer grønt i bydelen")
    andre = InnspillFactory.build_batch(400, tittel="Mer grønt i bydelen", innsender=mal.innsender)
    Innspill.objects.bulk_create(andre)
    InnspillFactory.create_batch(3, tittel="Trygg skolevei")
    Innspill.objects.oppdater_sokevektor()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE ideer_innspill")
    plan = Innspill.objects.sok("skolevei").explain()
    assert "innspill_sokevektor_gin" in plan, plan
