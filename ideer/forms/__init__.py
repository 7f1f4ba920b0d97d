"""Samle's forms, by area; import them from here."""

from ideer.forms.innspill import (
    UKJENT_KODE,
    FolgInnspillForm,
    ImportForm,
    InnspillForm,
    OffentligInnspillForm,
    VedleggFelt,
    lag_tidsstempel,
)
from ideer.forms.triage import Handling, TriageForm

__all__ = [
    "UKJENT_KODE",
    "FolgInnspillForm",
    "Handling",
    "ImportForm",
    "InnspillForm",
    "OffentligInnspillForm",
    "TriageForm",
    "VedleggFelt",
    "lag_tidsstempel",
]
