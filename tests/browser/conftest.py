"""Playwright (sync API) driving Debian's Chromium against pytest-django's live server.

No browser is ever downloaded: Chromium comes from apt (`make browser`) and is launched by path.
A failing test leaves a screenshot and the page's HTML in test-artifacts/ and names them in its
report, for whoever reads the CI log.
"""

import os
import re
import shutil
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connections

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
# Without these, Chromium in a closed network hangs on update checks, QUIC and sync.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTEFAKTER = Path(settings.BASE_DIR) / "test-artifacts"
AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
DEMO_PASSORD = "demo"


def pytest_collection_modifyitems(items):
    for item in items:
        if "/tests/browser/" in str(item.path).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="package")
def nettleser(django_db_setup):
    """One Chromium for the browser tests a process runs, started after the test database is ready.

    Shared by the tests of this package and closed before the process runs any other test: while
    Playwright's event loop runs, Django's connection handler (an asgiref Local) hands out other
    connection objects than the ones pytest-django wraps in a transaction for an ordinary test.
    The browser tests are transactional (live_server asks for it), so they do not mind.
    """
    if not shutil.which(CHROMIUM) and not Path(CHROMIUM).exists():
        pytest.fail(
            f"Fant ikke Chromium på {CHROMIUM}: kjør `make browser` (apt-get install chromium)"
        )
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; Django's guard against ORM calls
    # from async code would then refuse the tests' own (synchronous) database work.
    tidligere = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
        # ORM calls made while the loop ran opened connections of their own: close them, or
        # the test database cannot be dropped at the end of the run.
        connections.close_all()
    if tidligere is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = tidligere


@pytest.fixture
def raske_passord(settings):
    # demo_data sets seven passwords: the production hasher would cost seconds per test.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def demo(transactional_db, raske_passord):
    """Demo data, committed so the live server's thread sees it."""
    from tests.urlkart import lag_demo_data

    return lag_demo_data()


def _ny_side(nettleser, live_server, request, **kontekst):
    context = nettleser.new_context(base_url=live_server.url, locale="nb-NO", **kontekst)
    context.set_default_timeout(10_000)
    side = context.new_page()
    side.csp_brudd = []
    side.on(
        "console",
        lambda melding: (
            side.csp_brudd.append(melding.text)
            if "Content Security Policy" in melding.text
            else None
        ),
    )
    request.node.nettleserside = side
    return context, side


@pytest.fixture
def side(nettleser, live_server, request):
    """A fresh page with the CSP enforced; the test fails if the page broke the CSP."""
    context, side = _ny_side(nettleser, live_server, request)
    yield side
    context.close()
    assert not side.csp_brudd, "Brudd på Content Security Policy:\n" + "\n".join(side.csp_brudd)


@pytest.fixture
def uu_side(nettleser, live_server, request):
    """A page that lets injected scripts run (bypass_csp), for axe-core."""
    context, side = _ny_side(nettleser, live_server, request, bypass_csp=True)
    yield side
    context.close()


def som_om_det_tok_tid(side) -> None:
    """The public form refuses answers sent faster than a person types: date the form's
    signed timestamp as if it had been open a while, instead of making the test wait."""
    from ideer.forms.innspill import MIN_SEKUNDER, lag_tidsstempel

    stempel = lag_tidsstempel(time.time() - MIN_SEKUNDER - 1)
    side.locator("input[name='tidsstempel']").evaluate("(felt, v) => { felt.value = v; }", stempel)


def logg_inn(side, brukernavn: str, passord: str = DEMO_PASSORD):
    side.goto("/konto/login/")
    side.get_by_label("Brukernavn").fill(brukernavn)
    side.get_by_label("Passord").fill(passord)
    side.get_by_role("button", name="Logg inn", exact=True).click()
    side.wait_for_load_state()


def logg_ut(side, fullt_navn: str):
    """Open the user menu (named after the person) and log out."""
    side.get_by_role("button", name=fullt_navn).click()
    side.get_by_role("button", name="Logg ut").click()
    side.wait_for_load_state()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    rapport = yield
    side = getattr(item, "nettleserside", None)
    side_er_aapen = side is not None and not side.is_closed()
    if rapport.failed and rapport.when in ("call", "teardown") and side_er_aapen:
        ARTEFAKTER.mkdir(exist_ok=True)
        navn = re.sub(r"[^A-Za-z0-9_.-]+", "_", item.nodeid)[-150:]
        bilde, html = ARTEFAKTER / f"{navn}.png", ARTEFAKTER / f"{navn}.html"
        try:
            side.screenshot(path=str(bilde), full_page=True)
            html.write_text(side.content(), encoding="utf-8")
            tekst = f"Skjermbilde: {bilde}\nHTML: {html}\nAdresse: {side.url}"
        except Exception as feil:  # the page may be gone; say so rather than hide the test
            tekst = f"Kunne ikke lagre skjermbilde/HTML: {feil}"
        rapport.sections.append(("nettleserspor", tekst))
        print(f"\n[nettleserspor] {item.nodeid}\n{tekst}")
    return rapport
