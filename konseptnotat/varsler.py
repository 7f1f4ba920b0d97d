"""Begrunne's notification kinds, registered with the core (portefolje.varsler) in
KonseptnotatConfig.ready(). Begrunne has no reminder rules: its notices happen at the action."""

from django.utils.translation import gettext_lazy

from portefolje.varsler import varseltype_registrer

KONSEPTNOTAT_TIL_REVISJON = varseltype_registrer(
    "konseptnotat_til_revisjon",
    navn=gettext_lazy("Concept note sent back for revision"),
    beskrivelse=gettext_lazy("Your note was sent back with comments; e-mailed at once."),
)
KONSEPTNOTAT_INNSENDT = varseltype_registrer(
    "konseptnotat_innsendt",
    navn=gettext_lazy("Concept note submitted"),
    beskrivelse=gettext_lazy("To the guide, when a note they guide is submitted."),
    epost_standard=False,
)
KONSEPTNOTAT_KLAR = varseltype_registrer(
    "konseptnotat_klar",
    navn=gettext_lazy("Concept note ready for a portfolio"),
    beskrivelse=gettext_lazy("Your note was marked ready and given to a portfolio."),
    epost_standard=False,
)
KONSEPTNOTAT_KOMMENTAR = varseltype_registrer(
    "konseptnotat_kommentar",
    navn=gettext_lazy("New comment on a concept note"),
    beskrivelse=gettext_lazy("Guidance on a note you wrote or co-wrote."),
    epost_standard=False,
)
