"""Import from the exports of sammenskapervi.no (citizens) and slikskapervi.no (employees).

All or nothing: every row is checked first; if any row has an error, nothing is imported and
every bad row is reported by its row number (the header is row 1, as in Excel). Idempotent by
the export's own id: a row whose id is already imported for that channel is skipped, so the same
file can be imported any number of times.
"""

import csv
import io
import logging
import zipfile
from dataclasses import dataclass, field

from django import forms
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ideer.models import Innspill, Kanal, Opphav, Status, StatusEndring, Type
from portefolje.revisjon import logg_hendelse
from portefolje.skjema import RenTekstMixin

logger = logging.getLogger(__name__)

IMPORT_KANALER = [Kanal.SAMMENSKAPERVI, Kanal.SLIKSKAPERVI]
STANDARD_OPPHAV = {Kanal.SAMMENSKAPERVI: Opphav.INNBYGGERE, Kanal.SLIKSKAPERVI: Opphav.MEDARBEIDERE}
MAKS_RADER = 20_000
# Bounds on the work a file may ask for, checked before it is read: a 1.5 KB
# workbook declaring a huge sheet made openpyxl produce 100 000 empty rows (+380 MB).
MAKS_KOLONNER = 100
MAKS_UTPAKKET = 50 * 1024 * 1024  # an xlsx is a zip: its parts unpacked, together

# Column name in the file (after normalising) -> field. Documented in README «Import av innspill».
KOLONNER = {
    "id": "ekstern_id",
    "ekstern_id": "ekstern_id",
    "tittel": "tittel",
    "beskrivelse": "beskrivelse",
    "behov": "beskrivelse",
    "losningsforslag": "losningsforslag",
    "forventet_gevinst": "forventet_gevinst",
    "gevinst": "forventet_gevinst",
    "type": "type",
    "opphav": "opphav",
    "referanse": "referanse",
    "navn": "innsender_navn",
    "epost": "innsender_epost",
    "e_post": "innsender_epost",
    "samtykke": "samtykke_epost",
}
PAAKREVDE = ["ekstern_id", "tittel", "beskrivelse"]
JA = {"ja", "j", "yes", "y", "true", "1", "x"}
NEI = {"nei", "n", "no", "false", "0", ""}
TYPER = {"ide": Type.IDE, "idé": Type.IDE, "innspill": Type.IDE, "bestilling": Type.BESTILLING}


class ImportFeil(Exception):
    """The file as a whole cannot be read; the message says what to do."""


@dataclass
class Importresultat:
    opprettet: int = 0
    fantes: int = 0
    feil: list[tuple[int, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.feil


class ImportRadForm(RenTekstMixin, forms.Form):
    ekstern_id = forms.CharField(max_length=100)
    tittel = forms.CharField(max_length=200)
    beskrivelse = forms.CharField(max_length=10_000)
    losningsforslag = forms.CharField(max_length=10_000, required=False)
    forventet_gevinst = forms.CharField(max_length=10_000, required=False)
    type = forms.CharField(required=False)
    opphav = forms.CharField(required=False)
    referanse = forms.CharField(max_length=300, required=False)
    innsender_navn = forms.CharField(max_length=200, required=False)
    innsender_epost = forms.EmailField(required=False)
    samtykke_epost = forms.CharField(required=False)

    FELTNAVN = {
        "ekstern_id": gettext_lazy("id"),
        "tittel": gettext_lazy("title"),
        "beskrivelse": gettext_lazy("description"),
        "losningsforslag": gettext_lazy("suggested solution"),
        "forventet_gevinst": gettext_lazy("expected benefit"),
        "type": gettext_lazy("kind"),
        "opphav": gettext_lazy("source"),
        "referanse": gettext_lazy("reference"),
        "innsender_navn": gettext_lazy("name"),
        "innsender_epost": gettext_lazy("e-mail"),
        "samtykke_epost": gettext_lazy("consent"),
    }

    def clean_type(self):
        verdi = self.cleaned_data["type"].strip().lower()
        if not verdi:
            return Type.IDE
        if verdi not in TYPER:
            raise forms.ValidationError(_("Use «idé» or «bestilling»."))
        return TYPER[verdi]

    def clean_opphav(self):
        verdi = self.cleaned_data["opphav"].strip().lower()
        if verdi and verdi not in Opphav.values:
            raise forms.ValidationError(
                _("Unknown source. Use one of: %(verdier)s") % {"verdier": ", ".join(Opphav.values)}
            )
        return verdi

    def clean_samtykke_epost(self):
        verdi = self.cleaned_data["samtykke_epost"].strip().lower()
        if verdi in JA:
            return True
        if verdi in NEI:
            return False
        raise forms.ValidationError(_("Write «ja» or «nei»."))

    def feilmeldinger(self) -> list[str]:
        return [
            f"{self.FELTNAVN.get(felt, felt)}: {' '.join(meldinger)}"
            for felt, meldinger in self.errors.items()
        ]


def _normaliser(navn) -> str:
    navn = str(navn or "").strip().lower()
    for fra, til in [("ø", "o"), ("æ", "ae"), ("å", "a"), ("-", "_"), (" ", "_")]:
        navn = navn.replace(fra, til)
    return navn


def _tekst(verdi) -> str:
    if verdi is None:
        return ""
    if isinstance(verdi, float) and verdi.is_integer():
        return str(int(verdi))
    return str(verdi).strip()


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


def _csv_rader(innhold: bytes) -> list[list[str]]:
    tekst = _dekod(innhold)
    forste_linje = tekst.split("\n", 1)[0]
    skilletegn = max([";", ",", "\t"], key=forste_linje.count)
    rader = []
    try:
        # One row more than allowed is enough to refuse the file; the rest is never read.
        for rad in csv.reader(io.StringIO(tekst), delimiter=skilletegn):
            rader.append([_tekst(c) for c in rad[:MAKS_KOLONNER]])
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


def _xlsx_rader(innhold: bytes) -> list[list[str]]:
    """The first sheet's rows, streamed (read-only mode), never beyond the limits."""
    from openpyxl import load_workbook

    with zipfile.ZipFile(io.BytesIO(innhold)) as arkiv:
        utpakket = sum(del_.file_size for del_ in arkiv.infolist())
    if utpakket > MAKS_UTPAKKET:
        raise ImportFeil(
            _("The Excel file unpacks to more than %(maks)s MB. Split it and import the parts.")
            % {"maks": MAKS_UTPAKKET // (1024 * 1024)}
        )
    try:
        bok = load_workbook(io.BytesIO(innhold), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a broken file
        raise ImportFeil(_("The Excel file could not be read. Is it damaged?")) from None
    try:
        ark = bok.worksheets[0]
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
        # Bounded even when the declaration is missing or lies: one row more than allowed is
        # enough to refuse the file.
        # enough to refuse the file. Gaps the reader fills in stay empty lists, not 100 cells.
        rader = [
            [_tekst(c) for c in rad] if any(c is not None for c in rad) else []
            for rad in ark.iter_rows(
                max_row=MAKS_RADER + 2, max_col=MAKS_KOLONNER, values_only=True
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
        return _xlsx_rader(innhold)
    return _csv_rader(innhold)


def innspill_importer(*, innhold: bytes, kanal: str, aktor=None) -> Importresultat:
    """Check every row, then import the new ones in one transaction, or nothing at all."""
    if kanal not in IMPORT_KANALER:
        raise ImportFeil(_("Import is possible only from sammenskapervi.no and slikskapervi.no."))
    rader = les_rader(innhold)
    if not rader:
        raise ImportFeil(_("The file is empty."))
    overskrift = [KOLONNER.get(_normaliser(c)) for c in rader[0]]
    mangler = [k for k in PAAKREVDE if k not in overskrift]
    if mangler:
        raise ImportFeil(
            _("The first row must name the columns. Missing: %(kolonner)s")
            % {"kolonner": ", ".join(mangler)}
        )
    if len(rader) - 1 > MAKS_RADER:
        raise ImportFeil(
            _("The file has more than %(maks)s rows. Split it and import the parts.")
            % {"maks": MAKS_RADER}
        )

    resultat = Importresultat()
    nye: list[tuple[int, dict]] = []
    sett: dict[str, int] = {}
    for radnr, rad in enumerate(rader[1:], start=2):
        if not any(rad):
            continue  # blank lines at the end of a spreadsheet
        data = {felt: verdi for felt, verdi in zip(overskrift, rad, strict=False) if felt}
        skjema = ImportRadForm(data)
        if not skjema.is_valid():
            resultat.feil.append((radnr, "; ".join(skjema.feilmeldinger())))
            continue
        rent = skjema.cleaned_data
        if rent["ekstern_id"] in sett:
            resultat.feil.append(
                (
                    radnr,
                    _("The id %(id)s is used on row %(rad)s too.")
                    % {"id": rent["ekstern_id"], "rad": sett[rent["ekstern_id"]]},
                )
            )
            continue
        sett[rent["ekstern_id"]] = radnr
        rent["opphav"] = rent["opphav"] or STANDARD_OPPHAV[kanal]
        nye.append((radnr, rent))

    if resultat.feil:
        return resultat

    finnes = set(
        Innspill.objects.filter(kanal=kanal, ekstern_id__in=list(sett)).values_list(
            "ekstern_id", flat=True
        )
    )
    resultat.fantes = len(finnes)
    objekter = [
        Innspill(**rent, kanal=kanal) for _radnr, rent in nye if rent["ekstern_id"] not in finnes
    ]
    try:
        with transaction.atomic():
            opprettet = Innspill.objects.bulk_create(objekter, batch_size=1000)
            StatusEndring.objects.bulk_create(
                [
                    StatusEndring(
                        innspill=i,
                        fra_status=Status.NY,
                        til_status=Status.NY,
                        kommentar=_("Imported"),
                    )
                    for i in opprettet
                ],
                batch_size=1000,
            )
            Innspill.objects.filter(pk__in=[i.pk for i in opprettet]).oppdater_sokevektor()
            for innspill in opprettet:
                logg_hendelse(
                    aktor=aktor,
                    objekt=innspill,
                    handling="innspill_importert",
                    beskrivelse=_("Imported from %(kanal)s, id %(id)s")
                    % {"kanal": Kanal(kanal).label, "id": innspill.ekstern_id},
                    data={"kanal": kanal, "ekstern_id": innspill.ekstern_id},
                )
    except IntegrityError:
        raise ImportFeil(
            _("Someone imported the same rows at the same time. Try again: nothing is doubled.")
        ) from None
    resultat.opprettet = len(opprettet)
    return resultat
