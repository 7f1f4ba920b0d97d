"""A create form posted twice, or five times at once, creates one object; a key that was used
by someone else or on another form saves nothing and says so.

The key comes from the rendered form (as a browser would send it back), and the parallel posts
run in threads with their own database connections on PostgreSQL.
"""

import re
import threading
from datetime import date

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from ideer.models import Innspill
from ideer.tests.hjelp import offentlig_post
from konseptnotat.models import Kommentar, Konseptnotat
from konseptnotat.tests.factories import KonseptnotatFactory
from portefolje.models import Medlemskap, Rolle, Skjemanokkel
from prosjekter.models import Startvedtak, Styringsbeslutning
from prosjekter.tests.factories import ProsjektFactory
from velge.models import Mote


def nokkel_fra(html: str, navn: str = "skjema_nokkel") -> str:
    treff = re.search(rf'name="{navn}" value="([0-9a-f-]{{36}})"', html)
    assert treff, "the form carries no one-time key"
    return treff[1]


def skjema(klient, url: str, **data) -> dict:
    return {**data, "skjema_nokkel": nokkel_fra(klient.get(url).content.decode())}


@pytest.mark.django_db
def test_posting_the_same_concept_note_form_twice_creates_one_note(klient_for, ansatt, seksjon):
    klient = klient_for(ansatt)
    url = reverse("konseptnotat:ny")
    data = skjema(klient, url, tittel="Digitalt tilsyn", seksjon=seksjon.pk, fra_versjon=1)
    forste, andre = klient.post(url, data), klient.post(url, data)
    assert Konseptnotat.objects.count() == 1
    assert forste.status_code == andre.status_code == 302
    assert forste["Location"] == andre["Location"]


@pytest.mark.django_db
def test_posting_the_same_meeting_form_twice_creates_one_meeting(klient_for, sekretaer, portefolje):
    klient = klient_for(sekretaer)
    url = reverse("velge:mote-ny", kwargs={"slug": portefolje.slug})
    data = skjema(klient, url, dato="01.03.2027", tittel="Mars", sted="Rådhuset")
    forste, andre = klient.post(url, data), klient.post(url, data)
    assert Mote.objects.count() == 1
    assert forste["Location"] == andre["Location"]


@pytest.mark.django_db
def test_posting_the_same_comment_twice_creates_one_comment(klient_for, utvikler):
    notat = KonseptnotatFactory(status="innsendt")
    klient = klient_for(utvikler)
    url = reverse("konseptnotat:kommentar-ny", kwargs={"pk": notat.pk})
    data = skjema(klient, url, seksjon="", tekst="Beskriv nullalternativet.")
    forste, andre = klient.post(url, data), klient.post(url, data)
    assert forste.status_code == 302, forste.content.decode()[:500]
    assert Kommentar.objects.count() == 1
    assert forste["Location"] == andre["Location"]


@pytest.mark.django_db
def test_a_new_form_gets_a_new_key_so_a_second_idea_is_possible(klient_for, ansatt):
    klient = klient_for(ansatt)
    url = reverse("ideer:ny")
    felles = {"type": "ide", "beskrivelse": "Et behov.", "opphav": "medarbeidere"}
    klient.post(url, skjema(klient, url, tittel="Første", **felles))
    klient.post(url, skjema(klient, url, tittel="Andre", **felles))
    assert Innspill.objects.count() == 2


def _parallelt(url: str, data: dict, bruker, antall: int = 5) -> list:
    """`antall` clients post `data` at the same moment, each on its own connection."""
    start = threading.Barrier(antall)
    svar: list = [None] * antall

    def post(nr):
        try:
            klient = Client()
            klient.force_login(bruker)
            start.wait()
            svar[nr] = klient.post(url, data)
        except Exception as feil:  # reported below: a thread's exception would vanish
            svar[nr] = feil
        finally:
            connection.close()

    traader = [threading.Thread(target=post, args=(nr,)) for nr in range(antall)]
    for traad in traader:
        traad.start()
    for traad in traader:
        traad.join()
    return svar


@pytest.mark.django_db(transaction=True)
def test_five_parallel_posts_of_the_idea_form_get_one_idea_and_the_same_answer(lag_bruker):
    ansatt = lag_bruker("parallell")
    klient = Client()
    klient.force_login(ansatt)
    url = reverse("ideer:ny")
    data = skjema(
        klient, url, type="ide", tittel="Samtidig", beskrivelse="Et behov.", opphav="medarbeidere"
    )
    svar = _parallelt(url, data, ansatt)
    assert [getattr(s, "status_code", s) for s in svar] == [302] * 5
    assert Innspill.objects.count() == 1
    assert {s["Location"] for s in svar} == {Innspill.objects.get().get_absolute_url()}
    assert Skjemanokkel.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_five_parallel_posts_of_the_meeting_form_get_one_meeting(lag_bruker, portefolje):
    from portefolje.models import Medlemskap, Rolle

    sekretaer = lag_bruker("parallell-sekretaer")
    Medlemskap.objects.create(portefolje=portefolje, bruker=sekretaer, rolle=Rolle.SEKRETAER)
    url = reverse("velge:mote-ny", kwargs={"slug": portefolje.slug})
    klient = Client()
    klient.force_login(sekretaer)
    data = skjema(klient, url, dato=f"{date(2027, 4, 1):%d.%m.%Y}", tittel="April")
    svar = _parallelt(url, data, sekretaer)
    assert [getattr(s, "status_code", s) for s in svar] == [302] * 5
    assert Mote.objects.count() == 1
    assert len({s["Location"] for s in svar}) == 1


@pytest.mark.django_db
def test_keys_older_than_two_days_are_removed_by_the_daily_task():
    import uuid
    from datetime import timedelta

    from django.utils import timezone

    from portefolje.tasks import rydd_skjemanokler

    gammel = Skjemanokkel.objects.create(nokkel=uuid.uuid4())
    Skjemanokkel.objects.filter(pk=gammel.pk).update(opprettet=timezone.now() - timedelta(days=3))
    ny = Skjemanokkel.objects.create(nokkel=uuid.uuid4())
    assert rydd_skjemanokler.delay().get() == 1
    assert list(Skjemanokkel.objects.all()) == [ny]


# --- steering and start decisions

FREMMED = "allerede brukt av noen andre eller på en annen side"


def _styringsdata(klient, prosjekt) -> dict:
    url = reverse("prosjekter:styringsbeslutning", args=[prosjekt.pk])
    html = klient.get(url).content.decode()
    return {
        "type": "pa_vent",
        "begrunnelse": "Venter på budsjettvedtaket.",
        "versjon": re.search(r'name="versjon" value="(\d+)"', html)[1],
        "skjema_nokkel": nokkel_fra(html),
    }


@pytest.mark.django_db
def test_posting_the_same_steering_decision_twice_records_one(klient_for, leder, portefolje):
    prosjekt = ProsjektFactory(portefolje=portefolje)
    klient = klient_for(leder)
    url = reverse("prosjekter:styringsbeslutning", args=[prosjekt.pk])
    data = _styringsdata(klient, prosjekt)
    forste, andre = klient.post(url, data), klient.post(url, data, follow=True)
    assert Styringsbeslutning.objects.count() == 1
    assert forste.status_code == 302
    assert andre.redirect_chain == [(prosjekt.get_absolute_url(), 302)]
    assert "allerede sendt og lagret" in andre.content.decode()


@pytest.mark.django_db
def test_posting_the_same_start_decision_twice_records_one(klient_for, leder, portefolje):
    prosjekt = ProsjektFactory(portefolje=portefolje, tilstand="ikke_startet", fase="planlegge")
    klient = klient_for(leder)
    side = klient.get(reverse("prosjekter:startplan", args=[portefolje.slug])).content.decode()
    prefiks = f"p{prosjekt.pk}"
    data = {
        f"{prefiks}-vedtatt_start": "2027-03",
        f"{prefiks}-begrunnelse": "Kapasitet fra mars.",
        f"{prefiks}-skjema_nokkel": nokkel_fra(side, f"{prefiks}-skjema_nokkel"),
    }
    url = reverse("prosjekter:startvedtak", args=[portefolje.slug, prosjekt.pk])
    forste, andre = klient.post(url, data), klient.post(url, data)
    assert forste.status_code == andre.status_code == 302
    assert Startvedtak.objects.filter(prosjekt=prosjekt).count() == 1


@pytest.mark.django_db(transaction=True)
def test_five_parallel_posts_of_a_steering_decision_record_one(lag_bruker, portefolje):
    leder = lag_bruker("parallell-leder")
    Medlemskap.objects.create(portefolje=portefolje, bruker=leder, rolle=Rolle.LEDER)
    prosjekt = ProsjektFactory(portefolje=portefolje)
    klient = Client()
    klient.force_login(leder)
    url = reverse("prosjekter:styringsbeslutning", args=[prosjekt.pk])
    svar = _parallelt(url, _styringsdata(klient, prosjekt), leder, antall=5)
    assert [getattr(s, "status_code", s) for s in svar] == [302] * 5
    assert Styringsbeslutning.objects.count() == 1
    prosjekt.refresh_from_db()
    assert prosjekt.tilstand == "pa_vent"


@pytest.mark.django_db(transaction=True)
def test_five_parallel_posts_of_a_start_decision_record_one(lag_bruker, portefolje):
    leder = lag_bruker("parallell-startleder")
    Medlemskap.objects.create(portefolje=portefolje, bruker=leder, rolle=Rolle.LEDER)
    prosjekt = ProsjektFactory(portefolje=portefolje, tilstand="ikke_startet", fase="planlegge")
    klient = Client()
    klient.force_login(leder)
    side = klient.get(reverse("prosjekter:startplan", args=[portefolje.slug])).content.decode()
    prefiks = f"p{prosjekt.pk}"
    data = {
        f"{prefiks}-vedtatt_start": "2027-03",
        f"{prefiks}-begrunnelse": "Kapasitet fra mars.",
        f"{prefiks}-skjema_nokkel": nokkel_fra(side, f"{prefiks}-skjema_nokkel"),
    }
    url = reverse("prosjekter:startvedtak", args=[portefolje.slug, prosjekt.pk])
    svar = _parallelt(url, data, leder, antall=5)
    assert [getattr(s, "status_code", s) for s in svar] == [302] * 5
    assert Startvedtak.objects.count() == 1


# --- keys bound to the person and the form


@pytest.mark.django_db
def test_another_users_key_on_another_form_saves_nothing_and_says_so(
    klient_for, ansatt, utvikler, seksjon
):
    ideskjema = reverse("ideer:ny")
    eier = klient_for(ansatt)
    data = skjema(
        eier,
        ideskjema,
        type="ide",
        tittel="Min idé",
        beskrivelse="Et behov.",
        opphav="medarbeidere",
    )
    eier.post(ideskjema, data)
    assert Innspill.objects.count() == 1

    annen = Client()
    annen.force_login(utvikler)
    notatskjema = reverse("konseptnotat:ny")
    svar = annen.post(
        notatskjema,
        {
            "tittel": "Digitalt tilsyn",
            "seksjon": seksjon.pk,
            "fra_versjon": 1,
            "skjema_nokkel": data["skjema_nokkel"],
        },
    )
    assert svar.status_code == 200
    innhold = svar.content.decode()
    assert FREMMED in innhold
    assert not Konseptnotat.objects.exists()
    # The form shown again carries a new key and the person's input: sending it saves.
    ny_nokkel = nokkel_fra(innhold)
    assert ny_nokkel != data["skjema_nokkel"] and "Digitalt tilsyn" in innhold
    annen.post(
        notatskjema,
        {
            "tittel": "Digitalt tilsyn",
            "seksjon": seksjon.pk,
            "fra_versjon": 1,
            "skjema_nokkel": ny_nokkel,
        },
    )
    assert Konseptnotat.objects.count() == 1


@pytest.mark.django_db
def test_another_users_key_on_the_same_form_is_not_answered_with_their_object(
    klient_for, ansatt, utvikler
):
    url = reverse("ideer:ny")
    felles = {"type": "ide", "beskrivelse": "Et behov.", "opphav": "medarbeidere"}
    data = skjema(klient_for(ansatt), url, tittel="Ansattes idé", **felles)
    klient_for(ansatt).post(url, data)
    annen = Client()
    annen.force_login(utvikler)
    svar = annen.post(url, {**data, "tittel": "Utviklerens idé"})
    assert svar.status_code == 200 and FREMMED in svar.content.decode()
    assert list(Innspill.objects.values_list("tittel", flat=True)) == ["Ansattes idé"]


@pytest.mark.django_db
def test_my_own_key_from_another_form_is_refused_there(klient_for, leder, portefolje):
    prosjekt = ProsjektFactory(portefolje=portefolje)
    klient = klient_for(leder)
    data = _styringsdata(klient, prosjekt)
    klient.post(reverse("prosjekter:styringsbeslutning", args=[prosjekt.pk]), data)
    url = reverse("velge:mote-ny", kwargs={"slug": portefolje.slug})
    svar = klient.post(
        url, {"dato": "01.03.2027", "tittel": "Mars", "skjema_nokkel": data["skjema_nokkel"]}
    )
    assert svar.status_code == 200 and FREMMED in svar.content.decode()
    assert not Mote.objects.exists()


@pytest.mark.django_db
def test_a_used_key_on_the_public_form_gets_a_message_not_a_500(klient_for, ansatt):
    ansattskjema = reverse("ideer:ny")
    data = skjema(
        klient_for(ansatt),
        ansattskjema,
        type="ide",
        tittel="Intern",
        beskrivelse="Et behov.",
        opphav="medarbeidere",
    )
    klient_for(ansatt).post(ansattskjema, data)

    innbygger = Client()
    innbygger.get("/innspill/ny/")
    svar = innbygger.post("/innspill/ny/", offentlig_post(skjema_nokkel=data["skjema_nokkel"]))
    assert svar.status_code == 409
    assert FREMMED in svar.content.decode()
    assert list(Innspill.objects.values_list("tittel", flat=True)) == ["Intern"]


@pytest.mark.django_db
def test_a_citizens_key_sent_from_another_browser_is_refused(client):
    data = offentlig_post(skjema_nokkel=nokkel_fra(client.get("/innspill/ny/").content.decode()))
    assert client.post("/innspill/ny/", data).status_code == 302
    annen_nettleser = Client()
    svar = annen_nettleser.post("/innspill/ny/", data)
    assert svar.status_code == 409 and FREMMED in svar.content.decode()
    assert Innspill.objects.count() == 1
