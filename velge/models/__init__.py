"""Velge's data, one module per area; everything is importable from `velge.models` as before.

- `kriterier`: a portfolio's criteria, with weights and the described 1–5 scale;
- `moter`: meetings, their agendas and the members' scores;
- `beslutning`: the portfolio's decision on a note and its outcomes;
- `okonomi`: the chair's frames per year and saved scenarios;
- `habilitet`: declared disqualifications, and a portfolio's quorum and deputy chair;
- `protokoll`: the approval of a meeting's minutes, which makes its decisions public;
- `arshjul`: the yearly cycle (årshjulet) and its named points.
"""

from velge.models.arshjul import FASTE_PUNKTER, MOTEPUNKTER, Arshjul, Arshjulpunkt
from velge.models.beslutning import UTFALL_FARGE, Beslutning, Utfall
from velge.models.habilitet import Beslutningsregel, Inhabilitet, Kvorum, Protokollregel
from velge.models.kriterier import Akse, Kriterium, Retning
from velge.models.moter import Agendapunkt, Mote, Vurdering
from velge.models.okonomi import Ramme, Scenario
from velge.models.protokoll import Protokollgodkjenning

__all__ = [
    "FASTE_PUNKTER",
    "MOTEPUNKTER",
    "UTFALL_FARGE",
    "Agendapunkt",
    "Akse",
    "Arshjul",
    "Arshjulpunkt",
    "Beslutning",
    "Beslutningsregel",
    "Protokollregel",
    "Inhabilitet",
    "Kriterium",
    "Kvorum",
    "Mote",
    "Protokollgodkjenning",
    "Ramme",
    "Retning",
    "Scenario",
    "Utfall",
    "Vurdering",
]
