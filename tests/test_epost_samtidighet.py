"""Exactly once under concurrency, on PostgreSQL: passes and senders racing in threads, each with
its own database connection."""

import threading
from collections import Counter
from datetime import date
from unittest import mock

import pytest
from django.core import mail
from django.core.mail.backends import locmem
from django.db import connection

from konseptnotat.models import Status as NotatStatus
from konseptnotat.services import notat_send_til_revisjon
from portefolje import epost
from portefolje.models import Varsel
from portefolje.paminnelser import paminnelser_kjor
from prosjekter.tests.paminnelser_hjelp import lag_notat, lag_prosjekt

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.postgres,
]


def i_trader(antall, arbeid):
    """Run `arbeid()` in `antall` threads released at once; return their results."""
    start = threading.Barrier(antall)
    resultater, feil = [], []

    def kjor():
        try:
            start.wait()
            resultater.append(arbeid())
        except Exception as e:  # pragma: no cover - reported below
            feil.append(e)
        finally:
            connection.close()

    trader = [threading.Thread(target=kjor) for _ in range(antall)]
    for t in trader:
        t.start()
    for t in trader:
        t.join(timeout=120)
    assert not feil, feil
    return resultater


def test_concurrent_passes_claim_and_send_each_reminder_once(portefolje, lag_bruker, utvikler):
    leder, eier = lag_bruker("pia"), lag_bruker("eirik")
    for _ in range(5):
        lag_prosjekt(portefolje, startdato=date(2026, 10, 1), leder=leder, eier=eier)
    notat = lag_notat(lag_bruker("ingrid"), status=NotatStatus.INNSENDT)
    notat_send_til_revisjon(notat=notat, aktor=utvikler, kommentar="Mer om kostnader.")
    # The sent-back notice's e-mail left when the action committed (Celery eager in tests).
    (revisjon,) = mail.outbox
    assert revisjon.to == [notat.eier.email]
    mail.outbox.clear()

    resultater = i_trader(4, lambda: paminnelser_kjor(idag=date(2026, 11, 25), synkron=True))

    # Per project: overdue to pia, escalated to eirik (no chair); plus the sent-back notice,
    # which the service made at once and which no pass makes or sends again.
    assert Varsel.objects.count() == 5 * 2 + 1
    antall = 5 * 2
    assert sum(r.nye for r in resultater) == antall
    assert sum(r.epost_sendt for r in resultater) == antall
    sendt = Counter((m.to[0], m.subject) for m in mail.outbox)
    assert len(mail.outbox) == antall
    assert max(sendt.values()) == 1


def test_two_senders_of_one_notification_send_one_email(portefolje, lag_bruker):
    lag_prosjekt(portefolje, startdato=date(2026, 10, 1), leder=lag_bruker("pia"))
    with mock.patch("portefolje.epost.epost_koe"):  # claimed, not queued
        paminnelser_kjor(idag=date(2026, 11, 5))
    varsel = Varsel.objects.get()
    ekte_send = locmem.EmailBackend.send_messages
    inne = threading.Event()

    def treg_send(self, *args, **kwargs):
        # Hold the row lock until the other sender has had its go at the row.
        inne.set()
        andre_ferdig.wait(timeout=30)
        return ekte_send(self, *args, **kwargs)

    andre_ferdig = threading.Event()
    utfall = []

    def forste():
        try:
            with mock.patch.object(locmem.EmailBackend, "send_messages", treg_send):
                utfall.append(epost.varsel_epost_send(varsel_id=varsel.pk))
        finally:
            connection.close()

    def andre():
        try:
            inne.wait(timeout=30)
            utfall.append(epost.varsel_epost_send(varsel_id=varsel.pk))
            andre_ferdig.set()
        finally:
            connection.close()

    trader = [threading.Thread(target=forste), threading.Thread(target=andre)]
    for t in trader:
        t.start()
    for t in trader:
        t.join(timeout=60)
    assert sorted(utfall) == sorted([epost.SENDT, epost.OPPTATT])
    assert len(mail.outbox) == 1
    varsel.refresh_from_db()
    assert varsel.epost_sendt is not None
