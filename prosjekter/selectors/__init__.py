"""Reading Styre's data for pages and other apps, in a constant number of queries.

The selectors live in modules by area; import them from here.
"""

from prosjekter.selectors.gevinster import (
    gevinstindikatorer,
    gevinsttrend,
    indikator_status,
    indikatorer_a_male,
)
from prosjekter.selectors.ressurser import (
    brukt_av_pagaende,
    kapasitet_per_maned,
    ressurstidslinje,
    startforslag,
    startplan,
)
from prosjekter.selectors.risiko import (
    risikocelle,
    risikoer_i_celle,
    risikomatrise_for,
    storste_risikoer,
)
from prosjekter.selectors.status import (
    SISTE_FELT,
    SISTE_FORST,
    fargetall,
    med_siste_status,
    neste_rapportfrist,
    prosjektlenker,
    prosjektside,
    publiserte_rapporter,
    rapport_forfalt,
    siste_publiserte,
    styringsbeslutninger_for_portefolje,
    tilstandstall,
)

__all__ = [
    "SISTE_FELT",
    "brukt_av_pagaende",
    "fargetall",
    "gevinstindikatorer",
    "gevinsttrend",
    "indikator_status",
    "indikatorer_a_male",
    "kapasitet_per_maned",
    "med_siste_status",
    "neste_rapportfrist",
    "prosjektlenker",
    "prosjektside",
    "rapport_forfalt",
    "ressurstidslinje",
    "siste_publiserte",
    "publiserte_rapporter",
    "SISTE_FORST",
    "risikocelle",
    "risikoer_i_celle",
    "risikomatrise_for",
    "startforslag",
    "startplan",
    "storste_risikoer",
    "styringsbeslutninger_for_portefolje",
    "tilstandstall",
]

from prosjekter.selectors.program import (  # noqa: E402
    program_opprulling,
    programmer_med_antall,
    samlet_status,
)
from prosjekter.selectors.tidslinje import (  # noqa: E402
    antall_glipper,
    avhengigheter_for,
    glipper_per_prosjekt,
    glipptekst,
    portefoljer_synlige_for,
    tidslinjenokler,
    tidslinjeorden,
    tidslinjerader,
)

__all__ += [
    "antall_glipper",
    "avhengigheter_for",
    "glipptekst",
    "portefoljer_synlige_for",
    "program_opprulling",
    "programmer_med_antall",
    "samlet_status",
    "glipper_per_prosjekt",
    "tidslinjenokler",
    "tidslinjeorden",
    "tidslinjerader",
]
