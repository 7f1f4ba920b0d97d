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
