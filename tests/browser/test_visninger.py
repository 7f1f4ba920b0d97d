"""A leader shapes the project overview, saves it shared with her leader group, reloads it, and a
member opens it by its address; at 1366 px no column of the table is cut."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import logg_inn

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

VALGTE = ["Budsjett (kr)", "Fremdrift", "Økonomi"]
FJERNET = ["Portefølje", "Program", "Tilstand"]


def _overskrifter(side) -> list[str]:
    tekster = side.locator(".tabellvisning thead th").all_inner_texts()
    return [re.sub(r"\s*\(sorter\)$", "", t).strip() for t in tekster]


def _ingen_kolonne_kuttet(side) -> None:
    """Every heading lies inside the table's box, which does not scroll, and the page does not
    scroll sideways; the box is a labelled region the keyboard reaches."""
    boks = side.locator(".tabellvisning")
    expect(boks).to_have_attribute("tabindex", "0")
    expect(boks).to_have_attribute("role", "region")
    maal = side.evaluate(
        """() => {
            const boks = document.querySelector('.tabellvisning');
            const b = boks.getBoundingClientRect();
            const ths = [...boks.querySelectorAll('thead th')]
                .map(th => th.getBoundingClientRect());
            return {venstre: b.left, hoyre: b.right, rull: boks.scrollWidth - boks.clientWidth,
                    kanter: ths.map(r => [r.left, r.right]), vindu: window.innerWidth,
                    side: document.documentElement.scrollWidth};
        }"""
    )
    assert maal["side"] <= maal["vindu"], maal
    assert maal["rull"] <= 1, maal
    for venstre, hoyre in maal["kanter"]:
        assert venstre >= maal["venstre"] - 1 and hoyre <= maal["hoyre"] + 1, maal


def test_a_leader_saves_a_shared_view_and_a_member_opens_it_by_its_address(
    nettleser, live_server, demo, request
):
    kontekst = nettleser.new_context(
        base_url=live_server.url, locale="nb-NO", viewport={"width": 1366, "height": 900}
    )
    kontekst.set_default_timeout(10_000)
    side = kontekst.new_page()
    request.node.nettleserside = side
    logg_inn(side, "helseleder")
    side.goto("/prosjekter/")
    side.get_by_text("Filtrer, grupper og velg kolonner").click()
    side.locator("#kolonnevalg summary").click()
    for kolonne in VALGTE:
        side.locator("#kolonnevalg").get_by_label(kolonne, exact=True).check()
    for kolonne in FJERNET:
        side.locator("#kolonnevalg").get_by_label(kolonne, exact=True).uncheck()
    side.get_by_role("button", name="Vis disse kolonnene").click()
    for_flytting = _overskrifter(side)
    assert all(k in for_flytting for k in VALGTE)
    assert not any(k in for_flytting for k in FJERNET)
    # Move «Budsjett (kr)» up one place with the keyboard, as the column form offers it.
    side.get_by_role("button", name=re.compile(r"^Opp\W*Budsjett \(kr\)$")).focus()
    side.keyboard.press("Enter")
    side.wait_for_url(re.compile("#kolonnevalg$"))
    valgt = _overskrifter(side)
    i = for_flytting.index("Budsjett (kr)")
    assert valgt[i - 1 : i + 1] == [for_flytting[i], for_flytting[i - 1]]

    side.get_by_text("Lagre denne visningen").click()
    side.get_by_label("Navn på visningen").fill("Økonomi og fremdrift")
    side.get_by_label("Del med").select_option(label="Ledergruppe helse og omsorg")
    side.get_by_role("button", name="Lagre visningen").click()
    expect(side.get_by_text("Visningen «Økonomi og fremdrift» er lagret.")).to_be_visible()
    expect(side).to_have_url(re.compile(r"/prosjekter/\?visning=\d+$"))
    adresse = side.url

    side.reload()
    assert _overskrifter(side) == valgt
    _ingen_kolonne_kuttet(side)
    kontekst.close()

    kontekst = nettleser.new_context(
        base_url=live_server.url, locale="nb-NO", viewport={"width": 1366, "height": 900}
    )
    medlem = kontekst.new_page()
    request.node.nettleserside = medlem
    logg_inn(medlem, "initiativtaker")
    medlem.goto(adresse)
    expect(medlem.get_by_role("link", name="Økonomi og fremdrift", exact=True)).to_have_attribute(
        "aria-current", "page"
    )
    assert _overskrifter(medlem) == valgt
    expect(medlem.get_by_role("link", name=re.compile("Endre"))).to_have_count(0)
    _ingen_kolonne_kuttet(medlem)
    kontekst.close()
