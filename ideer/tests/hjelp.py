"""Small helpers for Samle's tests: files of each kind, and a valid public-form post."""

import io
import time
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile

from ideer.forms import lag_tidsstempel

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as arkiv:
        arkiv.writestr("[Content_Types].xml", "<Types/>")
        arkiv.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def fil(navn: str, innhold: bytes, type_: str = "application/octet-stream"):
    return SimpleUploadedFile(navn, innhold, content_type=type_)


def offentlig_post(**overstyr) -> dict:
    """A public-form post that passes every spam check: shown a minute ago, trap empty."""
    data = {
        "avsender": "innbyggere",
        "tittel": "Bedre belysning på gangveien til skolen",
        "beskrivelse": "Gangveien er mørk om vinteren, og barna føler seg utrygge.",
        "losningsforslag": "",
        "navn": "Kari Nordmann",
        "epost": "kari@example.no",
        "samtykke": "on",
        "nettsted": "",
        "tidsstempel": lag_tidsstempel(time.time() - 60),
    }
    data.update(overstyr)
    return {k: v for k, v in data.items() if v is not None}


def oppblast_xlsx(*, dimensjon: str | None, siste_rad: int = 2) -> bytes:
    """A tiny valid workbook (a header and one row) whose sheet declares `dimensjon` (None: no
    declaration) and puts its data row at `siste_rad`: the import's worst case."""
    import re

    from openpyxl import Workbook

    bok = Workbook()
    bok.active.append(["id", "tittel", "beskrivelse"])
    bok.active.append(["X-1", "Tittel", "Beskrivelse"])
    kilde = io.BytesIO()
    bok.save(kilde)
    ut = io.BytesIO()
    with zipfile.ZipFile(kilde) as inn, zipfile.ZipFile(ut, "w", zipfile.ZIP_DEFLATED) as arkiv:
        for navn in inn.namelist():
            data = inn.read(navn)
            if navn == "xl/worksheets/sheet1.xml":
                ny = b"" if dimensjon is None else f'<dimension ref="{dimensjon}"/>'.encode()
                data = re.sub(rb'<dimension ref="[^"]*"/>', ny, data)
                data = re.sub(
                    rb'r="([A-C])?2"',
                    lambda m: f'r="{(m[1] or b"").decode()}{siste_rad}"'.encode(),
                    data,
                )
            arkiv.writestr(navn, data)
    return ut.getvalue()


_TYPER = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.sharedStrings+xml"/>'
    "</Types>"
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
_BOK = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Ark1" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_BOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>'
)
_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def _kolonne(nr: int) -> str:
    navn = ""
    while nr:
        nr, rest = divmod(nr - 1, 26)
        navn = chr(65 + rest) + navn
    return navn


def delt_tekst_xlsx(*, tekst: str = "", rader: int, kolonner: int = 3, inline: str = "") -> bytes:
    """A workbook written by hand, the way an attacker would: a header (id, tittel,
    beskrivelse, then «x1»…), then `rader` rows whose every cell refers to ONE shared string,
    `tekst`. With `inline`, the first data row's first cell holds that text inline instead.
    Compressed, a million characters of one letter take a few kilobytes."""
    overskrift = ["id", "tittel", "beskrivelse"] + [f"x{n}" for n in range(4, kolonner + 1)]
    delte = [*overskrift[:kolonner], tekst]
    celle = len(delte) - 1
    deler = [f"<worksheet {_NS}><sheetData>"]
    deler.append(
        '<row r="1">'
        + "".join(f'<c r="{_kolonne(k)}1" t="s"><v>{k - 1}</v></c>' for k in range(1, kolonner + 1))
        + "</row>"
    )
    for rad in range(2, rader + 2):
        celler = "".join(
            f'<c r="{_kolonne(k)}{rad}" t="s"><v>{celle}</v></c>' for k in range(1, kolonner + 1)
        )
        if inline and rad == 2:
            celler = (
                f'<c r="A2" t="inlineStr"><is><t>{inline}</t></is></c>' + celler.split("</c>", 1)[1]
            )
        deler.append(f'<row r="{rad}">{celler}</row>')
    deler.append("</sheetData></worksheet>")
    strenger = "".join(f"<si><t>{s}</t></si>" for s in delte)
    ut = io.BytesIO()
    with zipfile.ZipFile(ut, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as arkiv:
        arkiv.writestr("[Content_Types].xml", _TYPER)
        arkiv.writestr("_rels/.rels", _RELS)
        arkiv.writestr("xl/workbook.xml", _BOK)
        arkiv.writestr("xl/_rels/workbook.xml.rels", _BOK_RELS)
        arkiv.writestr("xl/worksheets/sheet1.xml", "".join(deler))
        arkiv.writestr(
            "xl/sharedStrings.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><sst {_NS} count="{len(delte)}" '
            f'uniqueCount="{len(delte)}">{strenger}</sst>',
        )
    return ut.getvalue()
