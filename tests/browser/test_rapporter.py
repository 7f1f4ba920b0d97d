"""The chair's reporting journey on a phone (375 px): from the portfolio's page to its dashboard,
order a portfolio report, watch it being made (htmx polls the progress), download PDF and Word.
axe-core checks each page on the way, and no page scrolls sideways."""

import pytest

from tests.browser.conftest import logg_inn
from tests.browser.test_uu import beskriv, kjor_axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _sjekk_side(side, feil, hva):
    # Not the hover or focus state of the last link clicked: the page as it rests.
    side.mouse.move(0, 0)
    side.evaluate("() => document.activeElement && document.activeElement.blur()")
    scroll, inner = side.evaluate("() => [document.documentElement.scrollWidth, innerWidth]")
    if scroll > inner:
        feil.append(f"{hva}: siden er {scroll} px bred i et vindu på {inner} px")
    brudd = kjor_axe(side)
    if brudd:
        feil.append(f"{hva}: {beskriv(brudd)}")


def test_the_chair_opens_the_dashboard_orders_a_report_and_downloads_it(
    nettleser, live_server, demo, request, monkeypatch, tmp_path, settings
):
    from rapporter import tasks

    settings.MEDIA_ROOT = tmp_path
    settings.CELERY_TASK_ALWAYS_EAGER = False
    koe = []  # the broker: the test plays the worker, so the page has time to show progress
    monkeypatch.setattr(tasks.lag_portefoljerapport, "delay", koe.append)

    context = nettleser.new_context(
        base_url=live_server.url,
        locale="nb-NO",
        viewport={"width": 375, "height": 800},
        bypass_csp=True,  # lets axe-core be injected
        accept_downloads=True,
    )
    context.set_default_timeout(15_000)
    side = context.new_page()
    request.node.nettleserside = side
    feil = []
    logg_inn(side, "helseleder")

    side.goto("/portefoljer/helse-og-omsorg/")
    side.get_by_role("link", name="Dashbord og rapporter").click()
    side.wait_for_load_state()
    assert side.get_by_role("heading", level=1).inner_text().startswith("Dashbord:")
    for overskrift in (
        "Status per dimensjon",
        "Prosjekter per fase",
        "Budsjett og prognose",
        "Gevinstrealisering over tid",
        "Risikokart",
        "Ressursbelastning per måned",
    ):
        assert side.get_by_role("heading", name=overskrift).is_visible()
    # Chart.js drew the charts; each one names its table.
    side.wait_for_function("() => document.querySelectorAll('canvas.diagram').length >= 5")
    assert side.locator("figure.diagram-figur a[href='#tabell-status']").count() == 1
    _sjekk_side(side, feil, "dashbord")

    side.get_by_role("link", name="Porteføljerapporter (PDF og Word)").click()
    side.wait_for_load_state()
    _sjekk_side(side, feil, "bestillingsside")
    side.get_by_role("textbox", name="Fra").fill("2026-01-01")
    side.get_by_role("textbox", name="Til").fill("2026-12-31")
    side.get_by_role("button", name="Bestill rapport").click()
    side.wait_for_load_state()
    assert "Venter på tur" in side.locator("#fremdrift").inner_text()
    _sjekk_side(side, feil, "fremdriftsside")

    # The worker takes the order; the page's next poll shows it ready, without a reload.
    assert len(koe) == 1
    tasks.lag_portefoljerapport(koe[0])
    side.get_by_text("Klar", exact=False).wait_for()
    with side.expect_download() as pdf:
        side.get_by_role("link", name="Last ned PDF").click()
    assert pdf.value.suggested_filename.endswith(".pdf")
    assert pdf.value.path().read_bytes()[:5] == b"%PDF-"
    with side.expect_download() as docx:
        side.get_by_role("link", name="Last ned Word-dokument").click()
    assert docx.value.suggested_filename.endswith(".docx")
    _sjekk_side(side, feil, "ferdig rapport")
    context.close()
    assert not feil, "\n".join(feil)
