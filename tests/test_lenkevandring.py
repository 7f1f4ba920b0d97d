"""The link walk: every link a person can click, followed as every demo role (GET only).

The permission walk (test_tilgangsvandring.py) calls each URL pattern directly; this walk starts
where a person starts (the start page, or the public pages for someone not logged in) and follows
the `<a href>` the pages render, breadth first, with Django's test client. It fails on

- a malformed link (`??side=2`, an unrendered `{{ … }}`/`{% … %}`, `None` where an id belongs),
- a server error, or a link that leads to a missing page (404) or a refusal (403): no page
  renders a link its viewer may not follow,
- a «next page» link (`side=N`) that shows another page than N (page 1 again, say),
- a link whose query string differs from the page it is on, but that renders the very same page
  (sorting or «Next 13 weeks» that does nothing),
- an export link (`eksport=…`) that answers with an HTML page instead of a file,
- English left in the interface, or Django's empty choice «---------», on any page it renders,
- a logged-in role that never reaches a project's page or a programme's (every employee reads
  the portfolio's projects).

It is bounded: one example per URL pattern and query shape (the names of the query parameters,
and whether it asks for a later page), at most `VARIANTER_PER_SIDE` shapes per pattern besides
its export and «next page» links, at most `SIDER_PER_ROLLE` pages per role. Django's admin is
opened at its index, each app's index and each model's list (no filters), not deeper; logout and
POST-only addresses are never followed.
"""

import re
from collections import Counter, deque
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urljoin, urlsplit

import pytest
from django.core.paginator import Page
from django.test import Client
from django.urls import Resolver404, resolve

from tests.urlkart import hver_pdf_en_gang, lag_demo_data

ROLLER = [
    "admin",
    "ansatt",
    "initiativtaker",
    "utvikler",
    "klg",
    "helseleder",
    "prosjektleder",
]
# What every logged-in role must reach through the links (a path, without a query string).
LESES_AV_ALLE = {
    "prosjektside": r"/prosjekter/\d+/",
    "programside": r"/prosjekter/programmer/\d+/",
}
ANONYM_START = ["/", "/innspill/ny/", "/tilgjengelighet/", "/personvern/"]
SIDER_PER_ROLLE = 400
VARIANTER_PER_SIDE = 4

# Never followed: they end the session or only take POST.
IKKE_FOLG = re.compile(r"^/(konto/logout/|i18n/|static/|media/)")
# Django's admin: the index, an app's index and a model's list, without filters.
ADMIN_TILLATT = re.compile(r"^/admin/([a-z_]+/([a-z_]+/)?)?$")

# Known English leftovers and Django's empty choice. Matched in the
# visible text of a page (tags, scripts and attributes stripped), case-sensitive.
ENGELSKE_REST = [
    "(descending)",
    "(ascending)",
    "Toggle theme",
    "Start typing to filter",
    "Access attempts",
    "Access logs",
    "Access failures",
    "hours behind server time",
    "hours ahead of server time",
    "hour behind server time",
    "hour ahead of server time",
    "---------",
    "Ihht.",
    "(Lavere er bedre (",
    "Medium",
    "påkrevet",
    "Tjenesteområde",
    "tjenesteområde",
]


class LenkeLeser(HTMLParser):
    """Collects the links of a page and its visible text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lenker: list[str] = []
        self.tekst: list[str] = []
        self._skjult = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "template"):
            self._skjult += 1
        if tag == "a":
            href = dict(attrs).get("href")
            if href is not None:
                self.lenker.append(href)

    def handle_endtag(self, tag):
        if tag in ("script", "style", "template") and self._skjult:
            self._skjult -= 1

    def handle_data(self, data):
        if not self._skjult:
            self.tekst.append(data)


@dataclass
class Vandring:
    rolle: str
    problemer: list[str] = field(default_factory=list)
    engelsk: list[str] = field(default_factory=list)
    besokt: int = 0
    adresser: list[str] = field(default_factory=list)


def feilformet(href: str) -> str | None:
    if "??" in href or "?&" in href:
        return "dobbelt spørsmålstegn"
    if "{{" in href or "{%" in href or "%7B%25" in href or "%7B%7B" in href:
        return "urendret malkode"
    if re.search(r"/None(/|$|\?)", href) or re.search(r"=None(&|$)", href):
        return "«None» i adressen"
    if any(c.isspace() for c in href.strip()):
        return "mellomrom i adressen"
    return None


def nokkel(sti: str, sporring: str):
    """One example per URL pattern and query shape (and page number, to follow «next»)."""
    try:
        monster = resolve(sti).route
    except Resolver404:
        monster = sti
    parametre = parse_qsl(sporring, keep_blank_values=True)
    form = tuple(sorted({k for k, _ in parametre}))
    # Page 1 and one later page per list: enough to see that «next» leads somewhere new.
    side = next((v for k, v in parametre if k == "side"), "1")
    return (monster, form, side == "1")


def sidene_i(svar) -> list[Page]:
    if svar.context is None:
        return []
    kontekster = svar.context if isinstance(svar.context, list) else [svar.context]
    sider = []
    for kontekst in kontekster:
        for verdi in kontekst.flatten().values():
            if isinstance(verdi, Page) and verdi not in sider:
                sider.append(verdi)
    return sider


def normalisert(innhold: str) -> str:
    """A page's HTML without what changes between two renderings of the same page."""
    innhold = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", innhold)
    return re.sub(r'nonce="[^"]*"', "", innhold)


def vandre(klient: Client, rolle: str, start: list[str]) -> Vandring:
    resultat = Vandring(rolle)
    sett: set = set()
    varianter: Counter = Counter()
    ko: deque = deque()

    def legg_til(href: str, fra: str, fra_innhold: str | None):
        problem = feilformet(href)
        if problem:
            resultat.problemer.append(f"{rolle}: {fra} har en feilformet lenke ({problem}): {href}")
            return
        if href.startswith(("#", "mailto:", "tel:", "javascript:")):
            return
        absolutt = urljoin(fra, href)
        deler = urlsplit(absolutt)
        if deler.netloc and deler.netloc not in ("testserver",):
            return
        sti = deler.path
        if IKKE_FOLG.match(sti):
            return
        if sti.startswith("/admin/") and (deler.query or not ADMIN_TILLATT.match(sti)):
            return
        k = nokkel(sti, deler.query)
        if k in sett:
            return
        # Filters and sorting multiply the query shapes: a few per page are enough, but every
        # export link and one «next page» per list are always followed.
        if varianter[k[0]] >= VARIANTER_PER_SIDE and not re.search(
            r"(^|&)(eksport|side)=", deler.query
        ):
            return
        sett.add(k)
        varianter[k[0]] += 1
        adresse = sti + (f"?{deler.query}" if deler.query else "")
        ko.append((adresse, fra, fra_innhold))

    for sti in start:
        legg_til(sti, "/", None)

    while ko and resultat.besokt < SIDER_PER_ROLLE:
        adresse, fra, fra_innhold = ko.popleft()
        svar = klient.get(adresse)
        resultat.besokt += 1
        resultat.adresser.append(adresse)
        hvor = f"{rolle}: {adresse} (lenket fra {fra})"
        if svar.status_code >= 500:
            resultat.problemer.append(f"{hvor} ga serverfeil {svar.status_code}")
            continue
        if svar.status_code in (403, 404, 410):
            resultat.problemer.append(f"{hvor} ga {svar.status_code}")
            continue
        if svar.status_code in (301, 302, 303, 307, 308):
            legg_til(svar["Location"], adresse, None)
            continue
        if svar.status_code != 200:
            resultat.problemer.append(f"{hvor} ga uventet status {svar.status_code}")
            continue

        deler = urlsplit(adresse)
        sporring = dict(parse_qsl(deler.query))
        innholdstype = svar.get("Content-Type", "")
        if "eksport" in sporring and innholdstype.startswith("text/html"):
            resultat.problemer.append(f"{hvor}: eksportlenken ga en HTML-side, ikke en fil")
            continue
        if "side" in sporring:
            for side in sidene_i(svar):
                if str(side.number) != sporring["side"]:
                    resultat.problemer.append(
                        f"{hvor}: lenken til side {sporring['side']} viste side {side.number}"
                    )
        if not innholdstype.startswith("text/html"):
            continue
        innhold = svar.content.decode(svar.charset or "utf-8")
        if (
            fra_innhold is not None
            and urlsplit(fra).path == deler.path
            and urlsplit(fra).query != deler.query
            and normalisert(innhold) == normalisert(fra_innhold)
        ):
            resultat.problemer.append(f"{hvor}: lenken endrer ingenting på siden")

        leser = LenkeLeser()
        leser.feed(innhold)
        tekst = " ".join(" ".join(leser.tekst).split())
        for rest in ENGELSKE_REST:
            if rest in tekst:
                resultat.engelsk.append(f"{rolle}: {adresse} viser «{rest}»")
        for href in leser.lenker:
            legg_til(href, adresse, innhold)
    return resultat


@pytest.fixture
def demo(db, monkeypatch):
    hver_pdf_en_gang(monkeypatch)
    return lag_demo_data()


def vandring_som(rolle: str, demo) -> Vandring:
    klient = Client(raise_request_exception=False)
    if rolle == "anonym":
        return vandre(klient, rolle, ANONYM_START)
    klient.force_login(demo["brukere"][rolle])
    return vandre(klient, rolle, ["/"])


# One test per role, so that two test processes share the walk.
@pytest.mark.slow
@pytest.mark.parametrize("rolle", ["anonym", *ROLLER])
def test_every_link_leads_somewhere_and_reads_norwegian(rolle, demo):
    v = vandring_som(rolle, demo)
    assert not v.problemer, f"{len(v.problemer)} døde eller feil lenker:\n" + "\n".join(v.problemer)
    engelsk = sorted(set(v.engelsk))
    assert not engelsk, "Engelsk eller «---------» i grensesnittet:\n" + "\n".join(engelsk)
    if rolle == "anonym":
        return
    # The walk must have reached well beyond the start page for each logged-in role.
    assert v.besokt >= 20, f"{rolle} nådde bare {v.besokt} sider"
    # Every employee reads the portfolio's projects and programmes (PROSJEKTER_LESES_AV's
    # default): each role reaches a project's page and a programme's through the links, and
    # the walk above has seen no 403 on the way.
    for hva, monster in LESES_AV_ALLE.items():
        assert any(re.fullmatch(monster, a) for a in v.adresser), (
            f"{rolle} nådde ingen {hva} gjennom lenkene"
        )


def test_the_walk_catches_a_doubled_question_mark():
    """The walk itself can fail: a doubled «?» (a bug once shipped) is recognised as malformed."""
    assert feilformet("??side=2") == "dobbelt spørsmålstegn"
    assert feilformet("?side=2") is None
    assert feilformet("/prosjekter/None/") == "«None» i adressen"
