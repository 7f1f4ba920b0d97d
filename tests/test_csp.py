"""No inline script or style: the Content Security Policy forbids it, and no template tries.

The header is checked on every page a logged-in employee and an anonymous visitor can open
without arguments; the templates are scanned statically, so a `<script>` block, an `onclick=` or a
`style=` is caught even on a page no test visits yet.
"""

import re
from pathlib import Path

import pytest
from django.conf import settings

from tests.urlkart import vandringens_ruter

ROT = Path(settings.BASE_DIR)
IKKE_PROSJEKT = {".venv", "node_modules", ".git", "staticfiles"}


def csp_direktiver(svar) -> dict[str, list[str]]:
    topptekst = svar.headers.get("Content-Security-Policy", "")
    direktiver = {}
    for del_ in topptekst.split(";"):
        ord_ = del_.split()
        if ord_:
            direktiver[ord_[0]] = ord_[1:]
    return direktiver


def sider_uten_argumenter():
    return sorted(
        r.monster for r in vandringens_ruter() if r.navn and not r.krever and r.navn != "logout"
    )


def test_csp_forbids_inline_script_and_style_on_every_page(client, utvikler):
    client.force_login(utvikler)
    sjekket = 0
    for monster in sider_uten_argumenter():
        svar = client.get("/" + monster)
        if svar.status_code != 200 or "html" not in svar.headers.get("Content-Type", ""):
            continue
        direktiver = csp_direktiver(svar)
        skript = direktiver.get("script-src") or direktiver.get("default-src")
        stil = direktiver.get("style-src") or direktiver.get("default-src")
        assert skript, f"/{monster}: ingen script-src i CSP"
        assert "'unsafe-inline'" not in skript, f"/{monster}: script-src tillater inline"
        assert "'unsafe-eval'" not in skript, f"/{monster}: script-src tillater eval"
        assert stil and "'unsafe-inline'" not in stil, f"/{monster}: style-src tillater inline"
        sjekket += 1
    assert sjekket >= 5


@pytest.mark.parametrize("adresse", ["/konto/login/", "/tilgjengelighet/", "/personvern/"])
def test_csp_is_on_public_pages_too(client, db, adresse):
    skript = csp_direktiver(client.get(adresse)).get("script-src")
    assert skript == ["'self'"]


# --- static scan of every templates/ folder in the project

DJANGO_KOMMENTAR = re.compile(r"\{#.*?#\}|\{%\s*comment\s*%\}.*?\{%\s*endcomment\s*%\}", re.S)
SKRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)
TAGG = re.compile(r"<[a-zA-Z][^<>]*>", re.S)
HENDELSE_ATTRIBUTT = re.compile(r"\son[a-z]+\s*=", re.I)
STIL_ATTRIBUTT = re.compile(r"\sstyle\s*=", re.I)
STIL_BLOKK = re.compile(r"<style\b", re.I)
JAVASCRIPT_URL = re.compile(r"""(href|src|action)\s*=\s*["']?\s*javascript:""", re.I)


def maler():
    for mappe in ROT.rglob("templates"):
        if IKKE_PROSJEKT & set(mappe.relative_to(ROT).parts) or not mappe.is_dir():
            continue
        yield from (f for f in mappe.rglob("*") if f.suffix in {".html", ".htm", ".xml", ".svg"})


def brudd_i(tekst: str) -> list[str]:
    tekst = DJANGO_KOMMENTAR.sub("", tekst)
    brudd = []
    for attributter, innhold in SKRIPT.findall(tekst):
        json_data = re.search(r"""type\s*=\s*["']application/(ld\+)?json["']""", attributter)
        if innhold.strip() and not json_data:
            brudd.append(f"inline <script> med kode: {innhold.strip()[:60]!r}")
        if not innhold.strip() and "src" not in attributter and not json_data:
            brudd.append("<script> uten src")
    if STIL_BLOKK.search(tekst):
        brudd.append("inline <style>-blokk")
    for tagg in TAGG.findall(tekst):
        if HENDELSE_ATTRIBUTT.search(tagg):
            brudd.append(f"hendelsesattributt (on…=) i {tagg[:80]!r}")
        if STIL_ATTRIBUTT.search(tagg):
            brudd.append(f"style= i {tagg[:80]!r}")
    if JAVASCRIPT_URL.search(tekst):
        brudd.append("javascript:-adresse")
    return brudd


def test_the_scan_finds_templates():
    funnet = {f.relative_to(ROT).as_posix() for f in maler()}
    assert "templates/base.html" in funnet
    assert any(f.startswith("portefolje/templates/") for f in funnet)


def test_no_template_has_inline_script_handlers_or_styles():
    funn = [
        f"{fil.relative_to(ROT)}: {b}"
        for fil in maler()
        for b in brudd_i(fil.read_text(encoding="utf-8"))
    ]
    assert not funn, "\n".join(funn)


@pytest.mark.parametrize(
    "mal",
    [
        "<script>alert(1)</script>",
        '<button onclick="x()">Ok</button>',
        '<div class="a"\n     style="width: 40%">',
        "<style>p { color: red }</style>",
        '<a href="javascript:void(0)">x</a>',
        "<script></script>",
    ],
)
def test_the_scan_catches_inline_code(mal):
    assert brudd_i(mal)


@pytest.mark.parametrize(
    "mal",
    [
        '<script src="/static/js/portal.js" defer></script>',
        '<script id="data" type="application/json">{"a": 1}</script>',
        "{# an inline <style> would break the CSP #}",
        '<div hx-get="/x" data-style="ok">',
    ],
)
def test_the_scan_allows_what_csp_allows(mal):
    assert brudd_i(mal) == []
