"""A citizen sends an idea through the public form and follows it, from the receipt
code, to the decision, the project it became and its measured benefit; on a phone (375 px),
with axe-core on every public page, in bokmål and in nynorsk."""

import re

import pytest
from playwright.sync_api import expect

from ideer.models import Innspill
from offentlig.tests.data import lag_kjede
from tests.browser.conftest import _ny_side, som_om_det_tok_tid
from tests.browser.test_smal_skjerm import BOKSER
from tests.browser.test_uu import beskriv, kjor_axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _sjekk(side, funn: list[str], sprak: str) -> None:
    """axe-core, the page's language, and no sideways scrolling at 375 px."""
    side.wait_for_load_state()
    brudd = kjor_axe(side)
    if brudd:
        funn.append(f"{sprak} {side.url}: {beskriv(brudd)}")
    if side.locator("html").get_attribute("lang") != sprak:
        funn.append(f"{sprak} {side.url}: lang={side.locator('html').get_attribute('lang')}")
    bredde, vindu = side.evaluate("() => [document.documentElement.scrollWidth, innerWidth]")
    if bredde > vindu:
        funn.append(f"{sprak} {side.url}: {bredde} px bred i et vindu på {vindu} px")
    for boks in side.evaluate(BOKSER):
        if not (boks["boks"] and boks["fokuserbar"] and boks["navn"]):
            funn.append(f"{sprak} {side.url}: tabellen «{boks['tabell']}» mangler rulleboks")


def test_innbygger_folger_ideen_til_malt_gevinst(
    nettleser, live_server, request, portefolje, klg, leder, seksjon
):
    context, side = _ny_side(
        nettleser, live_server, request, bypass_csp=True, viewport={"width": 375, "height": 800}
    )
    funn: list[str] = []

    # 1. The public form, in plain language, and the receipt with its code.
    side.goto("/innspill/ny/")
    _sjekk(side, funn, "nb")
    side.get_by_label("Ideen din med få ord").fill("Lys langs skoleveien")
    side.get_by_label("Hva er behovet eller problemet?").fill(
        "Veien til skolen er mørk om morgenen fra oktober til mars."
    )
    som_om_det_tok_tid(side)
    side.get_by_role("button", name=re.compile("Send")).click()
    side.wait_for_load_state()
    kode = re.search(r"/innspill/([^/]+)/$", side.url).group(1)
    kvittering = side.url
    _sjekk(side, funn, "nb")
    expect(side.get_by_text("Dette ble ideen din til")).to_have_count(0)

    # 2. The municipality decides, and the idea becomes a project with a measured benefit.
    kjede = lag_kjede(
        portefolje=portefolje,
        klg=klg,
        leder=leder,
        seksjon=seksjon,
        innspill=Innspill.objects.get(kode=kode),
    )

    # 3. The citizen comes back with the code and follows the links.
    side.goto(kvittering)
    expect(side.get_by_role("heading", name="Dette ble ideen din til")).to_be_visible()
    _sjekk(side, funn, "nb")
    side.get_by_role("link", name=re.compile("Beslutning .* Ja: det blir et prosjekt")).click()
    expect(side.get_by_role("heading", level=1)).to_have_text("Trygg skolevei med lys")
    expect(side.get_by_text("Tryggere skolevei for mange barn, til lav kostnad.")).to_be_visible()
    _sjekk(side, funn, "nb")
    side.get_by_role("link", name="Lys på skoleveien").click()
    expect(side.get_by_role("heading", level=1)).to_have_text("Lys på skoleveien")
    expect(side.get_by_text("Noen avvik fra planen").first).to_be_visible()
    rad = side.get_by_role("row", name=re.compile("Barn som går eller sykler"))
    expect(rad).to_contain_text("50 % av målet")
    _sjekk(side, funn, "nb")

    # 4. The lists: search and filter, and a search the page cannot use.
    side.get_by_role("link", name="Resultater").first.click()
    side.get_by_role("searchbox", name="Søk").fill("skolevei")
    side.get_by_role("combobox", name="Tema").select_option(label="Anlegg")
    side.get_by_role("button", name="Søk", exact=True).click()
    expect(side.get_by_role("link", name="Lys på skoleveien")).to_be_visible()
    _sjekk(side, funn, "nb")
    side.get_by_role("link", name="Beslutninger").first.click()
    _sjekk(side, funn, "nb")
    side.goto("/resultater/?seksjon=finnes-ikke")
    expect(side.get_by_text("Vi kjenner ikke den seksjonen")).to_be_visible()
    _sjekk(side, funn, "nb")
    # An exempt project reached by its address: «not found», nothing more.
    svar = side.goto(f"/resultater/prosjekter/{kjede.unntatt_prosjekt.pk}/")
    assert svar.status == 404

    # 5. The same pages in nynorsk.
    context.add_cookies([{"name": "django_language", "value": "nn", "url": live_server.url}])
    for sti in [
        "/innspill/ny/",
        kvittering,
        "/resultater/",
        "/resultater/beslutninger/",
        f"/resultater/prosjekter/{kjede.prosjekt.pk}/",
        f"/resultater/beslutninger/{kjede.beslutning.pk}/",
        "/resultater/?tema=romfart",
    ]:
        side.goto(sti)
        _sjekk(side, funn, "nn")
    side.goto(f"/resultater/prosjekter/{kjede.prosjekt.pk}/")
    expect(side.get_by_text("Gjennomføring: arbeidet går føre seg")).to_be_visible()
    context.close()
    assert not funn, "\n".join(funn)
