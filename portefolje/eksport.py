"""Every export (CSV, XLSX, DOCX tables) writes its cells through this module.

Text people typed must stay text in a spreadsheet: a project title «=HYPERLINK(...)» written as
is becomes a live formula in Excel (CSV/formula injection). `trygg_celle` is the one
place that decides; `csv_svar` and `xlsx_svar` use it for every cell, and a DOCX table writes
`trygg_celle(verdi)` too.
"""

import csv
import io
from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal

from django.http import HttpResponse, StreamingHttpResponse

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# What makes Excel, LibreOffice or Google Sheets read a cell as a formula or a DDE command,
# also in its full-width form, which some versions fold to the ASCII sign.
FORMELSTART = frozenset("=+-@\t\r\n\uff1d\uff0b\uff0d\uff20")


def trygg_celle(verdi):
    """The value as a cell: numbers and dates as they are, text never read as a formula.

    Text whose first non-blank character starts a formula gets a leading apostrophe, the
    spreadsheet's own mark for «this is text».
    """
    if verdi is None or isinstance(verdi, bool | int | float | date | datetime):
        return verdi
    if isinstance(verdi, Decimal):
        return float(verdi)
    tekst = str(verdi)
    if tekst.lstrip(" ")[:1] in FORMELSTART:
        return "'" + tekst
    return tekst


def _vedlegg(filnavn: str) -> str:
    return f'attachment; filename="{filnavn}"'


class _Ekko:
    def write(self, verdi):
        return verdi


def csv_svar(rader: Iterable[list], *, filnavn: str) -> StreamingHttpResponse:
    """Semicolon-separated UTF-8 with BOM (Norwegian Excel opens it with the right letters),
    streamed row by row; every cell through `trygg_celle`."""
    skriver = csv.writer(_Ekko(), delimiter=";")

    def strom():
        yield "\ufeff"
        for rad in rader:
            yield skriver.writerow([trygg_celle(c) for c in rad])

    svar = StreamingHttpResponse(strom(), content_type="text/csv; charset=utf-8")
    svar["Content-Disposition"] = _vedlegg(filnavn)
    return svar


def xlsx_svar(rader: Iterable[list], *, arktittel: str, filnavn: str) -> HttpResponse:
    """One sheet, written in openpyxl's write-only mode; every cell through `trygg_celle`."""
    from openpyxl import Workbook

    bok = Workbook(write_only=True)
    ark = bok.create_sheet(str(arktittel)[:31])
    for rad in rader:
        ark.append([trygg_celle(c) for c in rad])
    buffer = io.BytesIO()
    bok.save(buffer)
    svar = HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE)
    svar["Content-Disposition"] = _vedlegg(filnavn)
    return svar
