"""Every main page, with the stylesheet, scripts and icons it loads, is at most 100 KiB over the
wire: the HTML as the portal sends it (gzip), each static file as WhiteNoise sends it (its
pre-compressed .gz, level 9). Each page as the person who uses it, on the demo's content.
"""

import gzip
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.staticfiles import finders

from tests.demodata import demo_data_lag

GRENSE = 100 * 1024
SIDER = [
    ("/innspill/ny/", None),  # the public form
    ("/resultater/", None),  # the public results
    ("/portefoljer/klg/", "klg"),  # the KLG portfolio page
    ("/prosjekter/", "klg"),  # the project overview
    ("/", "klg"),  # the start page
]
RESSURS = re.compile(r"""<(?:link|script|use)\b[^>]*\b(?:href|src)="([^"#]+)[^"]*"[^>]*>""")


def statiske_filer(html: str) -> set[str]:
    """The static files a page loads: its stylesheets, scripts and the icon sprite."""
    return {url for url in RESSURS.findall(html) if url.startswith(settings.STATIC_URL)}


def overfort(client, adresse: str) -> dict[str, int]:
    """Bytes over the wire for the page and each static file it loads."""
    svar = client.get(adresse, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert svar.status_code == 200, adresse
    assert svar["Content-Encoding"] == "gzip", adresse
    deler = {adresse: len(svar.content)}
    for url in statiske_filer(gzip.decompress(svar.content).decode()):
        fil = finders.find(url.removeprefix(settings.STATIC_URL))
        assert fil, f"{adresse} laster {url}, som ikke finnes"
        deler[url] = len(gzip.compress(Path(fil).read_bytes(), compresslevel=9))
    return deler


@pytest.mark.django_db
def test_every_main_page_with_what_it_loads_is_at_most_100_kib(client):
    demo_data_lag()
    brukere = get_user_model().objects
    for adresse, brukernavn in SIDER:
        client.logout()
        if brukernavn:
            client.force_login(brukere.get(username=brukernavn))
        deler = overfort(client, adresse)
        assert any(u.endswith("build/portal.css") for u in deler), adresse
        summen = sum(deler.values())
        assert summen <= GRENSE, f"{adresse}: {summen / 1024:.1f} KiB > 100 KiB: {deler}"
