"""What a phase hands the archive core: a case folder, one record in it, and its documents.

Plain data, no XML: the core turns it into an arkivmelding (portefolje.arkiv.arkivmelding) and
the documents into PDF/A (portefolje.pdf). Texts are what the archive shows, in the
municipality's written language.
"""

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(frozen=True)
class Del:
    """A section of a document: a heading, then label–value rows and/or bullet points."""

    overskrift: str
    rader: list[tuple[str, str]] = field(default_factory=list)
    punkter: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Dokument:
    """One document of the record, made as PDF/A when the record is sent. `navn` is the file's
    name in the package (ASCII, no extension)."""

    navn: str
    tittel: str
    ingress: list[str] = field(default_factory=list)
    deler: list[Del] = field(default_factory=list)
    # The Noark document type (dokumenttype), e.g. «VEDTAK» or «PROTOKOLL».
    dokumenttype: str = ""
    forfatter: str = ""


@dataclass(frozen=True)
class Saksmappe:
    """The case folder, found again by the archive from `noekkel` (the portal's own key)."""

    noekkel: str
    tittel: str
    saksdato: date | None = None
    saksansvarlig: str = ""
    offentlig_tittel: str = ""


@dataclass(frozen=True)
class Motemappe:
    """A meeting's folder (møtemappe), for the meeting's own records such as its minutes."""

    noekkel: str
    tittel: str
    motenummer: str
    utvalg: str
    motedato: date
    motested: str = ""


@dataclass(frozen=True)
class Registrering:
    """The record: a journal entry (journalpost) in a case folder, or a meeting document
    (møtedokument) in a meeting folder. `skjermingshjemmel` set: exempt from public access on
    that legal basis, and only `offentlig_tittel` is public."""

    noekkel: str
    tittel: str
    dato: date
    dokumenter: list[Dokument]
    opprettet: datetime | None = None
    opprettet_av: str = ""
    offentlig_tittel: str = ""
    skjermingshjemmel: str = ""


@dataclass(frozen=True)
class Arkivinnhold:
    mappe: Saksmappe | Motemappe
    registrering: Registrering
