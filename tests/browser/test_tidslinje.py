"""The chair's journey through the timeline: which projects run when, which start
next, which are threatened by another's delay; a programme's page; axe; a phone's width."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import logg_inn
from tests.browser.test_uu import kjor_axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_chair_sees_the_timeline_opens_the_programme_and_the_late_dependency(side, demo):
    logg_inn(side, "helseleder")
    side.goto("/prosjekter/")
    side.get_by_role("link", name="Tidslinje", exact=True).click()
    expect(side.get_by_role("heading", name="Porteføljetidslinje")).to_be_visible()
    tabell = side.locator("#tidslinjetabell")
    # Which run when, which start next, which are threatened, in words in the table.
    expect(tabell.get_by_role("link", name=re.compile("P-2025-001"))).to_be_visible()
    expect(tabell).to_contain_text("Foreslått oppstart")
    expect(side.locator("main strong", has_text="1 forsinket avhengighet")).to_be_visible()
    # The picture: each project a link that the keyboard reaches and Enter opens.
    lenke = side.locator("svg.tidslinje-svg a.tl-rad", has_text="P-2026-101")
    expect(lenke).to_have_accessible_name(re.compile("1 forsinket avhengighet"))
    lenke.focus()
    side.keyboard.press("Enter")
    expect(side.get_by_role("heading", name=re.compile("Felles vikarpool"))).to_be_visible()
    avhengigheter = side.locator("#avhengigheter").locator("..")
    expect(avhengigheter).to_contain_text("Forsinket")
    # Zoom to quarters and back.
    side.go_back()
    side.get_by_role("link", name="Kvartaler").click()
    expect(side.locator("svg.tidslinje-svg")).to_contain_text(re.compile(r"K\d 20\d\d"))
    # The programme from the table.
    side.locator("#tidslinjetabell").get_by_role(
        "link", name="Heltid og velferdsteknologi"
    ).first.click()
    expect(
        side.get_by_role("heading", name=re.compile("Heltid og velferdsteknologi"))
    ).to_be_visible()
    expect(side.get_by_text(re.compile("den dårligste siste publiserte statusen"))).to_be_visible()
    varsel = side.get_by_role("status").filter(has_text="forsinket avhengighet")
    expect(varsel).to_contain_text("P-2026-101")
    varsel.get_by_role("link", name=re.compile("P-2026-101")).click()
    expect(side).to_have_url(re.compile(r"/prosjekter/\d+/#avhengigheter$"))


def test_no_serious_accessibility_violations_on_the_timeline_and_programme(uu_side, demo):
    from prosjekter.models import Program, Prosjekt

    logg_inn(uu_side, "helseleder")
    program = Program.objects.get(navn="Heltid og velferdsteknologi")
    vikarpool = Prosjekt.objects.get(nummer="P-2026-101")
    feil = {}
    for adresse in [
        "/prosjekter/tidslinje/",
        "/prosjekter/tidslinje/?zoom=kvartal",
        "/prosjekter/tidslinje/?portefolje=999999",  # the refused filter, with its message
        "/prosjekter/programmer/",
        program.get_absolute_url(),
        vikarpool.get_absolute_url(),
    ]:
        uu_side.goto(adresse)
        brudd = kjor_axe(uu_side)
        if brudd:
            feil[adresse] = [(b["id"], b["help"]) for b in brudd]
    assert not feil, feil


def test_the_timeline_scrolls_in_its_own_box_on_a_phone(nettleser, live_server, demo, request):
    from prosjekter.models import Program

    context = nettleser.new_context(
        base_url=live_server.url, locale="nb-NO", viewport={"width": 375, "height": 800}
    )
    side = context.new_page()
    request.node.nettleserside = side
    logg_inn(side, "helseleder")
    program = Program.objects.get(navn="Heltid og velferdsteknologi")
    for adresse in ["/prosjekter/tidslinje/", program.get_absolute_url()]:
        side.goto(adresse)
        scroll, inner = side.evaluate(
            "() => [document.documentElement.scrollWidth, window.innerWidth]"
        )
        assert scroll <= inner, f"{adresse}: {scroll} px bred i et vindu på {inner} px"
    context.close()
