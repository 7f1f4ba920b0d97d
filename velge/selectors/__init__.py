"""Reading Velge's data for pages and other apps, each a fixed number of queries however much
data there is. The selectors live in modules by area; import them from here.

- `resultater`: a note's scores per criterion and weighted, and what the viewer may see;
- `ventegrunnlag`: the cached basis of the notes awaiting decision (averages, ranking, sensitivity);
- `portefolje`: the portfolio page (notes awaiting decision, ranking, sensitivity, decisions);
- `moter`: the meeting's scoreboard, what is left to score, the next meetings;
- `arshjul`: the yearly cycle as dated lines and its next points;
- `synlighet`: who sees the scores and when a member's own are final (the scoring rule);
- `habilitet`: who is disqualified on a note, whose scores count, who chairs the item, and
  the quorum;
- `grunnlag`: the basis the chair reads before deciding (decision page, meeting pack). It
  builds on `velge.plass`, which builds on this package: import it from its module.
"""

from velge.selectors.arshjul import Linje, arshjul_for, neste_punkter
from velge.selectors.habilitet import (
    Inhabil,
    Kvorumstatus,
    er_inhabil,
    inhabile_for,
    inhabile_par,
    kvorum_for,
    kvorum_for_notater,
    merk_saker,
    moteleder_for,
    regel_for,
    tellende,
    uten_inhabile,
)
from velge.selectors.moter import (
    STEMMEBERETTIGEDE,
    antall_stemmeberettigede,
    moter_rundt,
    moteresultat,
    neste_a_vurdere,
    neste_moter,
    venter_pa_vurdering,
)
from velge.selectors.portefolje import (
    Portefoljeside,
    Vektflytt,
    beslutningshistorikk,
    med_visningsdetaljer,
    notat_er_palagt,
    portefoljeside,
    rangering_for,
    rangering_skjult,
)
from velge.selectors.resultater import (
    Kriterieresultat,
    Notatresultat,
    aktive_kriterier,
    notatresultater,
    vekter_for,
    vektet_score_for,
)
from velge.selectors.synlighet import (
    Innsyn,
    avslort_na,
    budsjettvisning,
    budsjettvisning_fra,
    endelige,
    endelige_for,
    er_avslort,
    innsyn_for,
    ser_vurderingene,
)
from velge.selectors.ventegrunnlag import (
    NOTATLISTEFELTER,
    Ventende,
    bufret_navn,
    mine_bufret,
    notater_til_beslutning,
    ventende,
    ventende_resultater,
)

__all__ = [
    "Inhabil",
    "Kvorumstatus",
    "er_inhabil",
    "inhabile_for",
    "inhabile_par",
    "kvorum_for",
    "kvorum_for_notater",
    "merk_saker",
    "moteleder_for",
    "regel_for",
    "tellende",
    "uten_inhabile",
    "Innsyn",
    "avslort_na",
    "budsjettvisning",
    "budsjettvisning_fra",
    "endelige",
    "endelige_for",
    "innsyn_for",
    "ser_vurderingene",
    "NOTATLISTEFELTER",
    "STEMMEBERETTIGEDE",
    "Kriterieresultat",
    "Linje",
    "Notatresultat",
    "Portefoljeside",
    "Vektflytt",
    "aktive_kriterier",
    "antall_stemmeberettigede",
    "arshjul_for",
    "beslutningshistorikk",
    "er_avslort",
    "bufret_navn",
    "med_visningsdetaljer",
    "mine_bufret",
    "moteresultat",
    "moter_rundt",
    "neste_a_vurdere",
    "neste_moter",
    "neste_punkter",
    "notat_er_palagt",
    "notater_til_beslutning",
    "notatresultater",
    "portefoljeside",
    "rangering_for",
    "rangering_skjult",
    "vekter_for",
    "venter_pa_vurdering",
    "ventende",
    "ventende_resultater",
    "Ventende",
    "vektet_score_for",
]
