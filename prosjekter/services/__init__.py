"""Workflows of Styre, by area. Views, Velge's hook and the demo data call these.

- `prosjekt`: the project's number and creation from Velge's decision;
- `elementer`: base data and elements, with version checks and before/after in the log;
- `status`: status reports;
- `offentlighet`: public by default, exempted only by the chair;
- `program`, `avhengighet`: programmes and dependencies between projects;
- `styring`: steering and start decisions, and the start plan's capacity and resource need.
"""

from prosjekter.services.avhengighet import avhengighet_arkiver, avhengighet_registrer
from prosjekter.services.elementer import (
    element_arkiver,
    gevinst_lagre,
    indikator_lagre,
    leveranse_lagre,
    maling_lagre,
    prosjekt_lagre,
    ressursallokering_lagre,
    usikkerhet_lagre,
)
from prosjekter.services.offentlighet import prosjekt_sett_offentlighet
from prosjekter.services.program import (
    program_fjern,
    program_lagre,
    program_legg_til,
    program_opprett,
)
from prosjekter.services.prosjekt import prosjekt_opprett_fra_beslutning, prosjektnummer_neste
from prosjekter.services.status import (
    RAPPORTFELT,
    statusrapport_forslag,
    statusrapport_lagre,
    statusrapport_ny,
    statusrapport_publiser,
)
from prosjekter.services.styring import (
    kapasitet_lagre,
    ressursbehov_lagre,
    startvedtak_registrer,
    styringsbeslutning_fatt,
)

__all__ = [
    "avhengighet_arkiver",
    "avhengighet_registrer",
    "program_fjern",
    "program_legg_til",
    "program_lagre",
    "program_opprett",
    "RAPPORTFELT",
    "element_arkiver",
    "gevinst_lagre",
    "indikator_lagre",
    "leveranse_lagre",
    "maling_lagre",
    "ressursallokering_lagre",
    "usikkerhet_lagre",
    "kapasitet_lagre",
    "prosjekt_lagre",
    "prosjekt_opprett_fra_beslutning",
    "prosjekt_sett_offentlighet",
    "prosjektnummer_neste",
    "ressursbehov_lagre",
    "startvedtak_registrer",
    "statusrapport_lagre",
    "statusrapport_forslag",
    "statusrapport_ny",
    "statusrapport_publiser",
    "styringsbeslutning_fatt",
]
