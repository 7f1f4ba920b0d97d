"""Workflows of Styre, by area. Views, Velge's hook and the demo data call these.

- `prosjekt`: the project's number, creation from Velge's decision, base data and elements;
- `status`: status reports;
- `styring`: steering and start decisions, and the start plan's capacity and resource need.
"""

from prosjekter.services.prosjekt import (
    element_lagre,
    prosjekt_lagre,
    prosjekt_opprett_fra_beslutning,
    prosjektnummer_neste,
)
from prosjekter.services.status import (
    RAPPORTFELT,
    statusrapport_lagre,
    statusrapport_ny,
    statusrapport_publiser,
)
from prosjekter.services.styring import (
    NY_TILSTAND,
    kapasitet_lagre,
    ressursbehov_lagre,
    startvedtak_registrer,
    styringsbeslutning_fatt,
)

__all__ = [
    "NY_TILSTAND",
    "RAPPORTFELT",
    "element_lagre",
    "kapasitet_lagre",
    "prosjekt_lagre",
    "prosjekt_opprett_fra_beslutning",
    "prosjektnummer_neste",
    "ressursbehov_lagre",
    "startvedtak_registrer",
    "statusrapport_lagre",
    "statusrapport_ny",
    "statusrapport_publiser",
    "styringsbeslutning_fatt",
]
