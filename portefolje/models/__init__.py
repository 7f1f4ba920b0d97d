"""The portfolio core (organisation and people, audit trail, notifications) and the Velge phase's
models (criteria, meetings, scores, decisions)."""

from portefolje.models.hendelser import Hendelse
from portefolje.models.organisasjon import Medlemskap, Portefolje, Profil, Rolle, Seksjon
from portefolje.models.varsler import Varsel
from portefolje.models.velge import (
    Agendapunkt,
    Beslutning,
    Kriterium,
    Mote,
    Retning,
    Utfall,
    Vurdering,
)

__all__ = [
    "Agendapunkt",
    "Beslutning",
    "Hendelse",
    "Kriterium",
    "Medlemskap",
    "Mote",
    "Portefolje",
    "Profil",
    "Retning",
    "Rolle",
    "Seksjon",
    "Utfall",
    "Varsel",
    "Vurdering",
]
