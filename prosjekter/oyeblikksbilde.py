"""The snapshot (øyeblikksbilde) a status report keeps of what it speaks of, frozen when published.

A published report shows its project's deliverables, benefits with their latest measurement,
risks and allocations *as they stood when it was published*, not as they stand when it is read a
year later. The snapshot is one JSON value on the report, with a schema number:

- JSON rather than copies of four tables: a snapshot is written once, read whole and never
  queried across reports; one column keeps it beside the report it belongs to (one query to show
  it), and the element models can grow fields without a second set of frozen tables that must
  follow every migration.
- The schema is versioned (`"skjema": 1`): `bilde_les` knows each version it has ever written,
  so a report from 2026 still reads in 2030 after the shape has changed.
- Codes are kept, not labels: the labels are translated when read (bokmål or nynorsk); an unknown
  code is shown as it was stored. People are kept by name as it read at the time.
"""

from datetime import date

from django.db.models import Prefetch
from django.utils import timezone

from portefolje.personer import navn
from prosjekter import beregning
from prosjekter.models import (
    Allokeringsstatus,
    Enhet,
    Gevinsttype,
    Indikator,
    Leveransestatus,
    Usikkerhetsstatus,
    Usikkerhetstype,
)
from prosjekter.models.leveranser import LEVERANSE_FARGE

SKJEMA = 1


def _dato(verdi) -> str | None:
    return verdi.isoformat() if verdi else None


def _tall(verdi) -> str | None:
    return None if verdi is None else str(verdi)


# --- taking the snapshot: one function per element, each one or two queries


def bilde_lag(*, prosjekt) -> dict:
    """The project's deliverables, benefits, risks and allocations now, as JSON-ready data.

    Archived elements are left out, as on the project's page. Six queries, whatever the size.
    """
    return {
        "skjema": SKJEMA,
        "tatt": timezone.now().isoformat(),
        "leveranser": _leveranser(prosjekt),
        "gevinster": _gevinster(prosjekt),
        "usikkerheter": _usikkerheter(prosjekt),
        "allokeringer": _allokeringer(prosjekt),
    }


def _leveranser(prosjekt) -> list[dict]:
    return [
        {
            "tittel": lev.tittel,
            "status": lev.status,
            "startdato": _dato(lev.startdato),
            "sluttdato": _dato(lev.sluttdato),
            "godkjent_dato": _dato(lev.godkjent_dato),
            "ansvarlig": navn(lev.ansvarlig),
        }
        for lev in prosjekt.leveranser.filter(arkivert=False)
        .select_related("ansvarlig")
        .order_by("sluttdato", "id")
    ]


def _gevinster(prosjekt) -> list[dict]:
    indikatorer = Indikator.objects.filter(arkivert=False).prefetch_related("malinger")
    return [
        {
            "tittel": gevinst.tittel,
            "type": gevinst.type,
            "realiseringsdato": _dato(gevinst.realiseringsdato),
            "ansvarlig": navn(gevinst.ansvarlig),
            "indikatorer": [
                _indikator(ind)
                for ind in sorted(gevinst.indikatorer.all(), key=lambda i: (i.navn, i.id))
            ],
        }
        for gevinst in prosjekt.gevinster.filter(arkivert=False)
        .select_related("ansvarlig")
        .prefetch_related(Prefetch("indikatorer", queryset=indikatorer))
        .order_by("tittel", "id")
    ]


def _indikator(ind) -> dict:
    """An indicator with its latest measurement and how far the benefit has come by it."""
    malinger = sorted(ind.malinger.all(), key=lambda m: (m.dato, m.id))
    siste = malinger[-1] if malinger else None
    grad = None
    if siste:
        grad = beregning.realisering(
            nullpunkt=ind.nullpunkt, malverdi=ind.malverdi, malt=siste.verdi
        )
    return {
        "navn": ind.navn,
        "enhet": ind.enhet,
        "nullpunkt": _tall(ind.nullpunkt),
        "malverdi": _tall(ind.malverdi),
        "siste": {"dato": _dato(siste.dato), "verdi": _tall(siste.verdi)} if siste else None,
        "realisering": None if grad is None else round(float(grad), 4),
    }


def _usikkerheter(prosjekt) -> list[dict]:
    """Risks and opportunities, the largest factor first."""
    usikkerheter = [
        {
            "tittel": u.tittel,
            "type": u.type,
            "status": u.status,
            "sannsynlighet": u.sannsynlighet,
            "konsekvens": u.konsekvens,
            "sannsynlighet_etter": u.sannsynlighet_etter,
            "konsekvens_etter": u.konsekvens_etter,
            "tiltak": u.tiltak,
            "ansvarlig": navn(u.ansvarlig),
        }
        for u in prosjekt.usikkerheter.filter(arkivert=False).select_related("ansvarlig")
    ]
    usikkerheter.sort(key=lambda u: (-u["sannsynlighet"] * u["konsekvens"], u["tittel"]))
    return usikkerheter


def _allokeringer(prosjekt) -> list[dict]:
    return [
        {
            "person": navn(a.person),
            "rolle": a.rolle,
            "belastning": a.belastning,
            "fra": _dato(a.fra),
            "til": _dato(a.til),
            "status": a.status,
        }
        for a in prosjekt.allokeringer.filter(arkivert=False)
        .select_related("person")
        .order_by("fra", "id")
    ]


# --- reading it back (schema 1): one function per element, labels in the reader's language


def _etikett(choices, kode):
    try:
        return choices(kode).label
    except ValueError:
        return kode


def _fra_iso(verdi) -> date | None:
    return date.fromisoformat(verdi) if verdi else None


def bilde_les(data) -> dict | None:
    """The snapshot ready for a page or a PDF, with labels in the reader's language.

    None when the report has no snapshot (published before snapshots were kept) or its schema
    is one this code does not know (the page then says so instead of guessing).
    """
    if not data or data.get("skjema") != 1:
        return None
    return {
        "leveranser": [_leveranse_les(lev) for lev in data.get("leveranser", [])],
        "gevinster": [_gevinst_les(g) for g in data.get("gevinster", [])],
        "usikkerheter": [_usikkerhet_les(u) for u in data.get("usikkerheter", [])],
        "allokeringer": [_allokering_les(a) for a in data.get("allokeringer", [])],
    }


def _leveranse_les(lev: dict) -> dict:
    return {
        **lev,
        "status_tekst": _etikett(Leveransestatus, lev["status"]),
        "farge": LEVERANSE_FARGE.get(lev["status"], "gra"),
        "startdato": _fra_iso(lev["startdato"]),
        "sluttdato": _fra_iso(lev["sluttdato"]),
        "godkjent_dato": _fra_iso(lev["godkjent_dato"]),
    }


def _gevinst_les(g: dict) -> dict:
    return {
        **g,
        "type_tekst": _etikett(Gevinsttype, g["type"]),
        "realiseringsdato": _fra_iso(g["realiseringsdato"]),
        "indikatorer": [_indikator_les(ind) for ind in g.get("indikatorer", [])],
    }


def _indikator_les(ind: dict) -> dict:
    siste = ind.get("siste")
    return {
        **ind,
        "enhet_tekst": _etikett(Enhet, ind["enhet"]),
        "siste": {"dato": _fra_iso(siste["dato"]), "verdi": siste["verdi"]} if siste else None,
        "prosent": None if ind.get("realisering") is None else round(ind["realisering"] * 100),
    }


def _usikkerhet_les(u: dict) -> dict:
    etter = (
        u["sannsynlighet_etter"] * u["konsekvens_etter"]
        if u.get("sannsynlighet_etter") and u.get("konsekvens_etter")
        else None
    )
    return {
        **u,
        "type_tekst": _etikett(Usikkerhetstype, u["type"]),
        "status_tekst": _etikett(Usikkerhetsstatus, u["status"]),
        "faktor": u["sannsynlighet"] * u["konsekvens"],
        "faktor_etter": etter,
    }


def _allokering_les(a: dict) -> dict:
    return {
        **a,
        "status_tekst": _etikett(Allokeringsstatus, a["status"]),
        "fra": _fra_iso(a["fra"]),
        "til": _fra_iso(a["til"]),
    }
