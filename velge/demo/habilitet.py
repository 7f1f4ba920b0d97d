"""Impartiality in the demo: Helse og omsorg names its deputy chair, a member declares
themselves disqualified before the October meeting, and a decision made below the quorum
carries its reason into the minutes. The initiator, who owns the demo's notes and is a member
of Helse og omsorg, is disqualified on them by the rule itself (she scores none of them).
The words are in velge/demodata/habilitet.json."""

from portefolje import demodata
from velge import selectors, services

HABILITET = demodata.les("velge", "habilitet")


def stedfortredere_opprett(portefoljer, brukere) -> None:
    for slug, brukernavn in HABILITET["stedfortredere"].items():
        portefolje = portefoljer[slug]
        regel = selectors.regel_for(portefolje)
        if regel.pk is None or regel.stedfortreder_id is None:
            services.beslutningsregel_lagre(
                portefolje=portefolje,
                kvorum=regel.kvorum,
                stedfortreder=brukere[brukernavn],
                aktor=portefolje.leder,
            )


def erklaer(*, mote, notat, brukere) -> None:
    """The declarations on `notat` (before anyone scores it), once."""
    for tittel, brukernavn, grunn in HABILITET["erklaringer"]:
        medlem = brukere[brukernavn]
        if tittel == notat.tittel and not selectors.er_inhabil(bruker=medlem, notat=notat):
            services.inhabilitet_erklaer(mote=mote, notat=notat, medlem=medlem, grunn=grunn)


def under_kvorum_grunn(*, mote, notat) -> str:
    """The reason the demo's chair gives when a case is decided below the quorum."""
    if selectors.kvorum_for(portefolje=mote.portefolje, notat=notat).oppfylt:
        return ""
    return HABILITET["under_kvorum_grunn"]
