"""Public is decided, not assumed: decisions and projects are public until the chair exempts one
with its legal basis, through the pages the chair sees. Members, outsiders and anonymous
visitors cannot; each change is in the audit trail and the field history."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from portefolje.models import Hendelse
from portefolje.samtidighet import Konflikt
from prosjekter.services import prosjekt_sett_offentlighet
from prosjekter.tests.factories import ProsjektFactory, lag_beslutning
from velge.models import Beslutning
from velge.services import beslutning_sett_offentlighet

pytestmark = pytest.mark.django_db


@pytest.fixture
def beslutning(portefolje, leder):
    return lag_beslutning(portefolje=portefolje, eier=leder, besluttet_av=leder)


@pytest.fixture
def prosjekt(portefolje, beslutning):
    return ProsjektFactory(portefolje=portefolje, beslutning=beslutning, tittel="Lys på veien")


def _offentlig_beslutning(client, beslutning):
    return client.get(reverse("offentlig:beslutning", kwargs={"pk": beslutning.pk})).status_code


def _offentlig_prosjekt(client, prosjekt):
    return client.get(reverse("offentlig:prosjekt", kwargs={"pk": prosjekt.pk})).status_code


def test_offentlig_som_standard(client, beslutning, prosjekt):
    assert not beslutning.unntatt_offentlighet and not prosjekt.unntatt_offentlighet
    assert _offentlig_beslutning(client, beslutning) == 200
    assert _offentlig_prosjekt(client, prosjekt) == 200


def test_leder_unntar_beslutning_fra_portefoljesiden(client, klient_for, leder, beslutning):
    side = klient_for(leder).get(reverse("velge:detalj", kwargs={"slug": "helse-og-omsorg"}))
    url = reverse(
        "velge:beslutning-offentlighet", kwargs={"slug": "helse-og-omsorg", "pk": beslutning.pk}
    )
    assert url in side.content.decode()
    svar = klient_for(leder).post(url, {"unntatt": "on", "hjemmel": "Offl. § 14"})
    assert svar.status_code == 302
    beslutning.refresh_from_db()
    assert beslutning.unntatt_offentlighet and beslutning.hjemmel == "Offl. § 14"
    hendelse = Hendelse.objects.get(handling="beslutning_unntatt_offentlighet")
    assert hendelse.aktor == leder and "Offl. § 14" in hendelse.beskrivelse
    assert beslutning.history.first().history_user == leder
    client.logout()
    assert _offentlig_beslutning(client, beslutning) == 404
    # And back: public again, the legal basis cleared.
    klient_for(leder).post(url, {"hjemmel": "Offl. § 14"})
    beslutning.refresh_from_db()
    assert not beslutning.unntatt_offentlighet and beslutning.hjemmel == ""
    client.logout()
    assert _offentlig_beslutning(client, beslutning) == 200


def test_unntak_uten_hjemmel_avvises_ved_feltet(klient_for, leder, beslutning, prosjekt):
    url = reverse(
        "velge:beslutning-offentlighet", kwargs={"slug": "helse-og-omsorg", "pk": beslutning.pk}
    )
    svar = klient_for(leder).post(url, {"unntatt": "on", "hjemmel": "   "})
    assert svar.status_code == 200
    assert "Oppgi hjemmelen for unntaket" in svar.content.decode()
    svar = klient_for(leder).post(
        reverse("prosjekter:offentlighet", kwargs={"pk": prosjekt.pk}),
        {"unntatt": "on", "hjemmel": "", "versjon": prosjekt.versjon},
    )
    assert "Oppgi hjemmelen for unntaket" in svar.content.decode()
    beslutning.refresh_from_db()
    prosjekt.refresh_from_db()
    assert not beslutning.unntatt_offentlighet and not prosjekt.unntatt_offentlighet
    with pytest.raises(ValidationError):
        beslutning_sett_offentlighet(beslutning=beslutning, unntatt=True, hjemmel="", aktor=leder)


@pytest.mark.parametrize("rolle", ["medlem", "ansatt", "anonym"])
def test_bare_lederen_kan_unnta_beslutning(request, client, klient_for, rolle, beslutning):
    url = reverse(
        "velge:beslutning-offentlighet", kwargs={"slug": "helse-og-omsorg", "pk": beslutning.pk}
    )
    if rolle == "anonym":
        klient = client
    else:
        bruker = request.getfixturevalue(rolle)
        klient = klient_for(bruker)
        side = klient.get(reverse("velge:detalj", kwargs={"slug": "helse-og-omsorg"}))
        assert url not in side.content.decode()
        with pytest.raises(PermissionDenied):
            beslutning_sett_offentlighet(
                beslutning=beslutning, unntatt=True, hjemmel="Offl. § 14", aktor=bruker
            )
    svar = klient.post(url, {"unntatt": "on", "hjemmel": "Offl. § 14"})
    if rolle == "anonym":
        assert svar.status_code == 302 and "/konto/login/" in svar.url
    else:
        assert svar.status_code == 403
    assert not Beslutning.objects.get(pk=beslutning.pk).unntatt_offentlighet
    assert not Hendelse.objects.filter(handling__contains="offentlig").exists()


def test_leder_unntar_prosjekt_fra_prosjektsiden(client, klient_for, leder, prosjekt):
    side = klient_for(leder).get(prosjekt.get_absolute_url()).content.decode()
    url = reverse("prosjekter:offentlighet", kwargs={"pk": prosjekt.pk})
    assert url in side
    svar = klient_for(leder).post(
        url, {"unntatt": "on", "hjemmel": "Offl. § 23 første ledd", "versjon": prosjekt.versjon}
    )
    assert svar.status_code == 302
    prosjekt.refresh_from_db()
    assert prosjekt.unntatt_offentlighet and prosjekt.hjemmel == "Offl. § 23 første ledd"
    assert prosjekt.versjon == 2
    assert Hendelse.objects.filter(handling="unntatt_offentlighet", aktor=leder).exists()
    assert prosjekt.history.first().history_user == leder
    client.logout()
    assert _offentlig_prosjekt(client, prosjekt) == 404
    # The project's own page says so, for everyone who reads it.
    assert (
        "Unntatt (Offl. § 23 første ledd)"
        in klient_for(leder).get(prosjekt.get_absolute_url()).content.decode()
    )


def test_utdatert_skjema_for_prosjekt_avvises(klient_for, leder, prosjekt):
    url = reverse("prosjekter:offentlighet", kwargs={"pk": prosjekt.pk})
    klient_for(leder).post(url, {"unntatt": "on", "hjemmel": "Offl. § 14", "versjon": 1})
    svar = klient_for(leder).post(url, {"hjemmel": "", "versjon": 1})
    assert svar.status_code == 409
    prosjekt.refresh_from_db()
    assert prosjekt.unntatt_offentlighet
    with pytest.raises(Konflikt):
        prosjekt_sett_offentlighet(
            prosjekt=prosjekt, unntatt=False, hjemmel="", versjon=1, aktor=leder
        )


@pytest.mark.parametrize("rolle", ["medlem", "prosjektleder", "ansatt", "anonym"])
def test_bare_lederen_kan_unnta_prosjekt(request, client, klient_for, lag_bruker, rolle, prosjekt):
    url = reverse("prosjekter:offentlighet", kwargs={"pk": prosjekt.pk})
    if rolle == "anonym":
        svar = client.post(url, {"unntatt": "on", "hjemmel": "Offl. § 14", "versjon": 1})
        assert svar.status_code == 302 and "/konto/login/" in svar.url
    else:
        if rolle == "prosjektleder":
            bruker = lag_bruker("pl")
            prosjekt.prosjektleder = bruker
            prosjekt.save()
        else:
            bruker = request.getfixturevalue(rolle)
        klient = klient_for(bruker)
        if rolle != "ansatt":
            assert url not in klient.get(prosjekt.get_absolute_url()).content.decode()
        svar = klient.post(url, {"unntatt": "on", "hjemmel": "Offl. § 14", "versjon": 1})
        assert svar.status_code == 403
        with pytest.raises(PermissionDenied):
            prosjekt_sett_offentlighet(
                prosjekt=prosjekt, unntatt=True, hjemmel="Offl. § 14", versjon=1, aktor=bruker
            )
    prosjekt.refresh_from_db()
    assert not prosjekt.unntatt_offentlighet
    assert not Hendelse.objects.filter(handling__contains="offentlig").exists()
