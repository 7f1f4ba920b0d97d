"""Choosing co-authors with the keyboard: filter by name, tick with Space."""

import pytest

from tests.browser.conftest import logg_inn

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_initiator_finds_a_colleague_by_name_and_ticks_her_with_the_keyboard(side, demo):
    logg_inn(side, "initiativtaker")
    side.goto("/konseptnotater/ny/")
    filter_ = side.get_by_label("Finn en kollega etter navn")
    filter_.fill("finnes ikke")
    assert side.get_by_text("Ingen treff.").is_visible()

    filter_.fill("kommunedir")
    kari = side.get_by_role("checkbox", name="Kari Kommunedirektør")
    assert kari.is_visible()
    assert not side.get_by_role("checkbox", name="Pia Prosjektleder").is_visible()
    kari.focus()
    side.keyboard.press("Space")
    assert kari.is_checked()

    # A chosen colleague stays visible whatever the filter says.
    filter_.fill("finnes ikke")
    assert kari.is_visible()
