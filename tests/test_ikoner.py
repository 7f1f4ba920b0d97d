"""Icons are drawn from the SVG sprite (portefolje/ikoner.py), never from the icon font.

The sprite is built at install time from the icons the templates name with `{% ikon "name" %}`;
a template that goes back to `<i class="bi bi-…">` would draw nothing (the font is no longer
sent), and one that names an icon Bootstrap Icons lacks, or names it through a variable, would
draw an empty box: each is caught here by reading the templates.
"""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders

from portefolje import ikoner

ROT = Path(settings.BASE_DIR)
IKONFONT = re.compile(
    r"""<i\s[^>]*\bclass=["'][^"']*\bbi\b|\bbi-[a-z0-9-]+|bootstrap-icons\.(?:min\.)?css"""
)


def test_no_template_uses_the_icon_font():
    funnet = [
        f"{mal.relative_to(ROT)}: {treff.group(0)}"
        for mal in ikoner.maler(ROT)
        for treff in IKONFONT.finditer(mal.read_text(encoding="utf-8"))
    ]
    assert not funnet, 'Ikonfonten brukes igjen; skriv {% ikon "navn" %}:\n' + "\n".join(funnet)


def test_the_font_and_its_stylesheet_are_not_served():
    assert not any("bootstrap-icons" in str(mappe) for mappe in settings.STATICFILES_DIRS)
    assert finders.find("vendor/bootstrap-icons/bootstrap-icons.min.css") is None


def test_every_icon_is_named_outright_and_exists_in_bootstrap_icons():
    tegninger = ROT / ikoner.TEGNINGER
    feil = []
    for mal in ikoner.maler(ROT):
        for navn in ikoner.IKONTAGG.findall(mal.read_text(encoding="utf-8")):
            bokstavelig = re.fullmatch(r"""["']([a-z0-9-]+)["']""", navn)
            if not bokstavelig:
                feil.append(f"{mal.relative_to(ROT)}: {navn} (skriv navnet ut, i anførselstegn)")
            elif not (tegninger / f"{bokstavelig.group(1)}.svg").is_file():
                feil.append(f"{mal.relative_to(ROT)}: {navn} finnes ikke i Bootstrap Icons")
    assert not feil, "\n".join(feil)


def test_the_built_sprite_holds_exactly_the_icons_the_templates_draw():
    sprite = finders.find("build/ikoner.svg")
    assert sprite, "static/build/ikoner.svg finnes ikke: kjør `make assets`."
    symboler = set(re.findall(r'<symbol id="([a-z0-9-]+)"', Path(sprite).read_text("utf-8")))
    brukt = ikoner.brukte_ikoner(ROT)
    assert symboler == brukt, f"Bygg ikonene på nytt (`make assets`): mangler {brukt - symboler}"
    assert {"bell", "person-circle"} <= brukt


def test_an_icon_is_hidden_from_screen_readers_and_drawn_from_the_sprite(client, ansatt):
    client.force_login(ansatt)
    html = client.get("/").content.decode()
    ikon = re.search(r'<svg class="bi"([^>]*)><use href="([^"#]+)#bell"/></svg>', html)
    assert ikon, "Varselklokken er ikke tegnet fra ikonene"
    assert 'aria-hidden="true"' in ikon.group(1) and 'focusable="false"' in ikon.group(1)
    adresse = ikon.group(2)
    assert adresse == settings.STATIC_URL + "build/ikoner.svg"
    sprite = Path(finders.find(adresse.removeprefix(settings.STATIC_URL))).read_text("utf-8")
    assert re.search(r'<symbol id="bell" viewBox="0 0 16 16"><path d="M', sprite)
    # The word beside it is what a screen reader hears.
    assert "Varsler" in html


def test_the_sprite_refuses_an_icon_bootstrap_icons_lacks():
    with pytest.raises(ValueError, match="finnes-ikke"):
        ikoner.sprite({"bell", "finnes-ikke"}, tegninger=ROT / ikoner.TEGNINGER)
