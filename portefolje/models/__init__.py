"""The portfolio core: organisation and people, audit trail, notifications."""

from portefolje.models.arkiv import Arkivforsendelse, Arkivstatus
from portefolje.models.hendelser import Hendelse
from portefolje.models.innlogging import EntraIdentitet
from portefolje.models.organisasjon import Medlemskap, Portefolje, Profil, Rolle, Seksjon
from portefolje.models.skjemanokler import Skjemanokkel
from portefolje.models.varsler import (
    PaminnelsesInnstilling,
    Varsel,
    VarselInnstilling,
)
from portefolje.models.visninger import Visning

__all__ = [
    "Arkivforsendelse",
    "Arkivstatus",
    "EntraIdentitet",
    "Hendelse",
    "Medlemskap",
    "PaminnelsesInnstilling",
    "Portefolje",
    "Profil",
    "Rolle",
    "Seksjon",
    "Skjemanokkel",
    "Varsel",
    "VarselInnstilling",
    "Visning",
]
