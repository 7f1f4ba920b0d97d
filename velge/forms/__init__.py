"""Velge's forms, one module per screen group; import them from here.

- `kriterier`: the criteria formset;
- `moter`: a new meeting and the agenda;
- `vurdering`: a member's scores of a note;
- `beslutning`: the chair's decision and its public access;
- `okonomi`: frames, scenarios and their comparison;
- `habilitet`: declaring oneself disqualified, the decision rule, the quorum confirmation;
- `protokoll`: the decision form's public/internal texts and the project's owner and manager;
- `arshjul`: the yearly cycle's dates and named points.
"""

from velge.forms.arshjul import ArshjulForm, ArshjulpunktForm
from velge.forms.beslutning import BeslutningForm, OffentlighetForm
from velge.forms.habilitet import BeslutningsregelForm, InhabilitetForm, KvorumMixin
from velge.forms.kriterier import BaseKriterieFormSet, KriterieFormSet, KriteriumForm
from velge.forms.moter import DATO, AgendaLeggTilForm, MoteForm
from velge.forms.okonomi import (
    RAMMEFELTER,
    NotatValg,
    RammerForm,
    SammenlignForm,
    ScenarioForm,
)
from velge.forms.protokoll import GodkjennProtokollForm, ProtokollFelter
from velge.forms.vurdering import VurderingForm

__all__ = [
    "DATO",
    "RAMMEFELTER",
    "AgendaLeggTilForm",
    "ArshjulForm",
    "ArshjulpunktForm",
    "BaseKriterieFormSet",
    "BeslutningForm",
    "BeslutningsregelForm",
    "InhabilitetForm",
    "KvorumMixin",
    "KriterieFormSet",
    "KriteriumForm",
    "MoteForm",
    "GodkjennProtokollForm",
    "NotatValg",
    "ProtokollFelter",
    "OffentlighetForm",
    "RammerForm",
    "SammenlignForm",
    "ScenarioForm",
    "VurderingForm",
]
