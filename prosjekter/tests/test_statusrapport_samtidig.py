"""Two people save the same draft at once, on PostgreSQL with two connections: one wins, the other
is told, and nothing is silently overwritten."""

import threading

import pytest
from django.db import connection

from portefolje.samtidighet import Konflikt
from prosjekter import services
from prosjekter.models import Statusrapport
from prosjekter.tests.factories import ProsjektFactory


@pytest.mark.django_db(transaction=True)
def test_two_saves_from_the_same_version_one_wins_one_is_refused():
    prosjekt = ProsjektFactory()
    rapport = services.statusrapport_ny(prosjekt=prosjekt, aktor=None)
    versjon = rapport.versjon
    sperre = threading.Barrier(2)
    utfall = []

    def lagre(tekst):
        try:
            sperre.wait()
            services.statusrapport_lagre(
                rapport=rapport, data={"oppnadd": tekst}, versjon=versjon, aktor=None
            )
            utfall.append(("lagret", tekst))
        except Konflikt:
            utfall.append(("konflikt", tekst))
        finally:
            connection.close()

    tradar = [threading.Thread(target=lagre, args=(t,)) for t in ("Eier", "Leder")]
    for t in tradar:
        t.start()
    for t in tradar:
        t.join()
    assert sorted(u[0] for u in utfall) == ["konflikt", "lagret"]
    vinner = next(t for u, t in utfall if u == "lagret")
    rapport = Statusrapport.objects.get(pk=rapport.pk)
    assert rapport.oppnadd == vinner and rapport.versjon == versjon + 1
