"""The portal side: per-user e-mail settings per kind, the notification list and the bell."""

import pytest
from django.urls import reverse

from portefolje.models import Varsel, VarselInnstilling
from portefolje.paminnelser import UKESAMMENDRAG
from prosjekter.paminnelser.regler import STATUSRAPPORT_FORFALT, STATUSRAPPORT_SNART

pytestmark = pytest.mark.django_db

URL = "/varsler/innstillinger/"


def test_settings_page_has_its_public_name():
    assert reverse("varsler-innstillinger") == URL


def test_anonymous_is_sent_to_login(client):
    svar = client.get(URL)
    assert svar.status_code == 302 and "/konto/login/" in svar["Location"]
    assert client.post(URL, {}).status_code == 302
    assert not VarselInnstilling.objects.exists()


def test_defaults_are_email_on_except_the_weekly_digest(klient_for, ansatt):
    svar = klient_for(ansatt).get(URL)
    assert svar.status_code == 200
    skjema = svar.context["form"]
    assert skjema.initial[STATUSRAPPORT_FORFALT] is True
    assert skjema.initial[UKESAMMENDRAG] is False
    innhold = svar.content.decode()
    assert "Varselinnstillinger" in innhold and "Ukentlig sammendrag" in innhold


def test_a_user_turns_email_off_for_one_kind_and_the_digest_on(klient_for, ansatt, medlem):
    svar = klient_for(ansatt).post(
        URL,
        {
            STATUSRAPPORT_SNART: "on",
            UKESAMMENDRAG: "on",
            # every other kind left unticked: off
        },
        follow=True,
    )
    assert "Varselinnstillingene dine er lagret." in svar.content.decode()
    valg = dict(ansatt.varselinnstillinger.values_list("type", "epost"))
    assert valg[STATUSRAPPORT_SNART] is True
    assert valg[UKESAMMENDRAG] is True
    assert valg[STATUSRAPPORT_FORFALT] is False
    assert not medlem.varselinnstillinger.exists()  # only one's own settings change


def test_user_without_email_is_told_notifications_stay_in_the_portal(klient_for, lag_bruker):
    bruker = lag_bruker("uten")
    bruker.email = ""
    bruker.save(update_fields=["email"])
    innhold = klient_for(bruker).get(URL).content.decode()
    assert "får varsler bare i portalen" in innhold


def lag_varsler(bruker, antall, start=0):
    for i in range(start, start + antall):
        Varsel.objects.create(
            mottaker=bruker,
            type=STATUSRAPPORT_FORFALT,
            objekt_type="prosjekter.prosjekt",
            objekt_id=i,
            tittel=f"Varsel {i}",
            lenke=f"/prosjekter/{i}/",
        )


def test_list_shows_kind_and_filters_unread(klient_for, ansatt, medlem):
    lag_varsler(ansatt, 2)
    Varsel.objects.filter(tittel="Varsel 0").update(lest="2026-11-20T10:00Z")
    lag_varsler(medlem, 1, start=50)
    klient = klient_for(ansatt)
    innhold = klient.get("/varsler/").content.decode()
    assert "Varsel 0" in innhold and "Varsel 1" in innhold and "Varsel 50" not in innhold
    assert "Statusrapport forfalt" in innhold
    assert "1 ulest" in innhold  # the bell
    bare_uleste = klient.get("/varsler/?uleste=1").content.decode()
    assert "Varsel 1" in bare_uleste and "Varsel 0" not in bare_uleste


def test_list_makes_the_same_number_of_queries_at_two_sizes(
    klient_for, ansatt, django_assert_num_queries
):
    klient = klient_for(ansatt)
    lag_varsler(ansatt, 3)
    klient.get("/varsler/")  # warm the session and the user
    with django_assert_num_queries(5) as fanget:
        assert klient.get("/varsler/").status_code == 200
    lag_varsler(ansatt, 40, start=100)
    with django_assert_num_queries(len(fanget.captured_queries)):
        assert klient.get("/varsler/").status_code == 200


def test_reading_another_users_notification_is_not_found(klient_for, ansatt, medlem):
    lag_varsler(medlem, 1)
    varsel = Varsel.objects.get()
    svar = klient_for(ansatt).post(reverse("varsel-les", args=[varsel.pk]))
    assert svar.status_code == 404
    varsel.refresh_from_db()
    assert varsel.lest is None
