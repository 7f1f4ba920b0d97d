"""`manage.py send_reminders` on the demo data: the first pass sends, the second sends none."""

from io import StringIO

import pytest
from django.core import mail
from django.core.management import CommandError, call_command

from ideer.paminnelser import PARKERT_FRIST
from konseptnotat.varsler import KONSEPTNOTAT_TIL_REVISJON
from portefolje.models import Varsel
from prosjekter.paminnelser.regler import (
    STATUSRAPPORT_ESKALERT,
    STATUSRAPPORT_FORFALT,
    STATUSRAPPORT_SNART,
)
from velge.paminnelser import MOTE_IKKE_VURDERT, MOTE_NOTAT_IKKE_KLART

pytestmark = pytest.mark.django_db


def kjor(*args):
    ut = StringIO()
    call_command("send_reminders", *args, stdout=ut)
    return ut.getvalue()


def test_demo_data_gives_reminders_once():
    # The ordinary demo has what every reminder needs: no separate set of objects for them.
    call_command("demo_data", force=True, stdout=StringIO())
    call_command("demo_data", force=True, stdout=StringIO())  # idempotent
    # The demo's own workflows notify people too (a note submitted, an input answered).
    eposter_for = len(mail.outbox)

    # Begrunne's «sent back» notice is made by the action in the demo, not by the pass.
    sendt_tilbake = Varsel.objects.filter(type=KONSEPTNOTAT_TIL_REVISJON).count()
    assert sendt_tilbake >= 1
    for_runden = Varsel.objects.count()

    forste = kjor()
    assert Varsel.objects.filter(type=KONSEPTNOTAT_TIL_REVISJON).count() == sendt_tilbake
    typer = set(Varsel.objects.values_list("type", flat=True))
    assert {
        STATUSRAPPORT_SNART,
        STATUSRAPPORT_FORFALT,
        STATUSRAPPORT_ESKALERT,
        MOTE_NOTAT_IKKE_KLART,
        MOTE_IKKE_VURDERT,
        KONSEPTNOTAT_TIL_REVISJON,
        PARKERT_FRIST,
    } <= typer
    antall = Varsel.objects.count() - for_runden
    assert f"Påminnelser: {antall} nye varsler" in forste
    assert len(mail.outbox) - eposter_for == antall  # every demo user has an address
    assert {"prosjektleder@ovre-eiker.example", "helseleder@ovre-eiker.example"} <= {
        m.to[0] for m in mail.outbox[eposter_for:]
    }

    andre = kjor()
    assert "Påminnelser: 0 nye varsler" in andre and "0 e-poster sendt" in andre
    assert len(mail.outbox) - eposter_for == antall


def test_a_bad_date_is_a_clear_error():
    with pytest.raises(CommandError, match="Ugyldig dato"):
        kjor("--dato", "26.11.2026")
