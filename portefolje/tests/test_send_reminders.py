"""`manage.py send_reminders` on the demo data: the first pass sends, the second sends none."""

from io import StringIO

import pytest
from django.core import mail
from django.core.management import CommandError, call_command

from ideer.paminnelser import PARKERT_FRIST
from konseptnotat.varsler import KONSEPTNOTAT_TIL_REVISJON
from portefolje import demo as portefolje_demo
from portefolje.models import Varsel
from prosjekter.paminnelser import demo
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
    portefolje_demo.opprett(storrelse="normal", logg=lambda _: None)
    demo.opprett(storrelse="normal", logg=lambda _: None)
    demo.opprett(storrelse="normal", logg=lambda _: None)  # idempotent

    # Begrunne's «sent back» notice is made by the action in the demo, not by the pass.
    assert Varsel.objects.filter(type=KONSEPTNOTAT_TIL_REVISJON).count() == 1
    for_runden = Varsel.objects.count()

    forste = kjor()
    assert Varsel.objects.filter(type=KONSEPTNOTAT_TIL_REVISJON).count() == 1
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
    assert len(mail.outbox) == antall  # every demo user has an address
    assert {"prosjektleder@ovre-eiker.example", "helseleder@ovre-eiker.example"} <= {
        m.to[0] for m in mail.outbox
    }

    andre = kjor()
    assert "Påminnelser: 0 nye varsler" in andre and "0 e-poster sendt" in andre
    assert len(mail.outbox) == antall


def test_a_bad_date_is_a_clear_error():
    with pytest.raises(CommandError, match="Ugyldig dato"):
        kjor("--dato", "26.11.2026")
