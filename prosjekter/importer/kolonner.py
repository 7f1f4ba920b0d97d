"""Prosjektportalen's Excel exports: which sheet is which, and the Norwegian column headers
and values we recognise (tolerant of case, spaces and hyphens: «Prosjekt leder» is
«Prosjektleder»)."""

import re

from portefolje.farger import Farge
from prosjekter.models import (
    FARGE_FOR_VERDI,
    Enhet,
    Fremdrift,
    Gevinstoppnaelse,
    Gevinsttype,
    Kvalitet,
    Okonomi,
    Risikoniva,
    Strategi,
    Usikkerhetsstatus,
    Usikkerhetstype,
)


def normaliser(tekst: str) -> str:
    return re.sub(r"[\s\-_.:/()]+", "", (tekst or "").lower())


def _kommentar(felt: str, *navn: str) -> dict:
    return {
        felt: list(navn),
        f"{felt}_kommentar": [f"kommentar {n}" for n in navn] + [f"{n} kommentar" for n in navn],
    }


# {sheet kind: {field: [headers]}}; the first field is the one a sheet of that kind must have.
ARK = {
    "prosjekt": {
        "tittel": ["tittel", "prosjektnavn", "prosjekt", "navn"],
        "nokkel": ["id", "prosjekt id", "prosjektnummer", "nettsted id", "site id", "gtsiteid"],
        "prosjektleder": ["prosjektleder"],
        "prosjekteier": ["prosjekteier"],
        "startdato": ["startdato", "start"],
        "sluttdato": ["sluttdato", "slutt"],
        "malsetting": ["mål", "målsetting", "prosjektmål", "formål"],
        "budsjett": ["budsjett", "totalt budsjett", "prosjektbudsjett"],
        "arkivreferanse": ["arkivreferanse", "saksnummer", "arkivsak"],
    },
    "statusrapport": {
        "publisert": ["publisert", "rapportdato", "publiseringsdato", "dato", "statusdato"],
        "prosjekt": ["prosjekt", "prosjektnavn", "tittel"],
        "nokkel": ["id", "rapport id"],
        **_kommentar("fremdrift", "fremdrift", "framdrift"),
        **_kommentar("okonomi", "økonomi"),
        **_kommentar("kvalitet", "kvalitet"),
        **_kommentar("risiko", "risiko"),
        **_kommentar("gevinstoppnaelse", "gevinstoppnåelse", "gevinster"),
        "oppnadd": ["oppnådd", "hva er oppnådd", "oppnådd siden sist"],
        "neste": ["neste periode", "neste", "planlagt neste periode"],
        "utfordringer": ["utfordringer"],
        "budsjett": ["budsjett"],
        "kostnad_hittil": ["kostnad hittil", "kostnader hittil", "påløpt"],
        "prognose": ["prognose", "prognose totalkostnad"],
    },
    "usikkerhet": {
        "sannsynlighet": ["sannsynlighet"],
        "prosjekt": ["prosjekt", "prosjektnavn"],
        "nokkel": ["id", "usikkerhet id"],
        "tittel": ["tittel", "usikkerhet"],
        "beskrivelse": ["beskrivelse"],
        "type": ["type", "kategori", "usikkerhetstype"],
        "konsekvens": ["konsekvens"],
        "tiltak": ["tiltak", "tiltaksbeskrivelse"],
        "strategi": ["strategi", "håndteringsstrategi"],
        "status": ["status"],
        "sannsynlighet_etter": ["sannsynlighet etter tiltak", "sannsynlighet etter"],
        "konsekvens_etter": ["konsekvens etter tiltak", "konsekvens etter"],
    },
    "gevinst": {
        "gevinst": ["gevinst", "gevinsttittel"],
        "prosjekt": ["prosjekt", "prosjektnavn"],
        "type": ["gevinsttype", "type"],
        "beskrivelse": ["beskrivelse", "gevinstbeskrivelse"],
        "realiseringsdato": ["realiseringsdato", "realisert innen"],
        "indikator": ["indikator", "måleindikator"],
        "enhet": ["enhet", "måleenhet"],
        "nullpunkt": ["nullpunkt", "nullpunktverdi"],
        "malverdi": ["målverdi", "mål"],
        "maledato": ["måledato", "dato for måling", "målt dato"],
        "maleverdi": ["måleverdi", "målt verdi", "verdi"],
        "kommentar": ["kommentar", "målekommentar"],
    },
}

_OPPSLAG = {
    art: {normaliser(n): felt for felt, navn in f.items() for n in navn} for art, f in ARK.items()
}


def feltnavn(art: str, felt: str) -> str:
    """A field as the municipality knows it: the first header Prosjektportalen gives it."""
    return ARK[art].get(felt, [felt])[0].capitalize()


def felt_for(art: str, overskrift: str) -> str | None:
    return _OPPSLAG[art].get(normaliser(overskrift))


def _tekster(valg, ekstra: dict) -> dict:
    oppslag = {normaliser(str(v)): v for v in valg.values}
    oppslag.update({normaliser(k): v for k, v in ekstra.items()})
    # A colour word keeps the colour: the value the portal shows in that colour.
    farger = [(v, FARGE_FOR_VERDI[v]) for v in valg.values]
    for ord_, farge in (("grønn", Farge.GRONN), ("gul", Farge.GUL), ("rød", Farge.ROD)):
        treff = [v for v, f in farger if f == farge]
        if treff:
            oppslag[ord_] = treff[-1] if farge == Farge.GRONN else treff[0]
    return oppslag


VERDIER = {
    "fremdrift": _tekster(
        Fremdrift,
        {
            "foran plan": "foran_plan",
            "på plan": "pa_plan",
            "i henhold til plan": "pa_plan",
            "mindre forsinkelser": "mindre_forsinkelser",
            "forsinket": "forsinket",
            "betydelige forsinkelser": "forsinket",
        },
    ),
    "okonomi": _tekster(
        Okonomi,
        {
            "under budsjett": "under_budsjett",
            "på budsjett": "pa_budsjett",
            "mindre overskridelser": "mindre_overskridelser",
            "vet ikke": "vet_ikke",
            "over budsjett": "over_budsjett",
            "betydelige overskridelser": "over_budsjett",
        },
    ),
    "kvalitet": _tekster(
        Kvalitet,
        {
            "i henhold til plan": "ihht_plan",
            "iht plan": "ihht_plan",
            "små avvik": "sma_avvik",
            "store avvik": "store_avvik",
        },
    ),
    "risiko": _tekster(Risikoniva, {"lav": "lav", "middels": "medium", "høy": "hoy"}),
    "gevinstoppnaelse": _tekster(
        Gevinstoppnaelse,
        {
            "forventes oppnådd": "forventes_oppnadd",
            "usikker": "usikker",
            "forventes ikke oppnådd": "forventes_ikke",
        },
    ),
}

VALG = {
    "type": {
        normaliser(k): v
        for k, v in {
            "risiko": Usikkerhetstype.RISIKO,
            "trussel": Usikkerhetstype.RISIKO,
            "mulighet": Usikkerhetstype.MULIGHET,
        }.items()
    },
    "strategi": {
        normaliser(k): v
        for k, v in {
            "unngå": Strategi.UNNGA,
            "redusere": Strategi.REDUSERE,
            "overføre": Strategi.OVERFORE,
            "akseptere": Strategi.AKSEPTERE,
            "utnytte": Strategi.UTNYTTE,
            "forsterke": Strategi.FORSTERKE,
        }.items()
    },
    "status": {
        normaliser(k): v
        for k, v in {
            "åpen": Usikkerhetsstatus.APEN,
            "aktiv": Usikkerhetsstatus.APEN,
            "under håndtering": Usikkerhetsstatus.UNDER_HANDTERING,
            "lukket": Usikkerhetsstatus.LUKKET,
        }.items()
    },
    "enhet": {
        normaliser(k): v
        for k, v in {
            "antall": Enhet.ANTALL,
            "stk": Enhet.ANTALL,
            "kr": Enhet.KRONER,
            "kroner": Enhet.KRONER,
            "nok": Enhet.KRONER,
            "%": Enhet.PROSENT,
            "prosent": Enhet.PROSENT,
            "timer": Enhet.TIMER,
            "t": Enhet.TIMER,
        }.items()
    },
}


def gevinsttype(tekst: str) -> str:
    tekst = normaliser(tekst)
    if "økonom" in tekst or tekst == "kr":
        return Gevinsttype.OKONOMISK
    if "tid" in tekst:
        return Gevinsttype.TID_SPART
    return Gevinsttype.KVALITATIV
