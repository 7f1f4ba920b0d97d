"""One exporter interface (`portefolje.eksport`): one function decides how a cell is written,
one place writes each format, and every download goes through them."""

import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from portefolje.eksport import trygg_celle

ROT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    "tekst", ["=1+1", "+47 123", "-2+3", "@SUM(A1)", "\t=1", "\r=1", " =HYPERLINK(1)", "＝1+1"]
)
def test_text_that_starts_like_a_formula_stays_text(tekst):
    assert trygg_celle(tekst) == "'" + tekst


@pytest.mark.parametrize(
    ("verdi", "ventet"),
    [
        ("Digital byggesak", "Digital byggesak"),
        (12, 12),
        (-5, -5),
        (Decimal("2.5"), 2.5),
        (date(2027, 1, 1), date(2027, 1, 1)),
        (None, None),
    ],
)
def test_numbers_dates_and_plain_text_are_left_alone(verdi, ventet):
    assert trygg_celle(verdi) == ventet


APPER = [
    "portefolje",
    "ideer",
    "konseptnotat",
    "velge",
    "prosjekter",
    "rapporter",
    "api",
    "offentlig",
]


def _linjer_som(monster: str, *, unntatt: str) -> list[str]:
    return [
        f"{fil.relative_to(ROT)}:{nr}"
        for app in APPER
        for fil in (ROT / app).rglob("*.py")
        if "tests" not in fil.parts and str(fil.relative_to(ROT)) != unntatt
        for nr, linje in enumerate(fil.read_text().splitlines(), 1)
        if re.search(monster, linje)
    ]


def test_no_export_writes_a_spreadsheet_or_csv_past_the_shared_module():
    assert _linjer_som(r"csv\.writer\(|\bWorkbook\(", unntatt="portefolje/eksport.py") == []


def test_every_pdf_goes_through_the_one_network_guard():
    assert _linjer_som(r"import weasyprint|_ingen_nettverk\b", unntatt="portefolje/pdf.py") == []


def test_every_word_document_is_built_by_the_one_helper():
    assert _linjer_som(r"from docx import|import docx\b", unntatt="portefolje/eksport.py") == []


def test_download_names_are_transliterated_in_one_place():
    from portefolje.eksport import filnavn

    assert filnavn("protokoll", "helse-og-omsorg", date(2027, 1, 2)) == (
        "protokoll-helse-og-omsorg-2027-01-02"
    )
    assert filnavn("Årsbudsjett for Øvre Eiker", "P-2026-001") == (
        "Aarsbudsjett-for-Ovre-Eiker-P-2026-001"
    )
    assert filnavn("Kafé «Bærum»/../x") == "Kafe-Baerum-x"
