"""Velge's approval creates the project through the hook Styre registers."""

import re
import threading

import pytest
from django.db import connection

from ideer.models import Innspill
from portefolje.models import Hendelse
from prosjekter import services
from prosjekter.models import Prosjekt
from prosjekter.tests.factories import lag_beslutning
from velge import hooks


def _innspill():
    return Innspill.objects.create(
        tittel="Trygghetsalarm med GPS",
        beskrivelse="Pårørende ønsker lokalisering.",
        opphav="administrativ",
        kanal="portal",
    )


@pytest.mark.django_db
def test_the_hook_is_registered_by_the_app():
    assert services.prosjekt_opprett_fra_beslutning in hooks._ved_godkjenning


@pytest.mark.django_db
def test_approval_creates_a_linked_project_not_started_in_concept(portefolje, leder, lag_bruker):
    eier = lag_bruker("initiativtaker")
    innspill = _innspill()
    beslutning = lag_beslutning(
        portefolje=portefolje,
        eier=eier,
        besluttet_av=leder,
        innspill=[innspill],
        mal="Flere skal bo trygt hjemme lenger.",
        investering=2_400_000,
    )

    resultat = hooks.kjor_ved_godkjenning(beslutning=beslutning)

    prosjekt = Prosjekt.objects.get(beslutning=beslutning)
    assert resultat == [prosjekt]
    assert prosjekt.tittel == "Velferdsteknologi i hjemmetjenesten"
    assert prosjekt.portefolje == portefolje
    assert prosjekt.konseptnotat == beslutning.notat
    assert list(prosjekt.innspill.all()) == [innspill]
    assert prosjekt.malsetting == "Flere skal bo trygt hjemme lenger."
    assert prosjekt.budsjett == 2_400_000
    assert prosjekt.tilstand == "ikke_startet" and prosjekt.fase == "konsept"
    assert prosjekt.nummer == f"P-{beslutning.besluttet.year}-001"
    assert Hendelse.objects.for_objekt(prosjekt).filter(handling="opprettet").exists()


@pytest.mark.django_db
def test_numbers_count_up_and_calling_twice_makes_no_second_project(portefolje, leder, lag_bruker):
    eier = lag_bruker("initiativtaker")
    b1 = lag_beslutning(portefolje=portefolje, eier=eier, besluttet_av=leder)
    b2 = lag_beslutning(
        portefolje=portefolje, eier=eier, besluttet_av=leder, tittel="Digital byggesak"
    )
    p1 = services.prosjekt_opprett_fra_beslutning(beslutning=b1)
    p2 = services.prosjekt_opprett_fra_beslutning(beslutning=b2)
    assert services.prosjekt_opprett_fra_beslutning(beslutning=b1) == p1
    assert p1.nummer.endswith("-001") and p2.nummer.endswith("-002")
    assert Prosjekt.objects.count() == 2


@pytest.mark.django_db(transaction=True)
def test_numbers_stay_unique_when_two_decisions_come_at_once():
    resultater, feil = [], []
    sperre = threading.Barrier(4)

    def ta_nummer():
        try:
            sperre.wait()
            resultater.append(services.prosjektnummer_neste(ar=2031))
        except Exception as e:  # pragma: no cover - reported below
            feil.append(e)
        finally:
            connection.close()

    tradar = [threading.Thread(target=ta_nummer) for _ in range(4)]
    for t in tradar:
        t.start()
    for t in tradar:
        t.join()
    assert not feil
    assert sorted(resultater) == [f"P-2031-00{n}" for n in range(1, 5)]


@pytest.mark.django_db
def test_after_approval_the_chair_is_led_to_the_new_project(portefolje, leder, klient_for):
    from django.urls import reverse
    from django.utils import timezone

    from velge.tests.factories import kriterier_for, mote_med_notater

    kriterier_for(portefolje)
    mote, [notat] = mote_med_notater(portefolje, dato=timezone.localdate())
    klient = klient_for(leder)
    svar = klient.post(
        reverse(
            "velge:beslutt",
            kwargs={"slug": portefolje.slug, "pk": mote.pk, "notat_pk": notat.pk},
        ),
        # Nobody has scored: the chair confirms deciding below the quorum, with a reason.
        {
            "utfall": "godkjent",
            "begrunnelse": "Stor gevinst.",
            "prosjekteier": notat.eier_id,
            "under_kvorum": "on",
            "under_kvorum_grunn": "Saken haster.",
        },
        follow=True,
    )
    prosjekt = Prosjekt.objects.get(beslutning__notat=notat)
    innhold = svar.content.decode()
    assert f'<a href="{prosjekt.get_absolute_url()}">Åpne {prosjekt.nummer}' in innhold
    side = klient.get(reverse("velge:mote", kwargs={"slug": portefolje.slug, "pk": mote.pk}))
    lenke = re.search(
        r'href="([^"]+)">Gå til prosjektet ' + re.escape(prosjekt.nummer), side.content.decode()
    )
    assert lenke and klient.get(lenke.group(1)).status_code == 200
