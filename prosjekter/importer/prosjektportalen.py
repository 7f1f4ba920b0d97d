"""Prosjektportalen 365's Excel exports: the project overview, status reports, uncertainties
and benefits (with indicators and measurements), one sheet per file as the portal exports them.

The sheet is read through the bounded reader of the idea import (`ideer.importfil`). Which
sheet it is follows from its headers; the header row is the first with recognised headers
(a title row above it is skipped), and a merged group header above it («Fremdrift» over
«Status» and «Kommentar») names the columns below. Blank rows are skipped.
"""

from django.utils.translation import gettext as _

from ideer.importfil import ImportFeil, les_rader
from prosjekter.importer import kolonner
from prosjekter.importer.plan import Plan, dato, person, tall
from prosjekter.importer.pp_rader import RADER

# The first rows searched for the header row.
MAKS_TITTELRADER = 10


def _fyll_frem(rad: list[str]) -> list[str]:
    # A merged cell holds its value in the first cell only: carry it over the empty ones.
    fylt, forrige = [], ""
    for celle in rad:
        forrige = celle or forrige
        fylt.append(forrige)
    return fylt


def _overskrifter(art: str, rad: list[str], over: list[str]) -> list[tuple[str, str | None]]:
    """[(header as written, field or None)] of a header row, with the group header above."""
    # A title above the headers is one cell; group headers are several.
    over = _fyll_frem(over) if sum(1 for c in over if c) > 1 else []
    over += [""] * len(rad)
    svar = []
    for celle, gruppe in zip(rad, over, strict=False):
        if not celle:
            svar.append(("", None))
            continue
        felt = kolonner.felt_for(art, celle)
        if gruppe and (felt is None or celle.lower() in ("status", "kommentar")):
            # «Status» under «Fremdrift» is the progress; «Kommentar» under it, its comment.
            kandidater = [f"{gruppe} {celle}", f"{celle} {gruppe}"]
            if celle.lower() == "status":
                kandidater.append(gruppe)
            felt = next(filter(None, (kolonner.felt_for(art, k) for k in kandidater)), felt)
        svar.append((f"{gruppe} {celle}".strip() if gruppe and celle else celle, felt))
    return svar


def _finn_ark(rader: list[list[str]]):
    """(kind, index of the header row, headers) of the sheet, or ImportFeil."""
    beste = (0, None, None, None)
    for i, rad in enumerate(rader[:MAKS_TITTELRADER]):
        if not rad:
            continue
        over = rader[i - 1] if i else []
        for art, felt in kolonner.ARK.items():
            overskrifter = _overskrifter(art, rad, over)
            kjente = {f for _o, f in overskrifter if f}
            if next(iter(felt)) in kjente and len(kjente) > beste[0]:
                beste = (len(kjente), art, i, overskrifter)
    if beste[1] is None:
        raise ImportFeil(
            _(
                "We did not recognise the sheet as an export from Prosjektportalen (project "
                "overview, status reports, uncertainties or benefits). Check the column headers."
            )
        )
    return beste[1:]


def _verdi(plan: Plan, sted: str, felt: str, tekst: str, *, art: str):
    """A cell's value for `felt`, or None with a problem noted."""
    try:
        if felt in ("startdato", "sluttdato", "publisert", "realiseringsdato", "maledato"):
            return dato(tekst)
        if felt in ("budsjett", "kostnad_hittil", "prognose", "nullpunkt", "malverdi", "maleverdi"):
            return tall(tekst)
        if felt in ("sannsynlighet", "konsekvens", "sannsynlighet_etter", "konsekvens_etter"):
            verdi = tall(tekst)
            if verdi is not None and not (1 <= verdi <= 5 and verdi == int(verdi)):
                raise ValueError(tekst)
            return int(verdi) if verdi is not None else None
    except ValueError:
        plan.problem(
            sted,
            _("«%(verdi)s» in the column for %(felt)s could not be read.")
            % {"verdi": tekst, "felt": f"«{kolonner.feltnavn(art, felt)}»"},
        )
        return None
    if not tekst:
        return "" if felt not in ("prosjektleder", "prosjekteier") else None
    if felt in kolonner.VERDIER or felt in kolonner.VALG:
        oppslag = kolonner.VERDIER.get(felt) or kolonner.VALG[felt]
        verdi = oppslag.get(kolonner.normaliser(tekst))
        if verdi is None:
            plan.problem(sted, _("«%(verdi)s» is not a value we know.") % {"verdi": tekst})
            return ""
        return verdi
    if felt in ("prosjektleder", "prosjekteier"):
        funnet = person(tekst)
        if funnet is None:
            plan.problem(
                sted, _("No user is called «%(navn)s»: the field is left empty.") % {"navn": tekst}
            )
        return funnet
    return tekst


def _radverdier(plan, sted, rad, overskrifter, kobling, *, art: str) -> dict:
    verdier = {}
    for (overskrift, felt), celle in zip(overskrifter, rad, strict=False):
        felt = felt or kobling.get(overskrift)
        if felt and felt != "-":
            verdier[felt] = _verdi(plan, sted, felt, celle, art=art)
    return verdier


def pp365_planlegg(innhold: bytes, *, filnavn: str, kobling: dict) -> Plan:
    """What one exported sheet would create or update; a problem per row that cannot be used."""
    plan = Plan()
    rader = les_rader(innhold)
    art, start, overskrifter = _finn_ark(rader)
    for overskrift, felt in overskrifter:
        if overskrift and felt is None and overskrift not in kobling:
            plan.ukjente[overskrift] = [(f, kolonner.feltnavn(art, f)) for f in kolonner.ARK[art]]
    for nr, rad in enumerate(rader[start + 1 :], start=start + 2):
        if not any(rad):
            continue
        sted = _("%(fil)s, row %(rad)s") % {"fil": filnavn, "rad": nr}
        verdier = _radverdier(plan, sted, rad, overskrifter, kobling, art=art)
        plan.rader.extend(RADER[art](plan, sted, verdier))
    return plan
