"""Every download (XLSX, CSV, PDF, DOCX) is written here, one way for each format.

- A table export declares its columns once (`Kolonne`: a title, how to get the value, a
  width) and `tabell_svar` writes it as XLSX (real dates and numbers, a bold frozen header,
  column widths, an autofilter) or CSV (semicolons, UTF-8 with BOM), streamed from the query.
- A document is HTML rendered to PDF (`pdf_svar`, through `portefolje.pdf` and its network
  guard) or a Word file built with `Dokument`.
- `filnavn` names every file the same way (æ→ae, ø→o, å→aa).

Nothing a person typed can break a file or run in one: every cell goes through `trygg_celle`
(text that starts like a formula stays text: CSV/formula injection) and every text through
`rens_utdata` (control characters a file format cannot hold, such as Word's vertical tab, are
cleaned on the way out, whatever is stored).
"""

import csv
import io
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from portefolje.pdf import PdfUtilgjengelig, html_til_pdf
from portefolje.tekstrens import rens_utdata

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF_TYPE = "application/pdf"
# What makes Excel, LibreOffice or Google Sheets read a cell as a formula or a DDE command,
# also in its full-width form, which some versions fold to the ASCII sign.
FORMELSTART = frozenset("=+-@\t\r\n\uff1d\uff0b\uff0d\uff20")
_TRANSLITTERASJON = str.maketrans({"æ": "ae", "ø": "o", "å": "aa", "Æ": "Ae", "Ø": "O", "Å": "Aa"})


def trygg_celle(verdi):
    """The value as a cell: numbers and dates as they are, text never read as a formula and
    holding only characters a file can hold.

    Text whose first non-blank character starts a formula gets a leading apostrophe, the
    spreadsheet's own mark for «this is text».
    """
    if verdi is None or isinstance(verdi, bool | int | float | date | datetime):
        return verdi
    if isinstance(verdi, Decimal):
        return float(verdi)
    tekst = rens_utdata(str(verdi))
    if tekst.lstrip(" ")[:1] in FORMELSTART:
        return "'" + tekst
    return tekst


def filnavn(*deler) -> str:
    """A download's file name, without its ending (the writer adds it): the parts (words,
    numbers such as «P-2026-001», dates) joined by «-», Norwegian letters transliterated (æ→ae,
    ø→o, å→aa), other accents dropped, anything but letters and digits a «-»."""
    tekst = "-".join(str(d) for d in deler if d not in (None, ""))
    tekst = unicodedata.normalize("NFKD", tekst.translate(_TRANSLITTERASJON))
    tekst = tekst.encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z0-9]+", "-", tekst).strip("-")[:120] or "eksport"


def _vedlegg(navn: str, endelse: str) -> str:
    return f'attachment; filename="{navn}.{endelse}"'


def vedlegg_svar(innhold: bytes, *, navn: str, endelse: str, innholdstype: str) -> HttpResponse:
    """A file to download, named `navn` (from `filnavn`) and `endelse`."""
    svar = HttpResponse(innhold, content_type=innholdstype)
    svar["Content-Disposition"] = _vedlegg(navn, endelse)
    return svar


# --- Tables: XLSX and CSV -------------------------------------------------------------------


@dataclass(frozen=True)
class Kolonne:
    """One column of a table export: its title, its value for one object, its width in
    characters (XLSX)."""

    tittel: str
    verdi: Callable[[Any], Any]
    bredde: int = 16


def tabell_svar(
    objekter: Iterable, *, kolonner: list[Kolonne], som: str, arktittel: str, navn: str
):
    """The objects as a table, one row each, as `som` («xlsx» or «csv»), named `navn` (from
    `filnavn`)."""

    def rader():
        for objekt in objekter:
            yield [k.verdi(objekt) for k in kolonner]

    overskrift = [str(k.tittel) for k in kolonner]
    if som == "csv":
        return csv_svar([overskrift], rader(), navn=navn)
    return xlsx_svar(
        overskrift,
        rader(),
        bredder=[k.bredde for k in kolonner],
        arktittel=arktittel,
        navn=navn,
    )


class _Ekko:
    def write(self, verdi):
        return verdi


def _csv_verdi(verdi):
    if isinstance(verdi, datetime):
        if timezone.is_aware(verdi):
            verdi = timezone.localtime(verdi)
        return f"{verdi:%d.%m.%Y %H:%M}"
    if isinstance(verdi, date):
        return f"{verdi:%d.%m.%Y}"
    return trygg_celle(verdi)


class _CsvSkriver:
    """`csv.writer` with the portal's rules for every row."""

    def __init__(self, fil):
        self._skriver = csv.writer(fil, delimiter=";")

    def writerow(self, rad):
        return self._skriver.writerow([_csv_verdi(c) for c in rad])


def csv_skriver(fil) -> _CsvSkriver:
    """A CSV writer into a text file built on the server (the full export): semicolons, every
    cell through `trygg_celle`, dates as Norwegian dates, as `csv_svar` sends them."""
    return _CsvSkriver(fil)


def csv_svar(*deler: Iterable[list], navn: str) -> StreamingHttpResponse:
    """Semicolon-separated UTF-8 with BOM (Norwegian Excel opens it with the right letters),
    streamed row by row (the header, then the rows); every cell through `trygg_celle`, dates
    as Norwegian dates."""
    skriver = csv.writer(_Ekko(), delimiter=";")

    def strom():
        yield "\ufeff"
        for rader in deler:
            for rad in rader:
                yield skriver.writerow([_csv_verdi(c) for c in rad])

    svar = StreamingHttpResponse(strom(), content_type="text/csv; charset=utf-8")
    svar["Content-Disposition"] = _vedlegg(navn, "csv")
    return svar


def _kolonnebokstav(nr: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(nr)


def _xlsx_celle(ark, verdi):
    from openpyxl.cell import WriteOnlyCell

    if isinstance(verdi, datetime):
        # Excel has no time zones: the time as read in Norway.
        if timezone.is_aware(verdi):
            verdi = timezone.make_naive(verdi)
        celle = WriteOnlyCell(ark, value=verdi)
        celle.number_format = "dd.mm.yyyy hh:mm"
        return celle
    if isinstance(verdi, date):
        celle = WriteOnlyCell(ark, value=verdi)
        celle.number_format = "dd.mm.yyyy"
        return celle
    return trygg_celle(verdi)


def xlsx_svar(
    overskrift: list[str],
    rader: Iterable[list],
    *,
    arktittel: str,
    navn: str,
    bredder: list[int] | None = None,
) -> HttpResponse:
    """One sheet in openpyxl's write-only mode: a bold header that stays in view and filters,
    the columns `bredder` characters wide, dates and numbers as real values, every text
    through `trygg_celle`."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    bok = Workbook(write_only=True)
    ark = bok.create_sheet(rens_utdata(str(arktittel))[:31])
    for nr, bredde in enumerate(bredder or [16] * len(overskrift), start=1):
        ark.column_dimensions[_kolonnebokstav(nr)].width = bredde
    ark.freeze_panes = "A2"
    fet = Font(bold=True)
    hode = []
    for tittel in overskrift:
        celle = WriteOnlyCell(ark, value=trygg_celle(tittel))
        celle.font = fet
        hode.append(celle)
    ark.append(hode)
    antall = 1
    for rad in rader:
        ark.append([_xlsx_celle(ark, c) for c in rad])
        antall += 1
    if overskrift:
        ark.auto_filter.ref = f"A1:{_kolonnebokstav(len(overskrift))}{antall}"
    buffer = io.BytesIO()
    bok.save(buffer)
    return vedlegg_svar(buffer.getvalue(), navn=navn, endelse="xlsx", innholdstype=XLSX_TYPE)


# --- Documents: PDF and DOCX ----------------------------------------------------------------


def pdf_svar(html: str, *, stilark: list[str], navn: str) -> HttpResponse:
    """The HTML as a PDF/A download (`portefolje.pdf`, which fetches nothing over the network);
    503 with a way forward when the server cannot make PDFs."""
    try:
        pdf = html_til_pdf(html, stilark=stilark)
    except PdfUtilgjengelig:
        return HttpResponse(
            _("PDF is not available on this server. Use the print view and «Save as PDF»."),
            status=503,
            content_type="text/plain; charset=utf-8",
        )
    return vedlegg_svar(pdf, navn=navn, endelse="pdf", innholdstype=PDF_TYPE)


def _ut(tekst) -> str:
    return rens_utdata("" if tekst is None else str(tekst))


class Dokument:
    """A Word document (python-docx) whose every text is cleaned on the way in (`rens_utdata`),
    so nothing stored can make it fail. Text people typed that may be copied on into a
    spreadsheet goes through `trygg_celle` first, by the caller."""

    def __init__(self, *, tittel: str, forfatter: str = "", emneord: str = "", laget=None):
        from docx import Document

        self.dok = Document()
        egenskaper = self.dok.core_properties
        egenskaper.title = _ut(tittel)
        egenskaper.language = "nb-NO"
        if forfatter:
            egenskaper.author = _ut(forfatter)
        if emneord:
            egenskaper.keywords = _ut(emneord)
        if laget is not None:
            egenskaper.created = laget

    def overskrift(self, tekst, *, niva: int = 1) -> None:
        self.dok.add_heading(_ut(tekst), level=niva)

    def avsnitt(self, tekst="", *, etikett: str = "") -> None:
        """A paragraph; with `etikett`, it starts with that label in bold."""
        avsnitt = self.dok.add_paragraph()
        if etikett:
            avsnitt.add_run(f"{_ut(etikett)}: ").bold = True
        avsnitt.add_run(_ut(tekst))

    def punkt(self, tekst) -> None:
        self.dok.add_paragraph(_ut(tekst), style="List Bullet")

    def tabell(self, rader: Iterable[list], *, overskrift: list | None = None) -> None:
        """A grid table; `overskrift` is its first row."""
        rader = [overskrift, *rader] if overskrift else list(rader)
        tabell = self.dok.add_table(rows=0, cols=max((len(r) for r in rader), default=1))
        tabell.style = "Table Grid"
        for rad in rader:
            for celle, verdi in zip(tabell.add_row().cells, rad, strict=False):
                celle.text = _ut(verdi)

    def som_bytes(self) -> bytes:
        ut = io.BytesIO()
        self.dok.save(ut)
        return ut.getvalue()


def docx_svar(innhold: bytes, *, navn: str) -> HttpResponse:
    """A Word document to download."""
    return vedlegg_svar(innhold, navn=navn, endelse="docx", innholdstype=DOCX_TYPE)
