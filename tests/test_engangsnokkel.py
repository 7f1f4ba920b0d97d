"""A create form posted twice, or four times at once, creates one object.

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
from konseptnotat.models import Kommentar, Konseptnotat
from konseptnotat.tests.factories import KonseptnotatFactory
from portefolje.models import Skjemanokkel
from velge.models import Mote


def nokkel_fra(html: str) -> str:
    treff = re.search(r'name="skjema_nokkel" value="([0-9a-f-]{36})"', html)
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


def _parallelt(url: str, data: dict, bruker, antall: int = 4) -> list:
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
def test_four_parallel_posts_of_the_idea_form_get_one_idea_and_the_same_answer(lag_bruker):
    ansatt = lag_bruker("parallell")
    klient = Client()
    klient.force_login(ansatt)
    url = reverse("ideer:ny")
    data = skjema(
        klient, url, type="ide", tittel="Samtidig", beskrivelse="Et behov.", opphav="medarbeidere"
    )
    svar = _parallelt(url, data, ansatt)
    assert [getattr(s, "status_code", s) for s in svar] == [302] * 4
    assert Innspill.objects.count() == 1
    assert {s["Location"] for s in svar} == {Innspill.objects.get().get_absolute_url()}
    assert Skjemanokkel.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_four_parallel_posts_of_the_meeting_form_get_one_meeting(lag_bruker, portefolje):
    from portefolje.models import Medlemskap, Rolle

    sekretaer = lag_bruker("parallell-sekretaer")
    Medlemskap.objects.create(portefolje=portefolje, bruker=sekretaer, rolle=Rolle.SEKRETAER)
    url = reverse("velge:mote-ny", kwargs={"slug": portefolje.slug})
    klient = Client()
    klient.force_login(sekretaer)
    data = skjema(klient, url, dato=f"{date(2027, 4, 1):%d.%m.%Y}", tittel="April")
    svar = _parallelt(url, data, sekretaer)
    assert [getattr(s, "status_code", s) for s in svar] == [302] * 4
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
