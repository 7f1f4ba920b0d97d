"""The portfolio core (organisation and people, audit trail, notifications) and the Velge phase's
models (criteria, meetings, scores, decisions)."""

from portefolje.models.hendelser import Hendelse
from portefolje.models.organisasjon import Medlemskap, Portefolje, Profil, Rolle, Seksjon
from portefolje.models.varsler import (
    PaminnelsesInnstilling,
    Varsel,
    VarselInnstilling,
    Varseltype,
)
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
    "PaminnelsesInnstilling",
    "Portefolje",
    "Profil",
    "Retning",
    "Rolle",
    "Seksjon",
    "Utfall",
    "Varsel",
    "VarselInnstilling",
    "Varseltype",
    "Vurdering",
]
