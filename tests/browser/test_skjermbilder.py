"""The README's pictures, taken from the real pages: what a person sees first, in a real browser.

Writes PNGs to the folder in SKJERMBILDER (default test-artifacts/skjermbilder/, ignored by git);
`make skjermbilder` points it at docs/bilder/, the pictures the README shows. Each picture is
taken only after the page shows the heading a person would look for, so a broken page fails the
test instead of ending up in the documentation.
"""

import os
import re
from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import expect

from tests.browser.conftest import logg_inn

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MAPPE = Path(
    os.environ.get("SKJERMBILDER") or Path(settings.BASE_DIR) / "test-artifacts" / "skjermbilder"
)
SKJERM = {"width": 1366, "height": 860}
MOBIL = {"width": 375, "height": 740}


def _ny_side(nettleser, live_server, request, viewport):
    context = nettleser.new_context(base_url=live_server.url, locale="nb-NO", viewport=viewport)
    side = context.new_page()
    request.node.nettleserside = side
    return context, side


def _ta_bilde(side, navn: str, overskrift: str):
    expect(side.get_by_role("heading", level=1)).to_have_text(overskrift)
    MAPPE.mkdir(parents=True, exist_ok=True)
    fil = MAPPE / f"{navn}.png"
    side.screenshot(path=str(fil))
    assert fil.stat().st_size > 10_000, f"{fil} ble nesten tomt"


def test_the_readme_pictures_show_the_pages_people_open_first(
    nettleser, live_server, demo, request
):
    context, side = _ny_side(nettleser, live_server, request, SKJERM)
    logg_inn(side, "klg")
    _ta_bilde(side, "startside", "Hei, Kari")
    # Through the main menu, as a person would: phase 4, Styre.
    side.get_by_role("navigation").get_by_role("link", name=re.compile(r"\bStyre\b")).click()
    side.get_by_role("link", name="Porteføljestatus", exact=True).click()
    expect(side.get_by_role("table").get_by_text("Grønn").first).to_be_visible()
    _ta_bilde(side, "prosjektoversikt", "Prosjektoversikt")
    context.close()

    # The public results need no login: a citizen's view.
    context, side = _ny_side(nettleser, live_server, request, SKJERM)
    side.goto("/resultater/")
    _ta_bilde(side, "resultater", "Hva kommunen har bestemt, og hva det ble til")
    context.close()

    # The same two pages on a phone: the overview's status table is a list of cards there.
    context, side = _ny_side(nettleser, live_server, request, MOBIL)
    logg_inn(side, "klg")
    _ta_bilde(side, "startside-mobil", "Hei, Kari")
    bredde, vindu = side.evaluate("() => [document.documentElement.scrollWidth, innerWidth]")
    assert bredde <= vindu, f"startsiden er {bredde} px bred på en skjerm på {vindu} px"
    side.get_by_role("button", name="Vis meny").click()
    side.get_by_role("navigation").get_by_role("link", name=re.compile(r"\bStyre\b")).click()
    side.get_by_role("link", name="Porteføljestatus", exact=True).click()
    expect(side.get_by_role("table").get_by_text("Grønn").first).to_be_visible()
    side.locator("#prosjektliste").scroll_into_view_if_needed()
    _ta_bilde(side, "prosjektoversikt-mobil", "Prosjektoversikt")
    bredde, vindu = side.evaluate("() => [document.documentElement.scrollWidth, innerWidth]")
    assert bredde <= vindu, f"oversikten er {bredde} px bred på en skjerm på {vindu} px"
    context.close()
