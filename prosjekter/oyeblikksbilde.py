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

SKJEMA = 1


def _dato(verdi) -> str | None:
    return verdi.isoformat() if verdi else None


def _tall(verdi) -> str | None:
    return None if verdi is None else str(verdi)


def bilde_lag(*, prosjekt) -> dict:
    """The project's deliverables, benefits, risks and allocations now, as JSON-ready data.

    Archived elements are left out, as on the project's page. Six queries, whatever the size.
    """
    from prosjekter.models import Indikator

    leveranser = [
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
    gevinster = []
    indikatorer = Indikator.objects.filter(arkivert=False).prefetch_related("malinger")
    for gevinst in (
        prosjekt.gevinster.filter(arkivert=False)
        .select_related("ansvarlig")
        .prefetch_related(Prefetch("indikatorer", queryset=indikatorer))
        .order_by("tittel", "id")
    ):
        rader = []
        for ind in sorted(gevinst.indikatorer.all(), key=lambda i: (i.navn, i.id)):
            malinger = sorted(ind.malinger.all(), key=lambda m: (m.dato, m.id))
            siste = malinger[-1] if malinger else None
            grad = (
                beregning.realisering(
                    nullpunkt=ind.nullpunkt, malverdi=ind.malverdi, malt=siste.verdi
                )
                if siste
                else None
            )
            rader.append(
                {
                    "navn": ind.navn,
                    "enhet": ind.enhet,
                    "nullpunkt": _tall(ind.nullpunkt),
                    "malverdi": _tall(ind.malverdi),
                    "siste": {"dato": _dato(siste.dato), "verdi": _tall(siste.verdi)}
                    if siste
                    else None,
                    "realisering": None if grad is None else round(float(grad), 4),
                }
            )
        gevinster.append(
            {
                "tittel": gevinst.tittel,
                "type": gevinst.type,
                "realiseringsdato": _dato(gevinst.realiseringsdato),
                "ansvarlig": navn(gevinst.ansvarlig),
                "indikatorer": rader,
            }
        )
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
    allokeringer = [
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
    return {
        "skjema": SKJEMA,
        "tatt": timezone.now().isoformat(),
        "leveranser": leveranser,
        "gevinster": gevinster,
        "usikkerheter": usikkerheter,
        "allokeringer": allokeringer,
    }


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
    from prosjekter.models import (
        Allokeringsstatus,
        Enhet,
        Gevinsttype,
        Leveransestatus,
        Usikkerhetsstatus,
        Usikkerhetstype,
    )
    from prosjekter.models.leveranser import LEVERANSE_FARGE

    leveranser = [
        {
            **lev,
            "status_tekst": _etikett(Leveransestatus, lev["status"]),
            "farge": LEVERANSE_FARGE.get(lev["status"], "gra"),
            "startdato": _fra_iso(lev["startdato"]),
            "sluttdato": _fra_iso(lev["sluttdato"]),
            "godkjent_dato": _fra_iso(lev["godkjent_dato"]),
        }
        for lev in data.get("leveranser", [])
    ]
    gevinster = []
    for g in data.get("gevinster", []):
        indikatorer = []
        for ind in g.get("indikatorer", []):
            siste = ind.get("siste")
            indikatorer.append(
                {
                    **ind,
                    "enhet_tekst": _etikett(Enhet, ind["enhet"]),
                    "siste": {"dato": _fra_iso(siste["dato"]), "verdi": siste["verdi"]}
                    if siste
                    else None,
                    "prosent": None
                    if ind.get("realisering") is None
                    else round(ind["realisering"] * 100),
                }
            )
        gevinster.append(
            {
                **g,
                "type_tekst": _etikett(Gevinsttype, g["type"]),
                "realiseringsdato": _fra_iso(g["realiseringsdato"]),
                "indikatorer": indikatorer,
            }
        )
    usikkerheter = []
    for u in data.get("usikkerheter", []):
        etter = (
            u["sannsynlighet_etter"] * u["konsekvens_etter"]
            if u.get("sannsynlighet_etter") and u.get("konsekvens_etter")
            else None
        )
        usikkerheter.append(
            {
                **u,
                "type_tekst": _etikett(Usikkerhetstype, u["type"]),
                "status_tekst": _etikett(Usikkerhetsstatus, u["status"]),
                "faktor": u["sannsynlighet"] * u["konsekvens"],
                "faktor_etter": etter,
            }
        )
    allokeringer = [
        {
            **a,
            "status_tekst": _etikett(Allokeringsstatus, a["status"]),
            "fra": _fra_iso(a["fra"]),
            "til": _fra_iso(a["til"]),
        }
        for a in data.get("allokeringer", [])
    ]
    return {
        "leveranser": leveranser,
        "gevinster": gevinster,
        "usikkerheter": usikkerheter,
        "allokeringer": allokeringer,
    }
