"""A row of a Prosjektportalen sheet, as what it becomes: a project, a status report, an
uncertainty, or a benefit with its indicator and measurement."""

from django.utils.translation import gettext as _

from prosjekter.importer import kolonner
from prosjekter.importer.plan import Plan, Rad
from prosjekter.models import DIMENSJONER, Usikkerhetstype

PROSJEKTFELT = [
    "tittel",
    "prosjektleder",
    "prosjekteier",
    "startdato",
    "sluttdato",
    "malsetting",
    "budsjett",
    "arkivreferanse",
]
USIKKERHETSFELT = [
    "tittel",
    "beskrivelse",
    "type",
    "sannsynlighet",
    "konsekvens",
    "tiltak",
    "strategi",
    "status",
    "sannsynlighet_etter",
    "konsekvens_etter",
]
RAPPORTFELT = [
    "oppnadd",
    "neste",
    "utfordringer",
    "budsjett",
    "kostnad_hittil",
    "prognose",
    *[f for felt, _l, _c in DIMENSJONER for f in (felt, f"{felt}_kommentar")],
]


def _utvalg(verdier: dict, felt: list[str]) -> dict:
    return {f: verdier[f] for f in felt if f in verdier and verdier[f] not in (None, "")}


def _mangler(plan: Plan, sted: str, verdier: dict, *felt: str, art: str) -> bool:
    tomme = [f for f in felt if verdier.get(f) in (None, "")]
    for f in tomme:
        navn = f"«{kolonner.feltnavn(art, f)}»"
        plan.problem(sted, _("The row has no %(felt)s: it is skipped.") % {"felt": navn})
    return bool(tomme)


def prosjekt_rad(plan: Plan, sted: str, verdier: dict) -> list[Rad]:
    if _mangler(plan, sted, verdier, "tittel", art="prosjekt"):
        return []
    data = _utvalg(verdier, PROSJEKTFELT)
    data["tittel"] = data["tittel"][:200]
    nokkel = verdier.get("nokkel") or verdier["tittel"]
    return [Rad("prosjekt", nokkel, data["tittel"], data, sted)]


def statusrapport_rad(plan: Plan, sted: str, verdier: dict) -> list[Rad]:
    if _mangler(plan, sted, verdier, "prosjekt", "publisert", art="statusrapport"):
        return []
    data = _utvalg(verdier, RAPPORTFELT)
    data["publisert"] = verdier["publisert"]
    nokkel = verdier.get("nokkel") or f"{verdier['prosjekt']}/{verdier['publisert']:%Y-%m-%d}"
    tittel = f"{verdier['prosjekt']} {verdier['publisert']:%d.%m.%Y}"
    return [Rad("statusrapport", nokkel, tittel, data, sted, forelder=verdier["prosjekt"])]


def usikkerhet_rad(plan: Plan, sted: str, verdier: dict) -> list[Rad]:
    if _mangler(
        plan, sted, verdier, "prosjekt", "tittel", "sannsynlighet", "konsekvens", art="usikkerhet"
    ):
        return []
    data = _utvalg(verdier, USIKKERHETSFELT)
    data.setdefault("type", Usikkerhetstype.RISIKO)
    data["tittel"] = data["tittel"][:200]
    nokkel = verdier.get("nokkel") or f"{verdier['prosjekt']}/{verdier['tittel']}"
    return [Rad("usikkerhet", nokkel, data["tittel"], data, sted, forelder=verdier["prosjekt"])]


def gevinst_rad(plan: Plan, sted: str, verdier: dict) -> list[Rad]:
    """A benefit, and on the same row perhaps its indicator and a measurement of it."""
    if _mangler(plan, sted, verdier, "prosjekt", "gevinst", art="gevinst"):
        return []
    gevinst = f"{verdier['prosjekt']}/{verdier['gevinst']}"
    data = {
        "tittel": verdier["gevinst"][:200],
        "type": kolonner.gevinsttype(verdier.get("type") or ""),
        **_utvalg(verdier, ["beskrivelse", "realiseringsdato"]),
    }
    rader = [Rad("gevinst", gevinst, data["tittel"], data, sted, forelder=verdier["prosjekt"])]
    if not verdier.get("indikator"):
        return rader
    if _mangler(plan, sted, verdier, "enhet", "nullpunkt", "malverdi", art="gevinst"):
        return rader
    indikator = f"{gevinst}/{verdier['indikator']}"
    data = {
        "navn": verdier["indikator"][:200],
        **_utvalg(verdier, ["enhet", "nullpunkt", "malverdi"]),
    }
    rader.append(Rad("indikator", indikator, data["navn"], data, sted, forelder=gevinst))
    if verdier.get("maledato") and verdier.get("maleverdi") is not None:
        data = {"dato": verdier["maledato"], "verdi": verdier["maleverdi"]}
        data["kommentar"] = verdier.get("kommentar") or ""
        nokkel = f"{indikator}/{verdier['maledato']:%Y-%m-%d}"
        tittel = f"{verdier['indikator']} {verdier['maledato']:%d.%m.%Y}"
        rader.append(Rad("maling", nokkel, tittel, data, sted, forelder=indikator))
    return rader


RADER = {
    "prosjekt": prosjekt_rad,
    "statusrapport": statusrapport_rad,
    "usikkerhet": usikkerhet_rad,
    "gevinst": gevinst_rad,
}
