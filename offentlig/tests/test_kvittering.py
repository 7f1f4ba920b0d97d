"""From the receipt code to the benefit: the receipt (ideer) links on, through the hook the
public results register (ideer/hooks.py), to the decision and the project the idea became."""

import re

import pytest
from django.urls import reverse

from ideer.models import Innspill, Kanal, Opphav, Status

pytestmark = pytest.mark.django_db


def _lenker(html):
    return re.findall(r'href="(/resultater/[^"]+)"', html)


def test_fra_kvittering_til_malt_gevinst(client, kjede):
    kvittering = client.get(reverse("ideer:kvittering", kwargs={"kode": kjede.innspill.kode}))
    html = kvittering.content.decode()
    assert "Dette ble ideen din til" in html
    lenker = _lenker(html)
    beslutning = reverse("offentlig:beslutning", kwargs={"pk": kjede.beslutning.pk})
    prosjekt = reverse("offentlig:prosjekt", kwargs={"pk": kjede.prosjekt.pk})
    assert beslutning in lenker and prosjekt in lenker
    # Nothing exempt is linked or named.
    assert reverse("offentlig:prosjekt", kwargs={"pk": kjede.unntatt_prosjekt.pk}) not in lenker
    assert reverse("offentlig:beslutning", kwargs={"pk": kjede.unntatt_beslutning.pk}) not in lenker
    assert not kjede.markorer.funnet_i(html)
    # The decision leads to the project, and the project shows what it achieved.
    assert prosjekt in _lenker(client.get(beslutning).content.decode())
    assert "50 % av målet" in client.get(prosjekt).content.decode()


def test_sammenslatt_innspill_folger_det_andre(client, kjede):
    kopi = Innspill.objects.create(
        tittel="Lys på skoleveien, takk",
        beskrivelse="Samme sak.",
        opphav=Opphav.INNBYGGERE,
        kanal=Kanal.OFFENTLIG_SKJEMA,
        status=Status.SLATT_SAMMEN,
        slatt_sammen_med=kjede.innspill,
    )
    html = client.get(reverse("ideer:kvittering", kwargs={"kode": kopi.kode})).content.decode()
    assert reverse("offentlig:prosjekt", kwargs={"pk": kjede.prosjekt.pk}) in _lenker(html)


def test_kvittering_uten_resultat_sier_ingenting_om_det(client, kjede):
    annet = Innspill.objects.create(
        tittel="Noe annet",
        beskrivelse="Ikke behandlet ennå.",
        opphav=Opphav.INNBYGGERE,
        kanal=Kanal.OFFENTLIG_SKJEMA,
    )
    html = client.get(reverse("ideer:kvittering", kwargs={"kode": annet.kode})).content.decode()
    assert "Dette ble ideen din til" not in html and not _lenker(html)
