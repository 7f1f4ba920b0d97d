"""One function decides how a cell is written, and every export uses it."""

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


def test_no_export_writes_a_spreadsheet_or_csv_past_the_shared_module():
    monster = re.compile(r"csv\.writer\(|\bWorkbook\(")
    funn = [
        f"{fil.relative_to(ROT)}:{nr}"
        for app in ["portefolje", "ideer", "konseptnotat", "velge", "prosjekter"]
        for fil in (ROT / app).rglob("*.py")
        if "tests" not in fil.parts and fil.name != "eksport.py"
        for nr, linje in enumerate(fil.read_text().splitlines(), 1)
        if monster.search(linje)
    ]
    assert funn == []
