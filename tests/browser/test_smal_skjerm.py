"""On a phone (375 px) the page never scrolls sideways: wide tables scroll in their own box.

The project list was once 1,099 px wide at 375 px, the status view 1,208 px. Every
wide table sits in a scroll container that a keyboard can reach (tabindex) and that is named
after the table (its caption), and the page itself keeps to the screen's width.
"""

import pytest

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


@pytest.mark.parametrize("bredde", [375, 1366])
def test_list_pages_never_scroll_sideways(nettleser, live_server, demo, request, bredde):
    context = nettleser.new_context(
        base_url=live_server.url, locale="nb-NO", viewport={"width": bredde, "height": 800}
    )
    side = context.new_page()
    request.node.nettleserside = side
    logg_inn(side, "klg")
    feil = []
    for adresse in LISTESIDER:
        side.goto(adresse)
        side.wait_for_load_state()
        scroll, inner = side.evaluate(
            "() => [document.documentElement.scrollWidth, window.innerWidth]"
        )
        if scroll > inner:
            feil.append(f"{adresse}: siden er {scroll} px bred i et vindu på {inner} px")
        for boks in side.evaluate(BOKSER):
            if not (boks["boks"] and boks["fokuserbar"] and boks["navn"]):
                feil.append(f"{adresse}: tabellen «{boks['tabell']}» mangler rulleboks med navn")
    context.close()
    assert not feil, "\n".join(feil)
