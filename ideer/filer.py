"""Attachments: the file's type is decided by its content (magic bytes), never by its name."""

import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from ideer.models import Filtype

TILLATTE_TYPER_TEKST = _("PDF, Word (docx), Excel (xlsx), PNG or JPEG")


def _zip_type(fil) -> str | None:
    # docx and xlsx are zip files; the part that makes them what they are must be inside.
    try:
        with zipfile.ZipFile(fil) as arkiv:
            navn = set(arkiv.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    if "[Content_Types].xml" not in navn:
        return None
    if "word/document.xml" in navn:
        return Filtype.DOCX
    if "xl/workbook.xml" in navn:
        return Filtype.XLSX
    return None


def filtype_fra_innhold(fil) -> str | None:
    """The file's real type from its first bytes, or None if it is none of the allowed types."""
    fil.seek(0)
    start = fil.read(8)
    fil.seek(0)
    if start.startswith(b"%PDF-"):
        return Filtype.PDF
    if start.startswith(b"\x89PNG\r\n\x1a\n"):
        return Filtype.PNG
    if start.startswith(b"\xff\xd8\xff"):
        return Filtype.JPG
    if start.startswith(b"PK\x03\x04"):
        resultat = _zip_type(fil)
        fil.seek(0)
        return resultat
    return None


def valider_vedlegg(fil) -> str:
    """Check size and real type of an uploaded file; returns the type or raises ValidationError."""
    if fil.size > settings.MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("The file is %(storrelse)s. The largest file we accept is %(maks)s.")
            % {
                "storrelse": filesizeformat(fil.size),
                "maks": filesizeformat(settings.MAX_UPLOAD_BYTES),
            },
            code="for_stor",
        )
    if fil.size == 0:
        raise ValidationError(_("The file is empty."), code="tom")
    filtype = filtype_fra_innhold(fil)
    if filtype is None:
        raise ValidationError(
            _("We cannot accept this file. Allowed types are %(typer)s.")
            % {"typer": TILLATTE_TYPER_TEKST},
            code="feil_type",
        )
    return filtype
