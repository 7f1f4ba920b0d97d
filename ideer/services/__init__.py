"""Samle's workflows: register an input, triage it, keep its history, forget personal data.

Every write runs inside `transaction.atomic()`; triage locks the row (`select_for_update`) and
checks its version, so two people triaging the same input at once never overwrite each other.
Every change is written to the audit trail (portefolje.revisjon).

The workflows live in the modules of this package by area; import them from here."""

from ideer.services.felles import TriageFeil
from ideer.services.personvern import innspill_anonymiser_utlopte
from ideer.services.registrering import innspill_legg_ved, innspill_opprett
from ideer.services.triage import (
    innspill_avvis,
    innspill_bestill_konseptnotat,
    innspill_besvar,
    innspill_endre_status,
    innspill_slaa_sammen,
    innspill_tildel,
)

__all__ = [
    "TriageFeil",
    "innspill_anonymiser_utlopte",
    "innspill_avvis",
    "innspill_bestill_konseptnotat",
    "innspill_besvar",
    "innspill_endre_status",
    "innspill_legg_ved",
    "innspill_opprett",
    "innspill_slaa_sammen",
    "innspill_tildel",
]
