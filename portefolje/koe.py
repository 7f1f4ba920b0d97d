"""Background work, queued after commit: one way for every task, one policy for a broker that
is down.

Every task the portal queues goes through `oppgave_koe` (the models: pretix's
TransactionAwareTask, Celery 5.4's `delay_on_commit`):

- After commit: the task is queued when the surrounding transaction commits, so a worker never
  looks for a row that is not saved yet, and a rolled-back change queues nothing.
- By name, as the beat schedule names tasks: a module that queues work never imports the module
  that does it. The mail path runs one way (rules → notifications → outbox → task), and a service
  never imports its own app's tasks.
- The broker (Redis) unreachable: the request that saved its change does not fail. A warning is
  logged, the row stays as it was saved (a notification unsent, a report waiting), and the
  periodic sweep that owns that kind of row queues it again (`ved_feil` names it). Never a 500,
  never lost; the pages say «degradert» meanwhile (portefolje.driftsstatus).
"""

import logging
from functools import partial

from celery import current_app
from django.db import transaction
from kombu.exceptions import OperationalError

from portefolje import driftsstatus

logger = logging.getLogger("portefolje.koe")

# What publishing raises when the broker cannot be reached: Kombu wraps the transport's own
# connection errors (refused, timed out, name not found) as OperationalError.
BROKERFEIL = (OperationalError,)


def _oppgave(navn: str):
    """The registered task called `navn`. A web process has imported only the task modules its
    views needed, so the apps' tasks modules are imported once (as a worker does at start)."""
    try:
        return current_app.tasks[navn]
    except KeyError:
        current_app.autodiscover_tasks(force=True)
    try:
        return current_app.tasks[navn]
    except KeyError:
        raise LookupError(f"Ingen Celery-oppgave heter {navn!r}") from None


def oppgave_koe(navn: str, *args, ved_feil: str) -> None:
    """Queue the task `navn` with `args` (ids only) when the current transaction commits.

    `ved_feil` says, for the operator's log, what picks the work up if the broker is down (the
    sweep that owns the row). Refuses (LookupError, at commit) a task name nobody registered.
    """
    transaction.on_commit(partial(oppgave_koe_naa, navn, *args, ved_feil=ved_feil))


def oppgave_koe_naa(navn: str, *args, ved_feil: str) -> bool:
    """Queue the task now; False, with a warning in the log, when the broker cannot be reached.
    For callbacks that already run after commit; everything else calls `oppgave_koe`."""
    oppgave = _oppgave(navn)
    try:
        oppgave.delay(*args)
    except BROKERFEIL:
        logger.warning(
            "Kunne ikke legge %s%s i køen: meldingskøen (broker) svarer ikke; %s",
            navn,
            args,
            ved_feil,
            exc_info=True,
        )
        driftsstatus.marker_nede(driftsstatus.BROKER)
        return False
    except Exception:
        # Run in-process (CELERY_TASK_ALWAYS_EAGER, when trying the portal out) the task's own
        # failure lands here; the request has saved its change and must not fail for it.
        logger.exception("%s%s feilet da den ble lagt i køen; %s", navn, args, ved_feil)
        return False
    return True
