"""An administrator makes a service account in the admin, with its portfolios, and a key for it
that is shown once; the account reads only those portfolios."""

import re

import pytest
from rest_framework.test import APIClient

from api.models import ApiNokkel, Tjenestekonto
from prosjekter.models import Prosjekt


@pytest.fixture
def admin_klient(client, lag_bruker):
    admin = lag_bruker("sjef", is_staff=True, is_superuser=True)
    client.force_login(admin)
    return client


def test_the_admin_makes_a_service_account_and_a_key_shown_once(
    admin_klient, portefolje, klg, leder, settings
):
    settings.API_STRUPING = None
    synlig = Prosjekt.objects.create(tittel="Synlig", nummer="P-1", portefolje=portefolje)
    Prosjekt.objects.create(tittel="Skjult", nummer="P-2", portefolje=klg)
    svar = admin_klient.post(
        "/admin/api/tjenestekonto/add/",
        {"brukernavn": "powerbi-helse", "beskrivelse": "Power BI", "portefoljer": [portefolje.pk]},
    )
    assert svar.status_code == 302, svar.content.decode()[:2000]
    konto = Tjenestekonto.objects.get(bruker__username="powerbi-helse")
    assert list(konto.portefoljer.all()) == [portefolje]
    assert not konto.bruker.has_usable_password()

    svar = admin_klient.post(
        "/admin/api/tjenestekonto/",
        {"action": "lag_nokkel", "_selected_action": [konto.pk]},
        follow=True,
    )
    tekst = svar.content.decode()
    hemmelighet = re.search(r"ikke igjen\): ([A-Za-z0-9_\-]{40})", tekst).group(1)
    assert ApiNokkel.objects.get(bruker=konto.bruker).hash != hemmelighet

    klient = APIClient()
    klient.credentials(HTTP_AUTHORIZATION=f"Token {hemmelighet}")
    rader = klient.get("/api/v1/prosjekter/").json()["results"]
    assert [r["id"] for r in rader] == [synlig.pk]
    assert klient.get("/api/v1/prosjekter/", {"portefolje": "klg"}).status_code == 403


def test_a_taken_user_name_is_refused_at_the_field(admin_klient, portefolje, leder):
    svar = admin_klient.post(
        "/admin/api/tjenestekonto/add/",
        {"brukernavn": leder.username, "portefoljer": [portefolje.pk]},
    )
    assert svar.status_code == 200
    assert "Brukernavnet er tatt." in svar.content.decode()
    assert not Tjenestekonto.objects.exists()


def test_a_name_taken_by_someone_else_meanwhile_is_said_not_a_server_error(
    admin_klient, portefolje
):
    """Two administrators make «powerbi-x» at once: the form's check passes for both, and the
    second save meets the first in the database. The second is told, and nothing half-made is
    left or logged."""
    from django.contrib.admin.models import LogEntry
    from django.contrib.auth import get_user_model
    from django.db.models.signals import pre_save

    Bruker = get_user_model()

    def den_andre_rakk_det_forst(sender, instance, **kwargs):
        if instance.pk is None and instance.username == "powerbi-x":
            pre_save.disconnect(den_andre_rakk_det_forst, sender=Bruker)
            Bruker.objects.create(username="powerbi-x")

    pre_save.connect(den_andre_rakk_det_forst, sender=Bruker)
    try:
        svar = admin_klient.post(
            "/admin/api/tjenestekonto/add/",
            {"brukernavn": "powerbi-x", "portefoljer": [portefolje.pk]},
            follow=True,
        )
    finally:
        pre_save.disconnect(den_andre_rakk_det_forst, sender=Bruker)
    assert svar.status_code == 200
    assert svar.redirect_chain[-1][0] == "/admin/api/tjenestekonto/add/"
    assert "Brukernavnet er tatt." in svar.content.decode()
    assert not Tjenestekonto.objects.exists()
    assert not LogEntry.objects.exists()
