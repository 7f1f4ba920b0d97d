"""Background work is queued one way: after commit, by name, through portefolje.koe, with one
policy for a broker that is down."""

import ast
from pathlib import Path

import pytest
from django.db import transaction
from kombu.exceptions import OperationalError

from portefolje import driftsstatus, koe
from portefolje.tasks import send_varsel_epost

OPPGAVE = "portefolje.tasks.send_varsel_epost"

ROT = Path(__file__).resolve().parents[2]
APPER = ["portefolje", "ideer", "konseptnotat", "velge", "prosjekter", "rapporter", "offentlig"]


def test_no_task_is_queued_except_through_the_core_helper():
    brudd = []
    for app in [*APPER, "api"]:
        for fil in (ROT / app).rglob("*.py"):
            relativ = fil.relative_to(ROT).as_posix()
            if "/tests/" in relativ or relativ == "portefolje/koe.py":
                continue
            for node in ast.walk(ast.parse(fil.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Attribute) and node.attr in {
                    "delay",
                    "apply_async",
                    "send_task",
                    "delay_on_commit",
                }:
                    brudd.append(f"{relativ}:{node.lineno} .{node.attr}")
    assert not brudd, "Oppgaver lagt i kø utenom portefolje.koe:\n" + "\n".join(brudd)


@pytest.mark.django_db(transaction=True)
def test_nothing_is_queued_before_commit_nor_after_a_rollback(monkeypatch):
    koet = []
    monkeypatch.setattr(send_varsel_epost, "delay", koet.append)
    with transaction.atomic():
        koe.oppgave_koe(OPPGAVE, 1, ved_feil="")
        assert koet == []
    assert koet == [1]
    with pytest.raises(RuntimeError), transaction.atomic():
        koe.oppgave_koe(OPPGAVE, 2, ved_feil="")
        raise RuntimeError
    assert koet == [1]


def test_a_broker_that_is_down_is_a_warning_and_the_pages_learn_it(monkeypatch, caplog):
    def nede(*args):
        raise OperationalError("Error 111 connecting to 127.0.0.1:1. Connection refused.")

    monkeypatch.setattr(send_varsel_epost, "delay", nede)
    driftsstatus.glem()
    try:
        assert not koe.oppgave_koe_naa(OPPGAVE, 7, ved_feil="feie")
        assert "svarer ikke; feie" in caplog.text
        assert caplog.records[-1].levelname == "WARNING"
        assert driftsstatus.BROKER in driftsstatus.nede()
    finally:
        driftsstatus.glem()


def test_an_unknown_task_name_fails_loudly():
    with pytest.raises(LookupError):
        koe.oppgave_koe_naa("portefolje.tasks.finnes_ikke", ved_feil="")
