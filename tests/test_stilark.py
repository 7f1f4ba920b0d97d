"""One stylesheet, built from Bootstrap's Sass with only the parts the portal uses, and nothing
that holds up the first paint.

static/scss/portal.scss names Bootstrap's parts and utility groups; `make assets` builds it into
static/build/portal.css. A template that starts using a Bootstrap class left out of the build
would lose its look without an error, so the templates are read here and every Bootstrap class
they name must be in the built file. Every page links that one stylesheet and defers every script.
"""

import re
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders

from portefolje.ikoner import maler

ROT = Path(settings.BASE_DIR)
BYGD = "build/portal.css"
IKKE_PROSJEKT = {".venv", "node_modules", ".git", "staticfiles", "build"}

KLASSEATTRIBUTT = re.compile(r"""\bclass\s*=\s*"([^"]*)"|\bclass\s*=\s*'([^']*)'""")
# Classes given in Python (form widgets' attrs) and JavaScript (classList, className).
KLASSER_I_KODE = re.compile(
    r"""["']class["']\s*:\s*["']([^"']+)["']|classList\.(?:add|toggle|remove)\(\s*["']([^"']+)["']"""
    r"""|className\s*=\s*["']([^"']+)["']"""
)
# Made from a value at render time: the message levels in base.html (alert-{{ message.tags }}).
DYNAMISKE = {"alert-success", "alert-info", "alert-warning", "alert-danger"}


def css_klasser(css: str) -> set[str]:
    """The class names a stylesheet's selectors name."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    selektorer = re.sub(r"\{[^{}]*\}", "{}", css)
    return {k.replace("\\", "") for k in re.findall(r"\.((?:[A-Za-z0-9_-]|\\.)+)", selektorer)}


def bygd_stilark() -> str:
    funnet = finders.find(BYGD)
    assert funnet, f"static/{BYGD} finnes ikke: kjør `make assets`."
    return Path(funnet).read_text(encoding="utf-8")


def kodefiler():
    for fil in sorted(ROT.rglob("*")):
        deler = set(fil.relative_to(ROT).parts)
        if fil.suffix in {".py", ".js"} and not IKKE_PROSJEKT & deler and "tests" not in deler:
            yield fil


def brukte_klasser() -> dict[str, set[str]]:
    """Every token written in a class attribute of a template, or given as a class in code, with
    the files it is in."""
    brukt: dict[str, set[str]] = {}
    kilder = [(m, KLASSEATTRIBUTT) for m in maler(ROT)] + [(f, KLASSER_I_KODE) for f in kodefiler()]
    for fil, monster in kilder:
        for treff in monster.finditer(fil.read_text(encoding="utf-8")):
            verdi = next(g for g in treff.groups() if g is not None)
            for token in re.findall(r"[A-Za-z][A-Za-z0-9_-]*", verdi):
                brukt.setdefault(token, set()).add(fil.relative_to(ROT).as_posix())
    for klasse in DYNAMISKE:
        brukt.setdefault(klasse, set()).add("templates/base.html")
    return brukt


def test_every_bootstrap_class_a_template_uses_is_in_the_built_stylesheet():
    bootstrap = css_klasser((ROT / "node_modules/bootstrap/dist/css/bootstrap.css").read_text())
    bygd = css_klasser(bygd_stilark())
    brukt = brukte_klasser()
    mangler = {k: sorted(brukt[k]) for k in sorted(set(brukt) & bootstrap - bygd)}
    assert not mangler, (
        "Bootstrap-klasser malene bruker, men som static/scss/portal.scss har utelatt "
        f"(legg til delen eller verktøygruppen der): {mangler}"
    )
    # The check reads what it should: the top bar's and the tables' classes are found.
    assert {"navbar", "dropdown-menu", "table", "btn-primary", "visually-hidden"} <= set(brukt)


def test_the_build_leaves_out_what_no_page_uses():
    bygd = css_klasser(bygd_stilark())
    assert {"navbar", "table-sm", "text-bg-warning", "me-lg-2", "d-none"} <= bygd
    # Components no page has, and breakpoint variants of utilities no page asks for.
    assert not {"modal", "carousel", "tooltip", "toast", "accordion", "spinner-border"} & bygd
    assert not {"mt-xl-5", "p-sm-3", "order-md-1", "shadow-lg"} & bygd


def test_no_font_file_is_downloaded():
    css = bygd_stilark()
    assert "@font-face" not in css
    assert not re.search(r"url\([^)]*\.(woff2?|ttf|otf|eot)", css)


LENKE = re.compile(r"<link\b[^>]*\brel=[\"']stylesheet[\"'][^>]*>", re.I)
SKRIPT = re.compile(r"<script\b[^>]*\bsrc=[^>]*>", re.I)
# The API's documentation page runs Swagger UI, with Swagger's own stylesheet.
EGNE_STILARK = {"api/templates/api/dokumentasjon.html"}


def test_every_page_links_only_the_one_stylesheet_and_defers_every_script():
    feil = []
    for mal in maler(ROT):
        navn = mal.relative_to(ROT).as_posix()
        tekst = mal.read_text(encoding="utf-8")
        for lenke in LENKE.findall(tekst):
            if BYGD not in lenke and navn not in EGNE_STILARK:
                feil.append(f"{navn}: {lenke}")
        feil += [f"{navn}: {s}" for s in SKRIPT.findall(tekst) if not re.search(r"\bdefer\b", s)]
    assert not feil, "Stilark utenom build/portal.css, eller skript uten defer:\n" + "\n".join(feil)


def test_a_page_asks_for_one_stylesheet_and_deferred_scripts(client, ansatt):
    client.force_login(ansatt)
    html = client.get("/").content.decode()
    assert LENKE.findall(html) == [f'<link rel="stylesheet" href="{settings.STATIC_URL}{BYGD}">']
    skript = SKRIPT.findall(html)
    assert skript and all(" defer" in s for s in skript)
    assert "bootstrap-icons" not in html and "bootstrap.min.css" not in html
