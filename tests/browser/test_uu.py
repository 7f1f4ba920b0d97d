"""Universal design (WCAG 2.1 AA) in a real browser: axe-core on every page and form.

Which pages: everything in SIDER below (hand-picked, including forms showing validation errors),
plus every page the URL patterns give without arguments or with an example in some app's
tests/tilgang.py, opened as each user in SKANNES_SOM. Every page found with a post form in its
main content is scanned a second time after sending that form empty, so that the error state of
each new form is checked too. A page is born scanned as soon as its URL pattern exists.

axe-core comes from the npm registry (package.json, node_modules/axe-core); it is injected with
the Content Security Policy bypassed, since the portal's CSP rightly refuses injected scripts.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from tests.browser.conftest import AXE, logg_inn
from tests.urlkart import adresse, regler, vandringens_ruter

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

ALVORLIGE = {"serious", "critical"}
# Demo users the auto-discovery logs in as: the development team sees the most of Samle and
# Begrunne, klg chairs KLG (Velge), prosjektleder runs projects (Styre).
SKANNES_SOM = ["utvikler", "klg", "prosjektleder"]
# Never auto-visited: logging out would end the scan's session.
IKKE_BESOK = {"logout"}
# Each auto-discovered page is scanned once, as the first user in SKANNES_SOM who may open it;
# these pages differ so much per person that they are scanned for each of them.
PER_BRUKER = {"startside", "velge:detalj"}


def send_feil_passord(side):
    side.get_by_label("Brukernavn").fill("klg")
    side.get_by_label("Passord").fill("feil-passord")
    side.get_by_role("button", name="Logg inn", exact=True).click()


# A form a person can send: one folded away (e.g. «Erklær meg inhabil» in a closed <details>)
# or shown read-only without a button (a locked score form) cannot be sent empty.
KNAPP = "button[type='submit']:visible, input[type='submit']:visible"


def sendbare_skjemaer(side):
    return side.locator("main form[method='post' i]:visible").filter(has=side.locator(KNAPP))


def send_skjemaet_tomt(side):
    sendbare_skjemaer(side).first.locator(KNAPP).first.click()


@dataclass(frozen=True)
class Side:
    """One scan: a name for the report, who is logged in (None: anonymous), where, and what to
    do before scanning (e.g. send a form so its errors show)."""

    navn: str
    bruker: str | None
    sti: str
    handling: Callable | None = None


# Add pages here as phases land when the auto-discovery does not reach them (a form's error
# state after a specific action, a page that needs a query string, ...).
SIDER = [
    Side("innlogging", None, "/konto/login/"),
    Side("innlogging med feil passord", None, "/konto/login/", send_feil_passord),
    Side("innlogging uten utfylte felt", None, "/konto/login/", send_skjemaet_tomt),
    Side("glemt passord", None, "/konto/password_reset/"),
    Side("glemt passord uten e-post", None, "/konto/password_reset/", send_skjemaet_tomt),
    Side("tilgjengelighetserklæring", None, "/tilgjengelighet/"),
    Side("personvern", None, "/personvern/"),
    Side("offentlig skjema", None, "/innspill/ny/"),
    Side("offentlig skjema med feil", None, "/innspill/ny/", send_skjemaet_tomt),
    Side("side som ikke finnes", "ansatt", "/finnes-ikke/"),
    Side("bytt passord med feil", "ansatt", "/konto/password_change/", send_skjemaet_tomt),
    Side("idéskjema med feil", "ansatt", "/ideer/ny/", send_skjemaet_tomt),
    Side("nytt konseptnotat med feil", "initiativtaker", "/konseptnotater/ny/", send_skjemaet_tomt),
]


def kjor_axe(side) -> list[dict]:
    """Run axe-core on the current page; return the serious and critical violations."""
    if not side.evaluate("() => typeof window.axe !== 'undefined'"):
        side.add_script_tag(path=str(AXE))
    # Every rule runs; only the violations are collected (axe then lists one example node per
    # passed rule instead of all of them), which halves the time on a long table.
    resultat = side.evaluate(
        "async () => await window.axe.run(document, {resultTypes: ['violations']})"
    )
    return [v for v in resultat["violations"] if v["impact"] in ALVORLIGE]


def beskriv(brudd: list[dict]) -> str:
    deler = []
    for v in brudd:
        hvor = ", ".join(str(n["target"]) for n in v["nodes"][:3])
        deler.append(f"{v['id']} ({v['impact']}): {v['help']} – {hvor}")
    return "; ".join(deler)


# The walk in parts by the app whose view draws the page, so that two test processes share it.
# Within a part each page is still scanned once, as the first user in SKANNES_SOM who may open it.
DELER = {
    "Styre": {"prosjekter"},
    "Velge og rapporter": {"velge", "rapporter"},
}
RESTEN = "Samle, Begrunne og resten"


def del_av(rute) -> str:
    app = getattr(rute.visning, "__module__", "").split(".")[0]
    return next((navn for navn, apper in DELER.items() if app in apper), RESTEN)


def oppdagede_sider(demo, del_: str) -> list[tuple[Side, bool]]:
    """Every route of the part the walk knows a URL for, as each user in SKANNES_SOM: one
    user's pages after the other's, so that the browser signs in once per user, not once per
    page."""
    regelverk = regler()
    ruter = []
    for rute in vandringens_ruter():
        if rute.navn in IKKE_BESOK or rute.navn in regelverk.offentlige and rute.krever:
            continue
        if del_av(rute) != del_:
            continue
        url = adresse(rute, regelverk, demo)
        if url is not None:
            ruter.append((rute.navn, url, rute.navn in PER_BRUKER))
    funnet = []
    for bruker in SKANNES_SOM:
        for navn, url, per_bruker in ruter:
            funnet.append((Side(f"{navn} som {bruker}", bruker, url), per_bruker))
            funnet.append(
                (
                    Side(f"{navn} som {bruker}, sendt tomt", bruker, url, send_skjemaet_tomt),
                    per_bruker,
                )
            )
    return funnet


HEL_SIDE = re.compile(r"<!doctype html|<html\b", re.I)
POSTSKJEMA_I_MAIN = re.compile(r"<main\b.*<form\b[^>]*method=[\"']?post", re.S | re.I)


class Skanning:
    def __init__(self, side, klient):
        self.side = side
        self.klient = klient
        self.innlogget: str | None = None
        self.klient_som: str | None = None
        self.klientsvar: dict[tuple[str | None, str], str | None] = {}
        self.sjekket: list[str] = []
        self.funn: list[str] = []

    def bli(self, bruker: str | None):
        if bruker == self.innlogget:
            return
        self.side.context.clear_cookies()
        if bruker:
            logg_inn(self.side, bruker)
        self.innlogget = bruker

    def er_html_side(self, oppgave: Side) -> bool:
        """Ask Django's test client first: the browser need only open what gives 200 HTML."""
        html = self.html_fra_klienten(oppgave.bruker, oppgave.sti)
        if html is None:
            return False
        if oppgave.handling is send_skjemaet_tomt:
            return bool(POSTSKJEMA_I_MAIN.search(html))
        return True

    def html_fra_klienten(self, bruker: str | None, sti: str) -> str | None:
        """The page as the test client gets it, once per person and address (the page and the
        same page sent empty ask the same); None unless it is a whole HTML page with 200."""
        if (bruker, sti) not in self.klientsvar:
            if bruker != self.klient_som:
                self.klient.logout()
                if bruker:
                    self.klient.force_login(get_user_model().objects.get(username=bruker))
                self.klient_som = bruker
            svar = self.klient.get(sti)
            html = None
            if svar.status_code == 200 and "html" in svar.headers.get("Content-Type", ""):
                html = svar.content.decode()
            # An htmx fragment (a polled result table, a row) is scanned inside its page.
            if html is not None and not HEL_SIDE.search(html[:1000]):
                html = None
            self.klientsvar[(bruker, sti)] = html
        return self.klientsvar[(bruker, sti)]

    def skann(self, oppgave: Side, *, maa_finnes: bool) -> bool:
        """Scan one page; False when there was nothing to scan (not HTML, refused, no form)."""
        if not maa_finnes and not self.er_html_side(oppgave):
            return False
        self.bli(oppgave.bruker)
        try:
            svar = self.side.goto(oppgave.sti)
        except PlaywrightError as feil:
            self.funn.append(f"{oppgave.navn}: {oppgave.sti} kunne ikke åpnes: {feil.message}")
            return False
        er_html = svar is not None and "html" in (svar.headers.get("content-type") or "")
        if svar is None or not er_html:
            return False
        forventet_status = 404 if oppgave.sti == "/finnes-ikke/" else 200
        if svar.status != forventet_status:
            if maa_finnes and svar.status != 404:
                self.funn.append(f"{oppgave.navn}: {oppgave.sti} ga {svar.status}")
            return False
        if oppgave.handling is not None:
            if oppgave.handling is send_skjemaet_tomt and not self.har_postskjema():
                return False
            oppgave.handling(self.side)
            self.side.wait_for_load_state()
        brudd = kjor_axe(self.side)
        if brudd:
            self.funn.append(f"{oppgave.navn} ({self.side.url}): {beskriv(brudd)}")
        self.sjekk_bunntekst(oppgave)
        self.sjekket.append(f"{oppgave.navn}: {self.side.url}")
        return True

    def har_postskjema(self) -> bool:
        return sendbare_skjemaer(self.side).count() > 0

    def sjekk_bunntekst(self, oppgave: Side) -> None:
        lenke = self.side.get_by_role("contentinfo").get_by_role(
            "link", name="Tilgjengelighetserklæring"
        )
        if lenke.count() != 1 or lenke.get_attribute("href") != "/tilgjengelighet/":
            self.funn.append(
                f"{oppgave.navn}: bunnteksten lenker ikke til tilgjengelighetserklæringen"
            )


@pytest.mark.slow
def test_no_serious_or_critical_accessibility_violations_on_the_chosen_pages(uu_side, demo, client):
    skanning = Skanning(uu_side, client)
    for oppgave in SIDER:
        skanning.skann(oppgave, maa_finnes=True)
    _rapporter(skanning, minst=len(SIDER))


@pytest.mark.slow
@pytest.mark.parametrize("del_", [*DELER, RESTEN])
def test_no_serious_or_critical_accessibility_violations_on_any_page(uu_side, demo, client, del_):
    skanning = Skanning(uu_side, client)
    sett = {(s.sti, s.handling) for s in SIDER}
    for oppgave, per_bruker in oppdagede_sider(demo, del_):
        nokkel = (oppgave.sti, oppgave.handling) + ((oppgave.bruker,) if per_bruker else ())
        if nokkel in sett:
            continue
        if skanning.skann(oppgave, maa_finnes=False):
            sett.add(nokkel)
    _rapporter(skanning, minst=10)


def _rapporter(skanning: Skanning, *, minst: int) -> None:
    print(f"\naxe-core sjekket {len(skanning.sjekket)} sider og skjematilstander:")
    print("\n".join(f"  {s}" for s in skanning.sjekket))
    assert not skanning.funn, "\n".join(skanning.funn)
    assert len(skanning.sjekket) >= minst


def test_axe_finds_a_violation_when_there_is_one(uu_side, live_server):
    """The scan is not blind: an image without alt text and an unlabeled field are reported."""
    uu_side.goto(f"{live_server.url}/tilgjengelighet/")
    uu_side.evaluate(
        """() => { const m = document.querySelector('main');
                   m.insertAdjacentHTML('beforeend',
                     '<img src="/static/x.png"><input type="text">'); }"""
    )
    funnet = {v["id"] for v in kjor_axe(uu_side)}
    assert {"image-alt", "label"} <= funnet


# --- keyboard only


def fokusert(side) -> dict:
    return side.evaluate(
        """() => { const e = document.activeElement; const s = getComputedStyle(e);
                   return {id: e.id, navn: e.name || '', tag: e.tagName.toLowerCase(),
                           tekst: (e.innerText || '').trim().slice(0, 40),
                           synlig: s.outlineStyle !== 'none' && s.outlineWidth !== '0px'
                                   || s.boxShadow !== 'none'}; }"""
    )


@pytest.mark.parametrize("sti", ["/innspill/ny/", "/konto/login/"])
def test_keyboard_only_reaches_every_field_with_visible_focus(side, sti, demo):
    assert side.goto(sti).status == 200, sti

    hopp = side.get_by_role("link", name="Hopp til hovedinnhold")
    if side.evaluate("() => document.activeElement === document.body"):
        # Nothing focused yet: the very first Tab must land on the skip link.
        side.keyboard.press("Tab")
    else:
        # A field has autofocus (the login form's username): the skip link is still before it.
        for _ in range(15):
            if hopp.evaluate("e => e === document.activeElement"):
                break
            side.keyboard.press("Shift+Tab")
    expect(hopp).to_be_focused()
    expect(hopp).to_be_visible()
    side.keyboard.press("Enter")
    expect(side.locator("main")).to_be_focused()

    skjema = side.locator("main form[method='post' i]").first
    forventet = skjema.evaluate(
        """f => [...f.querySelectorAll('input, select, textarea, button')]
                .filter(e => e.type !== 'hidden' && e.tabIndex >= 0 && !e.disabled
                             && !e.closest('[aria-hidden="true"]') && e.offsetParent !== null)
                .map(e => e.id || e.name || e.innerText.trim())"""
    )
    assert forventet, "fant ingen felt i skjemaet"
    naadd, uten_synlig_fokus = [], []
    for _ in range(len(forventet) + 40):
        side.keyboard.press("Tab")
        felt = fokusert(side)
        navn = felt["id"] or felt["navn"] or felt["tekst"]
        if navn in forventet and navn not in naadd:
            naadd.append(navn)
            if not felt["synlig"]:
                uten_synlig_fokus.append(navn)
        if len(naadd) == len(set(forventet)):
            break
    # Radio buttons in one group are one Tab stop: reaching one of them is enough.
    radiogrupper = skjema.evaluate(
        """f => [...f.querySelectorAll('input[type=radio]')].map(e => [e.id, e.name])"""
    )
    for id_, gruppe in radiogrupper:
        if any(n in {i for i, g in radiogrupper if g == gruppe} for n in naadd):
            naadd.append(id_)
    mangler = [f for f in forventet if f not in naadd]
    assert not mangler, f"Tab når ikke: {mangler}"
    assert not uten_synlig_fokus, f"ingen synlig fokus på: {uten_synlig_fokus}"
    assert (
        re.search(r"submit|send|logg", " ".join(naadd), re.I)
        or skjema.locator("button[type='submit']").count() == 1
    )
    # The submit button is among what Tab reached.
    knapp = skjema.locator("button[type='submit'], input[type='submit']").first
    knapp_navn = knapp.evaluate("e => e.id || e.name || e.innerText.trim()")
    assert knapp_navn in naadd
