"""Amounts in kroner are written one way everywhere."""

from decimal import Decimal

import pytest
from django.template import Context, Template

from portefolje.belop import kroner

NB = "\u00a0"


@pytest.mark.parametrize(
    ("verdi", "ventet"),
    [
        (3_800_000, f"3{NB}800{NB}000{NB}kr"),
        (Decimal("1234.50"), f"1{NB}235{NB}kr"),
        (0, f"0{NB}kr"),
        (-2500, f"−2{NB}500{NB}kr"),
        (None, "–"),
    ],
)
def test_kroner(verdi, ventet):
    assert kroner(verdi) == ventet


def test_the_template_filter_is_the_same_function():
    html = Template("{% load belop %}{{ b|kroner }}").render(Context({"b": 3_800_000}))
    assert html == f"3{NB}800{NB}000{NB}kr"
