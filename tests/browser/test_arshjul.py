"""The chair's look at the year and back: KLG's chair sees the yearly
cycle on the portfolio page, opens the year, gets a clear message for dates in the wrong order,
and opens the look-back on whether the decisions delivered. axe-core on each page, and no
sideways scrolling on a 375 px phone."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.conftest import logg_inn
from tests.browser.test_smal_skjerm import BOKSER
from tests.browser.test_uu import beskriv, kjor_axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_chair_sees_the_cycle_sets_a_bad_date_and_opens_the_look_back(side, demo):
    logg_inn(side, "klg")
    side.goto("/portefoljer/klg/")
    arshjul = side.get_by_role("region", name="Årshjul")
    expect(arshjul.get_by_role("listitem").first).to_be_visible()

    arshjul.get_by_role("link", name="Hele årshjulet").click()
    expect(side.get_by_role("heading", level=1)).to_contain_text("Årshjul")
    neste = timezone.localdate().year + 1
    side.get_by_role("link", name=f"{neste} ›").click()
    expect(side).to_have_url(re.compile(rf"/portefoljer/klg/arshjul/{neste}/$"))
    expect(side.get_by_role("cell", name="Økonomiplanseminar for kommunestyret")).to_be_visible()

    # The budget proposal before the decision meeting: refused, with the reason at the field.
    side.get_by_label("Budsjettforslag").fill(f"{neste}-01-15")
    side.get_by_role("button", name="Lagre datoene").click()
    expect(
        side.locator("#id_budsjettforslag ~ .invalid-feedback, #error_1_id_budsjettforslag").first
    ).to_contain_text("kan ikke komme før")

    side.goto("/portefoljer/klg/")
    side.get_by_role("link", name="Tilbakeblikk: leverte beslutningene våre?").click()
    expect(side.get_by_role("heading", level=1)).to_contain_text("Beslutningskvalitet")
    expect(side.locator("#datagrunnlag")).to_contain_text("godkjente prosjekter")
    expect(side.locator("#tabell-skarband")).to_contain_text("Høy skår")
    expect(side.locator("canvas#beslutningskvalitet-skarband")).to_be_visible()


@pytest.mark.parametrize("bredde", [375, 1366])
def test_the_pages_pass_axe_and_keep_to_a_phones_width(
    nettleser, live_server, demo, request, bredde
):
    context = nettleser.new_context(
        base_url=live_server.url,
        locale="nb-NO",
        viewport={"width": bredde, "height": 800},
        bypass_csp=True,
    )
    side = context.new_page()
    request.node.nettleserside = side
    logg_inn(side, "klg")
    ar = timezone.localdate().year + 1
    feil = []
    for adresse in [
        "/portefoljer/klg/",
        f"/portefoljer/klg/arshjul/{ar}/",
        "/rapporter/beslutningskvalitet/",
        "/rapporter/beslutningskvalitet/?portefolje=helse-og-omsorg",
    ]:
        side.goto(adresse)
        side.wait_for_load_state()
        if brudd := kjor_axe(side):
            feil.append(f"{adresse}: {beskriv(brudd)}")
        scroll, inner = side.evaluate(
            "() => [document.documentElement.scrollWidth, window.innerWidth]"
        )
        if scroll > inner:
            feil.append(f"{adresse}: siden er {scroll} px bred i et vindu på {inner} px")
        for boks in side.evaluate(BOKSER):
            if not (boks["boks"] and boks["fokuserbar"] and boks["navn"]):
                feil.append(f"{adresse}: tabellen «{boks['tabell']}» mangler rulleboks med navn")
    # The year page with the form's error state.
    side.goto(f"/portefoljer/klg/arshjul/{ar}/")
    side.get_by_label("Budsjettforslag").fill(f"{ar}-01-15")
    side.get_by_role("button", name="Lagre datoene").click()
    side.wait_for_load_state()
    if brudd := kjor_axe(side):
        feil.append(f"årshjul med feil: {beskriv(brudd)}")
    context.close()
    assert not feil, "\n".join(feil)
