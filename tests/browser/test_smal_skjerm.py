"""Pages that fit the screen: a phone (375 px) never scrolls sideways, a laptop (1366 px) never
cuts a table, and the top bar keeps to one line from 1280 px.

The project list was once 1,099 px wide at 375 px, the status view 1,208 px; at 1366 px the
overview lost «Siste status», the status view «Rapportert» and the dashboard's risk map
consequence 4–5, while the page left wide empty margins. Every wide table sits in a scroll
container that a keyboard can reach (tabindex) and that is named after the table (its caption),
and the page itself keeps to the screen's width. On a phone the meeting's scores, the project
status table and the timeline are lists of cards instead.
"""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import logg_inn

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LISTESIDER = [
    "/",
    "/ideer/",
    "/konseptnotater/",
    "/portefoljer/",
    "/portefoljer/klg/",
    "/prosjekter/",
    "/prosjekter/?visning=status",
    "/prosjekter/?visning=okonomi",
    "/prosjekter/ressurser/",
    "/prosjekter/risiko/",
    "/prosjekter/gevinster/",
    "/prosjekter/tidslinje/",
    "/rapporter/dashbord/",
]

# For each scroll box around a table: is it focusable, and is it named?
BOKSER = """() => Array.from(document.querySelectorAll('table')).map(t => {
  const boks = t.closest('.table-responsive');
  return {
    tabell: (t.caption && t.caption.textContent.trim()) || t.outerHTML.slice(0, 80),
    boks: !!boks,
    fokuserbar: !!boks && boks.tabIndex === 0,
    navn: !!boks && !!(boks.getAttribute('aria-labelledby') || boks.getAttribute('aria-label')),
  };
})"""

# Each table a person sees, and whether its box cuts it: wider than the box it sits in.
KUTTEDE = """() => Array.from(document.querySelectorAll('main table')).filter(t => t.offsetParent)
  .map(t => {
    const boks = t.closest('.table-responsive') || t.parentElement;
    return {tabell: (t.caption && t.caption.textContent.trim()) || t.id || 'uten navn',
            bredde: t.scrollWidth, plass: boks.clientWidth};
  }).filter(t => t.bredde > t.plass + 1)"""

# Whether a table is shown as cards: its body rows laid out as blocks, no wider than the box.
SOM_KORT = """(tabell) => {
  const boks = tabell.closest('.table-responsive') || tabell.parentElement;
  const rad = tabell.tBodies[0].rows[0];
  const celle = rad.querySelector('td[data-etikett]');
  return {kort: getComputedStyle(rad).display === 'flex', bredde: tabell.scrollWidth,
          plass: boks.clientWidth,
          etikett: celle ? getComputedStyle(celle, '::before').content : ''};
}"""


def _ny_side(nettleser, live_server, request, bredde):
    context = nettleser.new_context(
        base_url=live_server.url, locale="nb-NO", viewport={"width": bredde, "height": 800}
    )
    side = context.new_page()
    request.node.nettleserside = side
    return context, side


def _sidens_feil(side, adresse, bredde):
    feil = []
    scroll, inner = side.evaluate("() => [document.documentElement.scrollWidth, innerWidth]")
    if scroll > inner:
        feil.append(f"{adresse}: siden er {scroll} px bred i et vindu på {inner} px")
    for boks in side.evaluate(BOKSER):
        if not (boks["boks"] and boks["fokuserbar"] and boks["navn"]):
            feil.append(f"{adresse}: tabellen «{boks['tabell']}» mangler rulleboks med navn")
    if bredde >= 1366:
        for t in side.evaluate(KUTTEDE):
            feil.append(f"{adresse}: «{t['tabell']}» er {t['bredde']} px i {t['plass']} px")
    return feil


@pytest.mark.parametrize("bredde", [375, 1366])
def test_list_pages_never_scroll_sideways_and_no_table_is_cut_at_1366(
    nettleser, live_server, demo, request, bredde
):
    context, side = _ny_side(nettleser, live_server, request, bredde)
    logg_inn(side, "klg")
    feil = []
    for adresse in LISTESIDER:
        side.goto(adresse)
        side.wait_for_load_state()
        feil += _sidens_feil(side, adresse, bredde)
    context.close()
    assert not feil, "\n".join(feil)


def test_the_project_manager_sees_her_pages_whole_at_1366(nettleser, live_server, demo, request):
    """Her own project page (every table on it, the folded ones opened) and the status view."""
    context, side = _ny_side(nettleser, live_server, request, 1366)
    logg_inn(side, "prosjektleder")
    feil = []
    side.goto("/prosjekter/?visning=mine")
    side.locator("#prosjektliste tbody").get_by_role("link").first.click()
    side.wait_for_load_state()
    # The long page has its in-page navigation; the timeline's table is folded under the picture.
    meny = side.get_by_role("navigation", name="Prosjektets deler")
    expect(meny.get_by_role("link", name="Risiko")).to_be_visible()
    fold = side.locator("details.diagramtabell").filter(has_text="Tidslinjen som tabell")
    expect(fold.locator("table")).to_be_hidden()
    fold.locator("summary").click()
    expect(fold.locator("table")).to_be_visible()
    feil += _sidens_feil(side, side.url, 1366)
    side.goto("/prosjekter/")
    side.get_by_role("link", name="Porteføljestatus", exact=True).click()
    side.wait_for_load_state()
    expect(side.get_by_role("columnheader", name=re.compile("Rapportert"))).to_be_visible()
    feil += _sidens_feil(side, side.url, 1366)
    context.close()
    assert not feil, "\n".join(feil)


def test_on_a_phone_scores_status_and_timeline_are_cards(nettleser, live_server, demo, request):
    context, side = _ny_side(nettleser, live_server, request, 375)
    logg_inn(side, "klg")
    funn = {}

    side.goto("/portefoljer/klg/")
    side.get_by_role("link", name=re.compile("KLG porteføljemøte, november")).first.click()
    side.wait_for_load_state()
    poeng = side.locator("#resultat table")
    expect(poeng.first).to_be_visible()
    funn["møtets vurderinger"] = [poeng.nth(i).evaluate(SOM_KORT) for i in range(poeng.count())]

    side.get_by_role("button", name="Vis meny").click()
    side.get_by_role("link", name=re.compile(r"\bStyre\b")).click()
    side.get_by_role("link", name="Porteføljestatus", exact=True).click()
    side.wait_for_load_state()
    funn["statustabellen"] = [side.locator("#prosjektliste table").evaluate(SOM_KORT)]

    side.get_by_role("link", name="Tidslinje", exact=True).click()
    side.wait_for_load_state()
    funn["tidslinjen"] = [side.locator("#tidslinjetabell").evaluate(SOM_KORT)]
    scroll = side.evaluate("() => document.documentElement.scrollWidth")
    context.close()

    feil = [
        f"{navn}: {t}"
        for navn, tabeller in funn.items()
        for t in tabeller
        if not t["kort"] or t["bredde"] > t["plass"] or t["etikett"] in ("", "none")
    ]
    assert not feil, "\n".join(feil)
    assert scroll <= 375


def test_the_top_bar_is_one_line_at_1280_with_the_language_in_the_user_menu(
    nettleser, live_server, demo, request
):
    """The most unread notifications (utvikler), then the longest name (klg)."""
    context, side = _ny_side(nettleser, live_server, request, 1280)
    meny = side.get_by_role("navigation", name="Hovedmeny")
    for brukernavn in ("utvikler", "klg"):
        context.clear_cookies()
        logg_inn(side, brukernavn)
        hoyde, scroll = side.evaluate(
            "() => [document.querySelector('.portal-header nav').getBoundingClientRect().height,"
            " document.documentElement.scrollWidth]"
        )
        linjer = {
            round(meny.get_by_role("link", name=re.compile(navn)).first.bounding_box()["y"])
            for navn in ("Start", "Samle", "Styre", "Varsler")
        }
        assert hoyde <= 64 and scroll <= 1280, (
            f"{brukernavn}: topplinjen {hoyde} px, siden {scroll} px"
        )
        assert len(linjer) == 1, f"{brukernavn}: menyen brøt over flere linjer: {linjer}"

    # The written language: in the user menu, and in the footer.
    expect(meny.get_by_role("group", name="Skriftspråk")).to_be_hidden()
    side.get_by_role("button", name=demo["brukere"]["klg"].get_full_name()).click()
    meny.get_by_role("group", name="Skriftspråk").get_by_role(
        "button", name="Norsk nynorsk"
    ).click()
    side.wait_for_load_state()
    expect(side.locator("html")).to_have_attribute("lang", "nn")
    bunn = side.get_by_role("contentinfo").get_by_role("group", name="Skriftspråk")
    bunn.get_by_role("button", name="Norsk bokmål").click()
    side.wait_for_load_state()
    expect(side.locator("html")).to_have_attribute("lang", "nb")
    context.close()
