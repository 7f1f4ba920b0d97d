"""Workflows for concept notes. Other phases (Velge) call these; they never write notes directly.

Velge relies on `innhold_av`, `versjon_lagre`, `versjon_frys`, `notat_sett_behandlet`,
`notat_send_til_revisjon` and `notat_flytt_til_portefolje` with exactly these keyword signatures.

The workflows live in the modules of this package by area; import them from here."""

from konseptnotat.services.felles import M2M_FELTER, NotatFeil, Ufullstendig, _som_json
from konseptnotat.services.kommentarer import kommentar_los, kommentar_opprett
from konseptnotat.services.notat import (
    data_fra_innspill,
    notat_flytt_til_portefolje,
    notat_lagre,
    notat_merk_klar,
    notat_opprett,
    notat_send_inn,
    notat_send_til_revisjon,
    notat_sett_behandlet,
    notat_sett_veileder,
)
from konseptnotat.services.versjoner import innhold_av, versjon_frys, versjon_lagre

__all__ = [
    "M2M_FELTER",
    "NotatFeil",
    "Ufullstendig",
    "_som_json",
    "data_fra_innspill",
    "innhold_av",
    "kommentar_los",
    "kommentar_opprett",
    "notat_flytt_til_portefolje",
    "notat_lagre",
    "notat_merk_klar",
    "notat_opprett",
    "notat_send_inn",
    "notat_send_til_revisjon",
    "notat_sett_behandlet",
    "notat_sett_veileder",
    "versjon_frys",
    "versjon_lagre",
]
