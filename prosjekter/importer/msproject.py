"""Microsoft Project's XML (MSPDI, «Lagre som XML»): the project, and its milestones and
summary tasks as deliverables.

Parsed without entities, DTDs or network, and bounded: a file over `MAKS_BYTE`, with more than
`MAKS_OPPGAVER` tasks, or declaring a DOCTYPE (the road to entity expansion and external
entities) is refused with a message. `.mpp` is refused too: reading it needs MPXJ and a Java
runtime, and Project saves the same content as XML.
"""

import datetime

from django.utils.translation import gettext as _
from lxml import etree

from ideer.importfil import MAKS_RADER, ImportFeil
from prosjekter.importer import kolonner
from prosjekter.importer.plan import Plan, Rad, dato, person, tall
from prosjekter.models import Leveransestatus

NS = "{http://schemas.microsoft.com/project}"
MAKS_BYTE = 10 * 1024 * 1024
MAKS_OPPGAVER = MAKS_RADER
# Project fields a custom field (ExtendedAttribute) may fill, as the municipality maps it.
MAALFELT = ["malsetting", "budsjett", "arkivreferanse"]


def _parser():
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        load_dtd=False,
        dtd_validation=False,
        remove_comments=True,
        remove_pis=True,
    )


def mspdi_les(innhold: bytes, *, filnavn: str = ""):
    """The MSPDI document's root, or `ImportFeil` for anything we will not read."""
    if filnavn.lower().endswith(".mpp") or innhold[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise ImportFeil(
            _(
                "This is a Project file (.mpp), which we do not read. Open it in Project and "
                "choose «Save as» → «XML», then import the XML file."
            )
        )
    if len(innhold) > MAKS_BYTE:
        raise ImportFeil(
            _("The file is larger than %(maks)s MB. Split the project and import the parts.")
            % {"maks": MAKS_BYTE // (1024 * 1024)}
        )
    try:
        rot = etree.fromstring(innhold, parser=_parser())
    except etree.XMLSyntaxError:
        raise ImportFeil(
            _("The file is not valid XML. Save it again from Project as XML.")
        ) from None
    docinfo = rot.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None:
        raise ImportFeil(
            _("The file declares a DOCTYPE, which Project never writes. We do not read it.")
        )
    if rot.tag != f"{NS}Project":
        raise ImportFeil(
            _("The file is not a Microsoft Project XML file (MSPDI). Save it from Project as XML.")
        )
    return rot


def _tekst(element, navn: str) -> str:
    funnet = element.find(f"{NS}{navn}")
    return (funnet.text or "").strip() if funnet is not None else ""


def _egendefinerte(rot) -> dict[str, str]:
    """{FieldID: the name the municipality knows it by (its alias, else Text1 …)}."""
    navn = {}
    for felt in rot.iterfind(f"{NS}ExtendedAttributes/{NS}ExtendedAttribute"):
        navn[_tekst(felt, "FieldID")] = _tekst(felt, "Alias") or _tekst(felt, "FieldName")
    return navn


def _egne_verdier(oppgave, navn: dict) -> dict[str, str]:
    verdier = {}
    for felt in oppgave.iterfind(f"{NS}ExtendedAttribute"):
        felt_id = _tekst(felt, "FieldID")
        verdier[navn.get(felt_id, felt_id)] = _tekst(felt, "Value")
    return verdier


def _dato(plan: Plan, sted: str, tekst: str) -> datetime.date | None:
    try:
        return dato(tekst)
    except ValueError:
        plan.problem(sted, _("The date «%(verdi)s» could not be read.") % {"verdi": tekst})
        return None


def _prosjektdata(plan: Plan, rot, egne: dict, kobling: dict, sted: str) -> dict:
    data = {
        "tittel": (_tekst(rot, "Title") or _tekst(rot, "Name")).removesuffix(".xml")[:200],
        "startdato": _dato(plan, sted, _tekst(rot, "StartDate")),
        "sluttdato": _dato(plan, sted, _tekst(rot, "FinishDate")),
    }
    leder = _tekst(rot, "Manager")
    if leder:
        data["prosjektleder"] = person(leder)
        if data["prosjektleder"] is None:
            plan.problem(
                sted,
                _("No user is called «%(navn)s»: the project manager is left empty.")
                % {"navn": leder},
            )
    for navn, verdi in egne.items():
        felt = kobling.get(navn)
        if felt == "budsjett":
            try:
                data["budsjett"] = tall(verdi)
            except ValueError:
                plan.problem(sted, _("«%(verdi)s» is not a number.") % {"verdi": verdi})
        elif felt in MAALFELT:
            data[felt] = verdi[:100] if felt == "arkivreferanse" else verdi
        elif navn not in kobling:
            plan.ukjente[navn] = [(f, kolonner.feltnavn("prosjekt", f)) for f in MAALFELT]
    return data


def _leveranse(plan: Plan, oppgave, prosjektnokkel: str, sted: str) -> Rad:
    ferdig = int(float(_tekst(oppgave, "PercentComplete") or 0))
    slutt = _dato(plan, sted, _tekst(oppgave, "Finish"))
    data = {
        "tittel": _tekst(oppgave, "Name")[:200],
        "startdato": _dato(plan, sted, _tekst(oppgave, "Start")),
        "sluttdato": slutt,
        "status": Leveransestatus.GODKJENT if ferdig >= 100 else Leveransestatus.IHHT_PLAN,
        "godkjent_dato": slutt if ferdig >= 100 else None,
    }
    if _tekst(oppgave, "Milestone") == "1":
        data["startdato"] = None
    nokkel = _tekst(oppgave, "GUID") or _tekst(oppgave, "UID")
    return Rad(
        art="leveranse",
        nokkel=f"{prosjektnokkel}/{nokkel}",
        tittel=data["tittel"],
        data=data,
        sted=sted,
        forelder=prosjektnokkel,
        ekstra={"ferdig": ferdig},
    )


def mspdi_planlegg(innhold: bytes, *, filnavn: str, kobling: dict) -> Plan:
    """What the file would create or update: one project, with its milestones and summary
    tasks (not the project's own summary task) as deliverables."""
    plan = Plan()
    rot = mspdi_les(innhold, filnavn=filnavn)
    oppgaver = rot.findall(f"{NS}Tasks/{NS}Task")
    if len(oppgaver) > MAKS_OPPGAVER:
        raise ImportFeil(
            _("The project has more than %(maks)s tasks. Split it and import the parts.")
            % {"maks": MAKS_OPPGAVER}
        )
    egne_navn = _egendefinerte(rot)
    sammendrag = next((o for o in oppgaver if _tekst(o, "OutlineLevel") == "0"), None)
    egne = _egne_verdier(sammendrag, egne_navn) if sammendrag is not None else {}
    data = _prosjektdata(plan, rot, egne, kobling, filnavn)
    if not data["tittel"]:
        plan.problem(filnavn, _("The project has no title (Title or Name)."))
        return plan
    nokkel = _tekst(rot, "GUID") or data["tittel"]
    ferdig = _tekst(sammendrag, "PercentComplete") if sammendrag is not None else ""
    plan.rader.append(
        Rad("prosjekt", nokkel, data["tittel"], data, filnavn, ekstra={"ferdig": ferdig or "0"})
    )
    for oppgave in oppgaver:
        if oppgave is sammendrag or _tekst(oppgave, "IsNull") == "1":
            continue
        if "1" in (_tekst(oppgave, "Milestone"), _tekst(oppgave, "Summary")):
            sted = _("%(fil)s, task %(id)s") % {"fil": filnavn, "id": _tekst(oppgave, "ID")}
            plan.rader.append(_leveranse(plan, oppgave, nokkel, sted))
    return plan
