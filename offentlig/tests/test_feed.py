"""The Atom feed of new public decisions and projects, and its checked parameters."""

import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

FEED = reverse("offentlig:feed")
ATOM = "{http://www.w3.org/2005/Atom}"


def _poster(svar):
    rot = ET.fromstring(svar.content)  # noqa: S314 (our own feed, in a test)
    return [
        (e.findtext(f"{ATOM}title"), e.find(f"{ATOM}link").get("href"))
        for e in rot.iter(f"{ATOM}entry")
    ]


def test_feeden_har_nye_beslutninger_og_prosjekter(client, kjede):
    svar = client.get(FEED)
    assert svar.status_code == 200
    assert svar["Content-Type"].startswith("application/atom+xml")
    poster = _poster(svar)
    titler = [t for t, _l in poster]
    assert "Nytt prosjekt: Lys på skoleveien" in titler
    assert "Beslutning om «Trygg skolevei med lys»: Ja: det blir et prosjekt" in titler
    assert len(poster) == 3  # two public decisions and one public project; nothing exempt
    lenker = {lenke.removeprefix("http://testserver") for _t, lenke in poster}
    assert reverse("offentlig:prosjekt", kwargs={"pk": kjede.prosjekt.pk}) in lenker
    for lenke in lenker:
        assert client.get(lenke).status_code == 200
    # The results pages announce the feed, so a feed reader finds it.
    assert (
        f'type="application/atom+xml" href="{FEED}"'
        in client.get(reverse("offentlig:prosjekter")).content.decode()
    )


def test_antall_og_seksjon(client, kjede, seksjon):
    assert len(_poster(client.get(FEED, {"antall": "1"}))) == 1
    assert len(_poster(client.get(FEED, {"seksjon": seksjon.slug}))) == 3


@pytest.mark.parametrize(
    "parametre",
    [
        {"antall": "0"},
        {"antall": "101"},
        {"antall": "-5"},
        {"antall": "tusen"},
        {"antall": "9" * 40},
        {"seksjon": "finnes-ikke"},
        {"seksjon": "\x00"},
    ],
)
def test_ugyldige_parametre_gir_400_med_forklaring(client, kjede, parametre):
    svar = client.get(FEED, parametre)
    assert svar.status_code == 400
    assert "et helt tall fra 1 til 100" in svar.content.decode()
