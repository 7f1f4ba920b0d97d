"""The demo content put back from the process's snapshot is the content the command made."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection

from tests.demodata import _tabellnavn, demo_data_lag

pytestmark = pytest.mark.postgres


def _innhold() -> dict[str, list[bytes]]:
    """Every table's rows, sorted: the order COPY reads a table in is the heap's, not the data's."""
    q = connection.ops.quote_name
    innhold = {}
    with connection.cursor() as cursor:
        for navn in _tabellnavn():
            data = bytearray()
            with cursor.copy(f"COPY {q(navn)} TO STDOUT") as copy:
                for bit in copy:
                    data += bit
            if data:
                innhold[navn] = sorted(bytes(data).splitlines())
    return innhold


def _tom():
    # As a live-server test leaves the database: emptied, content types made again, sequences on.
    call_command("flush", interactive=False, reset_sequences=False, verbosity=0)


@pytest.mark.django_db(transaction=True)
def test_the_restored_demo_is_the_commands_own_row_for_row(client):
    _tom()
    demo_data_lag()
    forste = _innhold()
    _tom()

    demo_data_lag()

    # Restored, not made again: a second run of the command would give the rows new ids.
    assert _innhold() == forste
    # The demo password works, and a new row gets an id the restored rows do not have.
    svar = client.post("/konto/login/", {"username": "klg", "password": "demo"})
    assert svar.status_code == 302
    ny = Group.objects.create(name="Laget etter demoen")
    assert ny.pk > max(Group.objects.exclude(pk=ny.pk).values_list("pk", flat=True))
