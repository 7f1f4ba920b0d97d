"""Two people triaging the same input at once: one wins, the other is told; nothing is lost."""

import threading

import pytest
from django.db import connection

from ideer.models import Status
from ideer.services import innspill_besvar, innspill_endre_status
from ideer.tests.factories import InnspillFactory
from portefolje.samtidighet import Konflikt


@pytest.mark.django_db(transaction=True)
def test_two_triagers_with_the_same_version_one_is_refused(utvikler):
    innspill = InnspillFactory()
    versjon = innspill.versjon
    start = threading.Barrier(2)
    utfall = []

    def kjor(handling):
        try:
            start.wait()
            handling()
            utfall.append("ok")
        except Konflikt:
            utfall.append("konflikt")
        finally:
            connection.close()

    trader = [
        threading.Thread(
            target=kjor,
            args=(
                lambda: innspill_endre_status(
                    innspill=innspill,
                    status=Status.UNDER_VURDERING,
                    versjon=versjon,
                    aktor=utvikler,
                ),
            ),
        ),
        threading.Thread(
            target=kjor,
            args=(
                lambda: innspill_besvar(
                    innspill=innspill, svar="Svar", versjon=versjon, aktor=utvikler
                ),
            ),
        ),
    ]
    for t in trader:
        t.start()
    for t in trader:
        t.join()

    assert sorted(utfall) == ["konflikt", "ok"]
    innspill.refresh_from_db()
    assert innspill.versjon == versjon + 1
