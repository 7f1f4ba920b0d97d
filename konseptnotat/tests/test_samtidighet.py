"""No lost updates: two people saving the same version at once on PostgreSQL, two connections."""

import threading

import pytest
from django.db import connections

from konseptnotat import services
from konseptnotat.models import Konseptnotat
from portefolje.samtidighet import Konflikt

from .factories import KonseptnotatFactory

pytestmark = pytest.mark.postgres


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_saves_from_the_same_version_one_wins_one_is_refused(lag_bruker):
    notat = KonseptnotatFactory(mal="Opprinnelig")
    kollega = lag_bruker("kollega")
    notat.medforfattere.add(kollega)
    start = threading.Barrier(2)
    utfall = {}

    def lagre(navn, aktor, tekst):
        try:
            start.wait(timeout=10)
            services.notat_lagre(
                notat=Konseptnotat.objects.get(pk=notat.pk),
                data={"mal": tekst},
                fra_versjon=1,
                aktor=aktor,
            )
            utfall[navn] = "lagret"
        except Konflikt:
            utfall[navn] = "avvist"
        finally:
            connections.close_all()

    traader = [
        threading.Thread(target=lagre, args=("eier", notat.eier, "Eierens mål")),
        threading.Thread(target=lagre, args=("kollega", kollega, "Kollegaens mål")),
    ]
    for t in traader:
        t.start()
    for t in traader:
        t.join(timeout=30)

    assert sorted(utfall.values()) == ["avvist", "lagret"]
    notat.refresh_from_db()
    vinner = next(n for n, u in utfall.items() if u == "lagret")
    assert notat.mal == {"eier": "Eierens mål", "kollega": "Kollegaens mål"}[vinner]
    assert notat.versjon == 2
    assert list(notat.versjoner.order_by("nummer").values_list("nummer", flat=True)) == [1, 2]
