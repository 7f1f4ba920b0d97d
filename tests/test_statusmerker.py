"""Every phase's status badge goes through portefolje.farger: the word, and its colour's class."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.template import Context, Template, loader
from django.template.loader import render_to_string
from django.utils import translation

from ideer.models import Innspill
from ideer.models import Status as Innspillstatus
from konseptnotat.models import Konseptnotat
from konseptnotat.models import Status as Notatstatus
from portefolje.farger import PALETT, Farge, css_egenskaper
from prosjekter.models import Leveranse, Leveransestatus, Statusrapport
from velge.models import Beslutning, Utfall


@pytest.fixture(autouse=True)
def bokmal():
    with translation.override("nb"):
        yield


@pytest.mark.parametrize(
    ("mal", "kontekst", "ord", "klasse"),
    [
        (
            "ideer/_status.html",
            {"innspill": Innspill(status=Innspillstatus.AVVIST)},
            "Avvist",
            "rod",
        ),
        (
            "ideer/_status.html",
            {"innspill": Innspill(status=Innspillstatus.PARKERT)},
            "Parkert",
            "gra",
        ),
        (
            "konseptnotat/_status.html",
            {"notat": Konseptnotat(status=Notatstatus.KLAR)},
            "Klar for behandling",
            "gronn",
        ),
        (
            "konseptnotat/_status.html",
            {"notat": Konseptnotat(status=Notatstatus.TIL_REVISJON)},
            "Sendt tilbake til revisjon",
            "rod",
        ),
        (
            "velge/_utfall.html",
            {"b": Beslutning(utfall=Utfall.GODKJENT)},
            "Godkjent som prosjekt",
            "gronn",
        ),
        ("velge/_utfall.html", {"b": Beslutning(utfall=Utfall.PARKERT)}, "Parkert", "gul"),
    ],
)
def test_fasens_merke_har_ord_og_fargeklasse(mal, kontekst, ord, klasse):
    html = render_to_string(mal, kontekst)
    assert f'class="status status-{klasse}"' in html
    assert ord in html


def test_prosjektets_merker_bruker_kjernens_farger():
    rapport = Statusrapport(fremdrift="forsinket", okonomi="pa_budsjett")
    rapport.farge = rapport.beregn_farge()
    leveranse = Leveranse(status=Leveransestatus.SMA_AVVIK)
    mal = Template(
        "{% load farger %}{% statusmerke r.farge r.get_farge_display %}"
        "{% statusmerke l.farge l.get_status_display %}"
    )
    html = mal.render(Context({"r": rapport, "l": leveranse}))
    assert '<span class="status status-rod">Rød</span>' in html
    assert '<span class="status status-gul">Små avvik</span>' in html


def test_merke_uten_ord_sier_ikke_satt_i_gratt():
    html = Template('{% load farger %}{% statusmerke "rod" "" %}').render(Context())
    assert html == '<span class="status status-gra">Ikke satt</span>'


# --- one palette (portefolje.farger.PALETT), WCAG 2.1 AA


def _luminans(hex_: str) -> float:
    def kanal(c):
        c = int(c, 16) / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (kanal(hex_[i : i + 2]) for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _kontrast(a: str, b: str) -> float:
    lys, mork = sorted((_luminans(a), _luminans(b)), reverse=True)
    return (lys + 0.05) / (mork + 0.05)


@pytest.mark.parametrize("farge", list(PALETT))
def test_the_word_on_each_badge_meets_aa_and_strong_tones_stand_out_on_white(farge):
    toner = PALETT[farge]
    assert _kontrast(toner.tekst, toner.bakgrunn) >= 4.5
    assert _kontrast(toner.sterk, "#ffffff") >= 3


def _css(navn: str) -> str:
    return Path(finders.find(f"css/{navn}")).read_text(encoding="utf-8")


def test_the_stylesheets_custom_properties_are_the_palette():
    erklart = dict(re.findall(r"(--status-[a-z]+-[a-z]+):\s*(#[0-9a-f]{6});", _css("farger.css")))
    assert erklart == css_egenskaper()


def test_no_stylesheet_or_chart_writes_a_status_colour_of_its_own():
    """Every other stylesheet, the charts and the timeline read the palette (custom properties
    or `PALETT`) instead of repeating its values."""
    # Grey's tones are also the page's neutral greys (borders, axes): green, yellow and red only.
    verdier = {
        verdi
        for farge, toner in PALETT.items()
        if farge != Farge.GRA
        for verdi in (toner.bakgrunn, toner.tekst, toner.kant, toner.sterk)
    }
    kilder = {navn: _css(navn) for navn in ("portal.css", "prosjekter.css", "tidslinje.css")}
    for modul in ("portefolje/diagram.py", "prosjekter/tidslinje.py"):
        kilder[modul] = (Path(settings.BASE_DIR) / modul).read_text(encoding="utf-8")
    for mal in (
        "prosjekter/partials/tidslinje_svg.html",
        "prosjekter/partials/tidslinje_forklaring.html",
    ):
        kilder[mal] = Path(loader.get_template(mal).origin.name).read_text(encoding="utf-8")
    for navn, tekst in kilder.items():
        funnet = set(re.findall(r"#[0-9a-fA-F]{6}\b", tekst)) & verdier
        assert not funnet, (navn, funnet)


def test_the_timeline_legend_shows_the_bars_status_tone():
    html = render_to_string("prosjekter/partials/tidslinje_forklaring.html")
    assert f'fill="{PALETT[Farge.GRONN].sterk}"' in html
