"""Nothing internal on a public page: every public page and the feed, walked through their own
links from /resultater/ and from the receipt, contain none of the markers planted in fields that
are not declared public (offentlig/felt.py), in drafts, in scores and comments, in people's
names, in citizens' personal data, and in the exempt project and decision."""

from urllib.parse import urlsplit

import pytest
from django.urls import reverse

from offentlig.tests.tilgang import OFFENTLIGE

pytestmark = pytest.mark.django_db


def _lenker(html: str) -> list[str]:
    import re

    return [
        urlsplit(h).path + (f"?{urlsplit(h).query}" if urlsplit(h).query else "")
        for h in re.findall(r'href="([^"#]+)"', html.replace("&amp;", "&"))
    ]


def _vandre(client, start: list[str]) -> dict[str, str]:
    """Every page under /resultater/ reachable by links from `start`: {path: content}."""
    sett: dict[str, str] = {}
    ko = list(start)
    while ko:
        sti = ko.pop()
        if sti in sett:
            continue
        svar = client.get(sti)
        assert svar.status_code == 200, (sti, svar.status_code)
        innhold = svar.content.decode()
        sett[sti] = innhold
        for lenke in _lenker(innhold):
            if lenke.startswith("/resultater/") and lenke not in sett:
                ko.append(lenke)
    return sett


def test_ingen_interne_felt_paa_offentlige_sider(client, kjede):
    kvittering = reverse("ideer:kvittering", kwargs={"kode": kjede.innspill.kode})
    sider = _vandre(
        client,
        [
            kvittering,
            reverse("offentlig:prosjekter"),
            reverse("offentlig:beslutninger"),
            reverse("offentlig:feed"),
            # Searches and filters show the same rows: they must not widen what is shown.
            reverse("offentlig:prosjekter") + "?q=ZQX",
            reverse("offentlig:beslutninger") + "?q=ZQX",
            reverse("offentlig:prosjekter") + "?tema=anlegg&seksjon=helse-og-omsorg",
        ],
    )
    # The walk reached every kind of public page, from the links the pages show.
    besokt = set(sider)
    assert reverse("offentlig:prosjekt", kwargs={"pk": kjede.prosjekt.pk}) in besokt
    assert reverse("offentlig:beslutning", kwargs={"pk": kjede.beslutning.pk}) in besokt
    assert reverse("offentlig:beslutning", kwargs={"pk": kjede.loftet.pk}) in besokt
    assert reverse("offentlig:feed") in besokt
    # Every public URL name was walked (the two with an id through the pages above).
    for navn in OFFENTLIGE - {"offentlig:prosjekt", "offentlig:beslutning"}:
        assert reverse(navn) in besokt, navn

    for sti, innhold in sider.items():
        assert not kjede.markorer.funnet_i(innhold), (sti, kjede.markorer.funnet_i(innhold))
        # The exempt project's number and the unneeded internal figures are not there either.
        assert "P-2026-901" not in innhold, sti
        assert "1 234 567" not in innhold and "1234567" not in innhold, sti
    # What is public is there: the rationale as recorded, the measured benefit, the owner's role.
    prosjektside = sider[reverse("offentlig:prosjekt", kwargs={"pk": kjede.prosjekt.pk})]
    assert "Kommunalsjef helse og omsorg" in prosjektside
    assert "Tretti nye lyktestolper er satt opp." in prosjektside
    assert "Barn som går eller sykler" in prosjektside
    beslutningsside = sider[reverse("offentlig:beslutning", kwargs={"pk": kjede.beslutning.pk})]
    assert "Tryggere skolevei for mange barn, til lav kostnad." in beslutningsside


def test_markorene_finnes_i_portalen_selv(klient_for, kjede, leder):
    """The check can fail: the same markers are on the internal project page for its people."""
    from django.contrib.auth import get_user_model

    admin = get_user_model().objects.create_superuser("rot", "rot@example.no", "x")
    innhold = klient_for(admin).get(kjede.prosjekt.get_absolute_url()).content.decode()
    assert kjede.markorer.funnet_i(innhold)
