"""The employee form offers only the sources that fit the kind."""

import pytest

from tests.browser.conftest import logg_inn

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SYNLIGE = """s => Array.from(s.options).filter(o => o.value && !o.disabled).map(o => o.value)"""


def test_the_source_follows_the_kind_and_starts_as_employees(side, demo):
    logg_inn(side, "ansatt")
    side.goto("/ideer/ny/")
    opphav = side.locator("select[name=opphav]")
    assert opphav.input_value() == "medarbeidere"
    assert "politisk" not in opphav.evaluate(SYNLIGE)

    side.get_by_label("Bestilling").check()
    assert opphav.input_value() == "administrativ"
    assert opphav.evaluate(SYNLIGE) == [
        "politisk",
        "administrativ",
        "tilskudd",
        "uforutsett_hendelse",
    ]

    side.get_by_label("Idé eller innspill").check()
    assert opphav.input_value() == "medarbeidere"
