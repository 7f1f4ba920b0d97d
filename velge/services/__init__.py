"""Velge's workflows, by area. Each service checks who acts before it reads or writes, refuses
bad input with a ValidationError (nothing changed), writes inside one transaction and records
what it did in the audit trail.

- `kriterier`: the chair's criteria and weights;
- `moter`: meetings and agendas, revealing the scores;
- `vurdering`: a member's scores of a note;
- `beslutning`: the chair's decision on a note, and its public access;
- `okonomi`: frames per year and saved scenarios;
- `habilitet`: declaring oneself disqualified, and the portfolio's decision rule;
- `protokoll`: approving a meeting's minutes, which publishes its decisions;
- `varsling`: telling the note's owner, co-authors, guide (and KLG's secretary) of a decision;
- `arshjul`: the yearly cycle's dates and named points.
"""

from velge.services.arshjul import (
    arshjul_lagre,
    arshjulpunkt_fjern,
    arshjulpunkt_legg_til,
)
from velge.services.beslutning import (
    beslutning_fatt,
    beslutning_sett_offentlighet,
    hjemmel_for_unntak,
)
from velge.services.habilitet import beslutningsregel_lagre, inhabilitet_erklaer
from velge.services.kriterier import kriterier_lagre
from velge.services.moter import (
    agenda_fjern,
    agenda_legg_til,
    agenda_sett_inn,
    mote_opprett,
    mote_vis_vurderinger,
)
from velge.services.okonomi import rammer_lagre, scenario_lagre
from velge.services.protokoll import protokoll_godkjenn, protokoll_kan_endres
from velge.services.varsling import beslutning_varsle
from velge.services.vurdering import vurdering_lagre

__all__ = [
    "beslutningsregel_lagre",
    "inhabilitet_erklaer",
    "agenda_fjern",
    "agenda_legg_til",
    "agenda_sett_inn",
    "arshjul_lagre",
    "arshjulpunkt_fjern",
    "arshjulpunkt_legg_til",
    "beslutning_fatt",
    "beslutning_varsle",
    "beslutning_sett_offentlighet",
    "hjemmel_for_unntak",
    "kriterier_lagre",
    "mote_opprett",
    "mote_vis_vurderinger",
    "protokoll_godkjenn",
    "protokoll_kan_endres",
    "rammer_lagre",
    "scenario_lagre",
    "vurdering_lagre",
]
