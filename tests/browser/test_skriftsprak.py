"""Bokmål and nynorsk in a real browser: a citizen switches on a public
page with the buttons every page shows, and every public page holds universal design in
nynorsk too (axe-core, also the public form sent empty)."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.test_uu import beskriv, kjor_axe
from tests.urlkart import adresse, regler, vandringens_ruter

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Public pages with nothing to show a reader (POST-only, JSON, a redirect).
IKKE_SIDER = {"set_language", "logout", "helse"}


def test_a_citizen_switches_to_nynorsk_and_back_on_the_public_form(side):
    side.goto("/innspill/ny/")
    expect(side.locator("html")).to_have_attribute("lang", "nb")
    expect(side.get_by_role("heading", level=1)).to_have_text("Send en idé til Øvre Eiker kommune")

    sprakvalg = side.get_by_role("group", name="Skriftspråk")
    expect(sprakvalg.get_by_role("button", name="Norsk bokmål")).to_have_attribute(
        "aria-current", "true"
    )
    sprakvalg.get_by_role("button", name="Norsk nynorsk").click()
    side.wait_for_load_state()

    expect(side).to_have_url(re.compile(r"/innspill/ny/$"))
    expect(side.locator("html")).to_have_attribute("lang", "nn")
    expect(side.get_by_role("heading", level=1)).to_have_text("Send ein idé til Øvre Eiker kommune")
    expect(side.get_by_label("Kva er behovet eller problemet?")).to_be_visible()

    # The choice follows the citizen to the next page.
    side.get_by_role("link", name="Personvern", exact=True).click()
    side.wait_for_load_state()
    expect(side.locator("html")).to_have_attribute("lang", "nn")
    expect(side.get_by_role("heading", level=1)).to_have_text(
        "Slik handsamar vi personopplysningane dine"
    )

    side.get_by_role("group", name="Skriftspråk").get_by_role("button", name="Norsk bokmål").click()
    side.wait_for_load_state()
    expect(side.locator("html")).to_have_attribute("lang", "nb")
    expect(side.get_by_role("heading", level=1)).to_have_text(
        "Slik behandler vi personopplysningene dine"
    )


def test_every_public_page_holds_universal_design_in_nynorsk(uu_side, demo):
    regelverk = regler()
    sider = []
    for rute in vandringens_ruter():
        if rute.navn not in regelverk.offentlige or rute.navn in IKKE_SIDER:
            continue
        url = adresse(rute, regelverk, demo)
        if url is not None:
            sider.append((rute.navn, url))
    assert ("ideer:offentlig-ny", "/innspill/ny/") in sider

    uu_side.goto("/innspill/ny/")
    uu_side.get_by_role("button", name="Norsk nynorsk").click()
    uu_side.wait_for_load_state()

    funn, sjekket = [], []
    for navn, url in sider:
        svar = uu_side.goto(url)
        if svar is None or svar.status != 200 or "html" not in svar.headers["content-type"]:
            continue
        if uu_side.locator("html").get_attribute("lang") != "nn":
            funn.append(f"{navn} ({url}): ikke på nynorsk")
        brudd = kjor_axe(uu_side)
        if brudd:
            funn.append(f"{navn} ({url}): {beskriv(brudd)}")
        sjekket.append(url)

    # The public form with its validation errors, in nynorsk.
    uu_side.goto("/innspill/ny/")
    uu_side.locator("main form[method='post' i] button[type='submit']").last.click()
    uu_side.wait_for_load_state()
    expect(uu_side.locator(".invalid-feedback").first).to_be_visible()
    brudd = kjor_axe(uu_side)
    if brudd:
        funn.append(f"det opne skjemaet sendt tomt: {beskriv(brudd)}")

    print(f"\naxe-core på nynorsk: {len(sjekket)} offentlige sider og skjemaet sendt tomt")
    assert len(sjekket) >= 4, sjekket
    assert not funn, "\n".join(funn)
