"""The arkivmelding (Fiks Arkiv V1, «arkivmelding opprett»): one folder and one record with its
documents, as XML, and its validation against the official schema before anything leaves.

Validated with lxml's XMLSchema (libxml2): lxml is already installed for python-docx, validates
in C in milliseconds, and the Fiks Arkiv schemas are XSD 1.0, which libxml2 implements in full;
a second, pure-Python validator (xmlschema) would add a dependency for no gain. The schema files
are carried in `skjema/fiks-arkiv-v1/` with their licence, and read from disk only: the parser
never touches the network and never expands entities.
"""

import hashlib
from datetime import date, datetime
from functools import cache
from pathlib import Path

from django.conf import settings
from django.utils import timezone
from lxml import etree

from portefolje.arkiv.innhold import Arkivinnhold, Dokument, Motemappe, Registrering, Saksmappe
from portefolje.tekstrens import rens_utdata

NS = "https://ks-no.github.io/standarder/fiks-protokoll/fiks-arkiv/arkivmelding/opprett/v1"
# The children of the metadata catalogue's own types (kode, eksternNoekkel, identifikatorer,
# referanseTilMappe) are in its namespace.
MDK = "https://ks-no.github.io/standarder/fiks-protokoll/fiks-arkiv/metadatakatalog/v1"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
SKJEMA = (
    Path(__file__).resolve().parent
    / "skjema"
    / "fiks-arkiv-v1"
    / "no.ks.fiks.arkiv.v1.arkivering.arkivmelding.opprett.xsd"
)
# Noark 5 codes the portal sends (the archive maps them to its own lists on import).
JOURNALPOSTTYPE = ("X", "Organinternt dokument uten oppfølging")
JOURNALSTATUS = ("F", "Ferdigstilt fra saksbehandler")
DOKUMENTSTATUS = ("F", "Dokumentet er ferdigstilt")
HOVEDDOKUMENT = ("H", "Hoveddokument")
VEDLEGG = ("V", "Vedlegg")
ARKIVFORMAT = ("A", "Arkivformat")
PDFA = ("RA-PDF", "PDF/A – ISO 19005")
UNNTATT = ("UO", "Unntatt offentlighet")
PROTOKOLL = ("PROT", "Protokoll")


class UgyldigArkivmelding(Exception):
    """The arkivmelding does not follow the schema; the message says where, for the log."""


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


@cache
def skjema() -> etree.XMLSchema:
    """The official schema, compiled once per process."""
    return etree.XMLSchema(etree.parse(str(SKJEMA), _parser()))


def valider(xml: bytes) -> None:
    """Refuse (UgyldigArkivmelding) a message the official schema does not accept."""
    dokument = etree.fromstring(xml, _parser())
    regler = skjema()
    if not regler.validate(dokument):
        feil = "; ".join(f"linje {f.line}: {f.message}" for f in list(regler.error_log)[:3])
        raise UgyldigArkivmelding(feil)


def _el(forelder, navn: str, tekst=None, *, ns: str = NS, **attributter):
    element = etree.SubElement(forelder, f"{{{ns}}}{navn}", **attributter)
    if tekst is not None:
        element.text = rens_utdata(_som_tekst(tekst))
    return element


def _som_tekst(verdi) -> str:
    if isinstance(verdi, datetime):
        return timezone.localtime(verdi).isoformat(timespec="seconds")
    if isinstance(verdi, date):
        return verdi.isoformat()
    return str(verdi)


def _kode(forelder, navn: str, kode: tuple[str, str]) -> None:
    element = _el(forelder, navn)
    _el(element, "kode", kode[0], ns=MDK)
    _el(element, "beskrivelse", kode[1], ns=MDK)


def _noekkel(forelder, navn: str, noekkel: str, *, ns: str = NS) -> None:
    element = _el(forelder, navn, ns=ns)
    _el(element, "fagsystem", settings.ARKIV["SYSTEM"], ns=MDK)
    _el(element, "noekkel", noekkel, ns=MDK)


def _skjerming(forelder, hjemmel: str) -> None:
    element = _el(forelder, "skjerming")
    _kode(element, "tilgangsrestriksjon", UNNTATT)
    _el(element, "skjermingshjemmel", hjemmel)


def _mappe(rot, mappe: Saksmappe | Motemappe) -> None:
    er_sak = isinstance(mappe, Saksmappe)
    element = _el(rot, "mappe", **{f"{{{XSI}}}type": "saksmappe" if er_sak else "moetemappe"})
    _el(element, "tittel", mappe.tittel)
    if er_sak and mappe.offentlig_tittel:
        _el(element, "offentligTittel", mappe.offentlig_tittel)
    if er_sak and settings.ARKIV["ORDNINGSVERDI"]:
        klasse = _el(element, "klassifikasjon")
        _el(klasse, "klassifikasjonssystemID", settings.ARKIV["ORDNINGSPRINSIPP"])
        _el(klasse, "klasseID", settings.ARKIV["ORDNINGSVERDI"])
    _noekkel(element, "referanseEksternNoekkel", mappe.noekkel)
    if er_sak:
        if mappe.saksdato:
            _el(element, "saksdato", mappe.saksdato)
        if mappe.saksansvarlig:
            _el(_el(element, "saksansvarlig"), "navn", mappe.saksansvarlig, ns=MDK)
        return
    _el(element, "moetenummer", mappe.motenummer)
    _el(_el(element, "utvalg"), "navn", mappe.utvalg, ns=MDK)
    _el(element, "moetedato", mappe.motedato)
    if mappe.motested:
        _el(element, "moetested", mappe.motested)


def _dokumentbeskrivelse(forelder, nr: int, dokument: Dokument, fil: bytes, hjemmel: str):
    element = _el(forelder, "dokumentbeskrivelse")
    if dokument.dokumenttype:
        _kode(element, "dokumenttype", (dokument.dokumenttype, dokument.dokumenttype.title()))
    _kode(element, "dokumentstatus", DOKUMENTSTATUS)
    _el(element, "tittel", dokument.tittel)
    if dokument.forfatter:
        _el(element, "forfatter", dokument.forfatter)
    _kode(element, "tilknyttetRegistreringSom", HOVEDDOKUMENT if nr == 1 else VEDLEGG)
    _el(element, "dokumentnummer", nr)
    if hjemmel:
        _skjerming(element, hjemmel)
    objekt = _el(element, "dokumentobjekt")
    _el(objekt, "versjonsnummer", 1)
    _kode(objekt, "variantformat", ARKIVFORMAT)
    _kode(objekt, "format", PDFA)
    _el(objekt, "mimeType", "application/pdf")
    _el(objekt, "filnavn", f"{dokument.navn}.pdf")
    _el(objekt, "referanseDokumentfil", f"{dokument.navn}.pdf")
    _el(objekt, "sjekksum", hashlib.sha256(fil).hexdigest())
    _el(objekt, "sjekksumAlgoritme", "SHA-256")
    _el(objekt, "filstoerrelse", len(fil))


def _registrering(rot, innhold: Arkivinnhold, filer: list[bytes]) -> None:
    r: Registrering = innhold.registrering
    er_sak = isinstance(innhold.mappe, Saksmappe)
    element = _el(
        rot, "registrering", **{f"{{{XSI}}}type": "journalpost" if er_sak else "moetedokument"}
    )
    if r.opprettet:
        _el(element, "opprettetDato", r.opprettet)
    if r.opprettet_av:
        _el(element, "opprettetAv", r.opprettet_av)
    _noekkel(
        _el(element, "referanseForelderMappe"),
        "referanseEksternNoekkel",
        innhold.mappe.noekkel,
        ns=MDK,
    )
    if r.skjermingshjemmel:
        _skjerming(element, r.skjermingshjemmel)
    for nr, (dokument, fil) in enumerate(zip(r.dokumenter, filer, strict=True), start=1):
        _dokumentbeskrivelse(element, nr, dokument, fil, r.skjermingshjemmel)
    _el(element, "tittel", r.tittel)
    if r.offentlig_tittel:
        _el(element, "offentligTittel", r.offentlig_tittel)
    _noekkel(element, "referanseEksternNoekkel", r.noekkel)
    if not er_sak:
        _kode(element, "moetedokumenttype", PROTOKOLL)
        return
    _kode(element, "journalposttype", JOURNALPOSTTYPE)
    _kode(element, "journalstatus", JOURNALSTATUS)
    _el(element, "journaldato", timezone.localdate())
    _el(element, "dokumentetsDato", r.dato)


def arkivmelding_lag(innhold: Arkivinnhold, filer: list[bytes]) -> bytes:
    """The arkivmelding for `innhold`, whose documents are `filer` (PDF/A, in the same order),
    validated against the official schema. Refuses (UgyldigArkivmelding) one that is not valid:
    nothing that fails the schema ever leaves the portal."""
    rot = etree.Element(f"{{{NS}}}arkivmelding", nsmap={None: NS, "n5mdk": MDK, "xsi": XSI})
    _el(rot, "system", settings.ARKIV["SYSTEM"])
    _el(rot, "antallFiler", len(filer))
    _mappe(rot, innhold.mappe)
    _registrering(rot, innhold, filer)
    xml = etree.tostring(rot, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    valider(xml)
    return xml
