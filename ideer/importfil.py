"""An import file's rows as text, bounded in memory and time by what is read.

A file may claim anything (a sheet's declared size, a zip's part sizes); the limits hold
against what the reader actually meets. Every cell's length is checked before anything copies
it (`strip`, a form's cleaning), and the cells and characters read so far are counted: a 3 KB
workbook whose cells all point to one shared 1 MB string used to grow a worker to 1.1 GB. A file
over a limit is refused with a message that names the limit.
"""

import csv
import io
import logging
import zipfile
from xml.parsers import expat

from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

MAKS_RADER = 20_000
# A 1.5 KB workbook declaring a huge sheet made openpyxl produce 100 000 empty rows (+380 MB):
# the declared size is checked before any row is read.
MAKS_KOLONNER = 100
MAKS_UTPAKKET = 50 * 1024 * 1024  # an xlsx is a zip: its parts unpacked, together
# The longest text a field takes (an idea's description) is 10 000 characters.
MAKS_TEKST = 10_000
# 20 000 rows of 20 filled cells; 10 million characters (at most 40 MB, held once).
MAKS_CELLER = 400_000
# Cells in the sheet, empty ones included (a formatted but empty cell is written too).
MAKS_ARKCELLER = 500_000
MAKS_TEGN = 10_000_000
_BIT = 64 * 1024


class ImportFeil(Exception):
    """The file as a whole cannot be read; the message says what to do."""


def _tall(tall: int) -> str:
    # Norwegian grouping (a no-break space), also where no language is active, as in a command.
    return f"{tall:,}".replace(",", "\u00a0")


def _for_lang_celle(*, rad) -> ImportFeil:
    return ImportFeil(
        _(
            "Row %(rad)s has a cell with more than %(maks)s characters, the most a cell may "
            "hold. Shorten the text and try again."
        )
        % {"rad": rad, "maks": _tall(MAKS_TEKST)}
    )


def _for_lang_tekst() -> ImportFeil:
    return ImportFeil(
        _(
            "The file holds a text of more than %(maks)s characters, the most a cell may hold. "
            "Shorten the text and try again."
        )
        % {"maks": _tall(MAKS_TEKST)}
    )


def _for_mye() -> ImportFeil:
    return ImportFeil(
        _(
            "The file holds more than %(celler)s cells or %(tegn)s characters, the most we "
            "import at once. Split it and import the parts."
        )
        % {"celler": _tall(MAKS_CELLER), "tegn": _tall(MAKS_TEGN)}
    )


def for_mange_rader() -> ImportFeil:
    return ImportFeil(
        _("The file has more than %(maks)s rows. Split it and import the parts.")
        % {"maks": MAKS_RADER}
    )


class Teller:
    """The cells and characters read so far; refuses a cell or a file over the limits."""

    def __init__(self):
        self.celler = 0
        self.tegn = 0

    def tekst(self, verdi, *, rad: int) -> str:
        """The cell as text. Its length is checked before it is copied."""
        if verdi is None:
            return ""
        if isinstance(verdi, float) and verdi.is_integer():
            return str(int(verdi))
        if not isinstance(verdi, str):
            return str(verdi)
        if len(verdi) > MAKS_TEKST:
            raise _for_lang_celle(rad=rad)
        self.celler += 1
        self.tegn += len(verdi)
        if self.celler > MAKS_CELLER or self.tegn > MAKS_TEGN:
            raise _for_mye()
        return verdi.strip()

    def rad(self, celler, *, rad: int) -> list[str]:
        """A row's first `MAKS_KOLONNER` cells as text; a row with nothing in it is []."""
        celler = celler[:MAKS_KOLONNER]
        if all(c is None or c == "" for c in celler):
            return []
        return [self.tekst(c, rad=rad) for c in celler]


def _dekod(innhold: bytes) -> str:
    if b"\x00" in innhold[:4096]:
        raise ImportFeil(
            _("The file is not a CSV text file in UTF-8 or Windows-1252. Save it as «CSV UTF-8».")
        )
    try:
        return innhold.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        # Excel's «CSV (semikolonseparert)» on Norwegian Windows.
        return innhold.decode("cp1252")
    except UnicodeDecodeError:
        raise ImportFeil(
            _("We could not read the characters in the file. Save it as «CSV UTF-8» and try again.")
        ) from None


def csv_rader(innhold: bytes) -> list[list[str]]:
    """The rows of a CSV file (the upload's size limit bounds the text)."""
    tekst = _dekod(innhold)
    forste_linje = tekst.split("\n", 1)[0]
    skilletegn = max([";", ",", "\t"], key=forste_linje.count)
    teller, rader = Teller(), []
    try:
        # One row more than allowed is enough to refuse the file; the rest is never read.
        for rad in csv.reader(io.StringIO(tekst), delimiter=skilletegn):
            rader.append(teller.rad(rad, rad=len(rader) + 1))
            if len(rader) > MAKS_RADER + 1:
                break
    except csv.Error:
        # A field beyond the csv module's limit (131 072 characters), usually a quote that is
        # never closed: the rest of the file became one field.
        raise ImportFeil(
            _(
                "Row %(rad)s could not be read: a field is far too long, or a quotation mark is "
                "not closed. Check the row in Excel and save the file again."
            )
            % {"rad": len(rader) + 1}
        ) from None
    return rader


def _les_xml(arkiv: zipfile.ZipFile, navn: str, **behandlere) -> None:
    """Stream one part of the workbook through expat (holding no tree), in bits; a handler
    stops the reading by raising `ImportFeil`."""
    leser = expat.ParserCreate()
    for hendelse, behandler in behandlere.items():
        setattr(leser, hendelse, behandler)
    try:
        with arkiv.open(navn) as kilde:
            while bit := kilde.read(_BIT):
                leser.Parse(bit, False)
            leser.Parse(b"", True)
    except (expat.ExpatError, zipfile.BadZipFile, OSError, KeyError):
        raise ImportFeil(_("The Excel file could not be read. Is it damaged?")) from None


def _navn(element: str) -> str:
    return element.rpartition(":")[2]


def _sjekk_delte_tekster(arkiv: zipfile.ZipFile) -> None:
    """The shared strings, read with the limits before openpyxl loads them.

    openpyxl keeps the whole table in memory and every cell may refer to any of it, so one huge
    string (or a million tiny ones) costs memory before the first row: each string's length,
    their number and their characters together are counted first.
    """
    navn = [n for n in arkiv.namelist() if n.lower().endswith("sharedstrings.xml")]
    if not navn:
        return
    lengde, antall, tegn = 0, 0, 0

    def start(element, _attributter):
        nonlocal lengde, antall
        if _navn(element) == "si":
            lengde, antall = 0, antall + 1
            if antall > MAKS_CELLER:
                raise _for_mye()

    def tekst(data):
        nonlocal lengde, tegn
        lengde, tegn = lengde + len(data), tegn + len(data)
        if lengde > MAKS_TEKST:
            raise _for_lang_tekst()
        if tegn > MAKS_TEGN:
            raise _for_mye()

    _les_xml(arkiv, navn[0], StartElementHandler=start, CharacterDataHandler=tekst)


def _sjekk_ark(arkiv: zipfile.ZipFile) -> None:
    """The sheets, read with the limits before openpyxl reads one: their rows and cells counted
    (openpyxl reads a sheet without a declared size to its end before giving the first row),
    and a cell's own text (an inline string) measured before anything holds it. The limits
    hold for the sheets together: a workbook from the portals has one."""
    rader, celler, lengde, radnr = 0, 0, 0, "?"

    def start(element, attributter):
        nonlocal rader, celler, lengde, radnr
        element = _navn(element)
        if element == "row":
            rader, radnr = rader + 1, attributter.get("r", "?")
            if rader > MAKS_RADER + 1:
                raise for_mange_rader()
        elif element == "c":
            celler, lengde = celler + 1, 0
            if celler > MAKS_ARKCELLER:
                raise _for_mye()

    def tekst(data):
        nonlocal lengde
        lengde += len(data)
        if lengde > MAKS_TEKST:
            raise _for_lang_celle(rad=radnr)

    for navn in arkiv.namelist():
        if navn.startswith("xl/worksheets/") and navn.endswith(".xml"):
            _les_xml(arkiv, navn, StartElementHandler=start, CharacterDataHandler=tekst)


def _sjekk_arkiv(innhold: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(innhold)) as arkiv:
        # A part never unpacks to more than its declared size (zipfile stops there), so the
        # declarations bound what is read.
        utpakket = sum(del_.file_size for del_ in arkiv.infolist())
        if utpakket > MAKS_UTPAKKET:
            raise ImportFeil(
                _("The Excel file unpacks to more than %(maks)s MB. Split it and import the parts.")
                % {"maks": MAKS_UTPAKKET // (1024 * 1024)}
            )
        _sjekk_delte_tekster(arkiv)
        _sjekk_ark(arkiv)


def _sjekk_erklaert_storrelse(ark) -> None:
    # The size the sheet declares (its <dimension>) is known before any row is read.
    if (ark.max_row or 0) > MAKS_RADER + 1 or (ark.max_column or 0) > MAKS_KOLONNER:
        raise ImportFeil(
            _(
                "The sheet says it has %(rader)s rows and %(kolonner)s columns; we accept at "
                "most %(maks_rader)s rows and %(maks_kolonner)s columns. Copy only the cells "
                "with data into a new workbook, or split the file."
            )
            % {
                "rader": ark.max_row,
                "kolonner": ark.max_column,
                "maks_rader": MAKS_RADER,
                "maks_kolonner": MAKS_KOLONNER,
            }
        )


def xlsx_rader(innhold: bytes) -> list[list[str]]:
    """The first sheet's rows, streamed (read-only mode), never beyond the limits."""
    from openpyxl import load_workbook

    _sjekk_arkiv(innhold)
    try:
        bok = load_workbook(io.BytesIO(innhold), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a broken file
        raise ImportFeil(_("The Excel file could not be read. Is it damaged?")) from None
    teller = Teller()
    try:
        ark = bok.worksheets[0]
        _sjekk_erklaert_storrelse(ark)
        # Bounded even when the declaration is missing or lies: one row more than allowed is
        # enough to refuse the file. Gaps the reader fills in stay empty lists, not 100 cells.
        rader = [
            teller.rad(rad, rad=nr)
            for nr, rad in enumerate(
                ark.iter_rows(max_row=MAKS_RADER + 2, max_col=MAKS_KOLONNER, values_only=True),
                start=1,
            )
        ]
    except ImportFeil:
        raise
    except Exception:  # a sheet that breaks while streamed is as damaged as one that won't open
        logger.warning("Uleselig regneark ved import", exc_info=True)
        raise ImportFeil(_("The Excel file could not be read. Is it damaged?")) from None
    finally:
        bok.close()
    return rader


def les_rader(innhold: bytes) -> list[list[str]]:
    """The file's rows as text, CSV or XLSX decided by content, not by the file name."""
    if not innhold.strip():
        raise ImportFeil(_("The file is empty."))
    if innhold.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(innhold)) as arkiv:
                er_xlsx = "xl/workbook.xml" in arkiv.namelist()
        except zipfile.BadZipFile:
            er_xlsx = False
        if not er_xlsx:
            raise ImportFeil(_("The file is neither CSV nor an Excel workbook (xlsx)."))
        return xlsx_rader(innhold)
    return csv_rader(innhold)
