"""Import from the exports of sammenskapervi.no (citizens) and slikskapervi.no (employees).

All or nothing: every row is checked first; if any row has an error, nothing is imported and
every bad row is reported by its row number (the header is row 1, as in Excel). Idempotent by
the export's own id: a row whose id is already imported for that channel is skipped, so the same
file can be imported any number of times.
"""

from dataclasses import dataclass, field

from django import forms
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ideer.importfil import MAKS_RADER, ImportFeil, for_mange_rader, les_rader
from ideer.models import Innspill, Kanal, Opphav, Status, StatusEndring, Type
from portefolje.revisjon import logg_hendelse
from portefolje.skjema import RenTekstMixin

IMPORT_KANALER = [Kanal.SAMMENSKAPERVI, Kanal.SLIKSKAPERVI]
STANDARD_OPPHAV = {Kanal.SAMMENSKAPERVI: Opphav.INNBYGGERE, Kanal.SLIKSKAPERVI: Opphav.MEDARBEIDERE}

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


def _overskrift(rader: list[list[str]]) -> list[str | None]:
    """The field each column fills (None: a column we do not import); refuses a file without
    the required columns or with too many rows."""
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
        raise for_mange_rader()
    return overskrift


def _sjekk_rader(rader, overskrift, *, kanal: str, resultat: Importresultat) -> list[dict]:
    """Every row checked by `ImportRadForm`; errors go to `resultat` by row number. Returns the
    clean rows."""
    nye: list[dict] = []
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
        nye.append(rent)
    return nye


def _lagre(nye: list[dict], *, kanal: str, aktor) -> tuple[int, int]:
    """Save the rows not imported before, in one transaction; returns (created, existing)."""
    finnes = set(
        Innspill.objects.filter(
            kanal=kanal, ekstern_id__in=[rent["ekstern_id"] for rent in nye]
        ).values_list("ekstern_id", flat=True)
    )
    objekter = [Innspill(**rent, kanal=kanal) for rent in nye if rent["ekstern_id"] not in finnes]
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
    return len(opprettet), len(finnes)


def innspill_importer(*, innhold: bytes, kanal: str, aktor=None) -> Importresultat:
    """Check every row, then import the new ones in one transaction, or nothing at all.

    Refuses (`ImportFeil`) a channel we do not import from, and a file that cannot be read or
    is over the limits in `ideer.importfil`; a file with bad rows imports nothing and lists them.
    """
    if kanal not in IMPORT_KANALER:
        raise ImportFeil(_("Import is possible only from sammenskapervi.no and slikskapervi.no."))
    rader = les_rader(innhold)
    overskrift = _overskrift(rader)
    resultat = Importresultat()
    nye = _sjekk_rader(rader, overskrift, kanal=kanal, resultat=resultat)
    if not resultat.feil:
        resultat.opprettet, resultat.fantes = _lagre(nye, kanal=kanal, aktor=aktor)
    return resultat
