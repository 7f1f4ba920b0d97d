"""Import of exports from sammenskapervi.no and slikskapervi.no: command and upload page."""

import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from ideer.importer import ImportFeil, innspill_importer
from ideer.models import Innspill, Kanal, Opphav
from ideer.tests.hjelp import PDF, fil

pytestmark = pytest.mark.django_db
EKSEMPEL = Path(__file__).parent / "data" / "sammenskapervi-eksempel.csv"


def importer(innhold: bytes, kanal=Kanal.SAMMENSKAPERVI):
    return innspill_importer(innhold=innhold, kanal=kanal)


def test_sample_file_imports_every_row():
    resultat = importer(EKSEMPEL.read_bytes())
    assert resultat.ok and resultat.opprettet == 3
    gatelys = Innspill.objects.get(ekstern_id="SKV-9001")
    assert gatelys.kanal == Kanal.SAMMENSKAPERVI
    assert gatelys.losningsforslag == "Bytte til LED med fjernstyring"
    assert gatelys.innsender_navn == "Berit Hansen" and gatelys.samtykke_epost
    assert Innspill.objects.get(ekstern_id="SKV-9003").opphav == Opphav.NAERINGSLIV


def test_importing_the_same_file_twice_creates_nothing_new():
    importer(EKSEMPEL.read_bytes())
    andre = importer(EKSEMPEL.read_bytes())
    assert andre.opprettet == 0 and andre.fantes == 3
    assert Innspill.objects.count() == 3


def test_same_id_from_the_other_portal_is_a_different_input():
    importer(EKSEMPEL.read_bytes())
    importer(EKSEMPEL.read_bytes(), kanal=Kanal.SLIKSKAPERVI)
    assert Innspill.objects.count() == 6


def test_broken_rows_import_nothing_and_are_reported_by_row_number():
    innhold = (
        "id;tittel;beskrivelse;epost;samtykke;type\n"
        "A1;God rad;Et behov;;;\n"
        ";Mangler id;Et behov;;;\n"
        "A3;;Mangler tittel;;;\n"
        "A4;Feil e-post;Et behov;ikke-epost;kanskje;\n"
        "A1;Samme id igjen;Et behov;;;\n"
        f"A6;{'x' * 201};Et behov;;;prosjekt\n"
    ).encode()
    resultat = importer(innhold)
    assert not resultat.ok
    assert Innspill.objects.count() == 0
    rader = dict(resultat.feil)
    assert sorted(rader) == [3, 4, 5, 6, 7]
    assert "id" in rader[3] and "påkrevd" in rader[3]
    assert "tittel" in rader[4]
    assert "e-post" in rader[5] and "«ja» eller «nei»" in rader[5]
    assert "rad 2" in rader[6]
    assert "200" in rader[7] and "«bestilling»" in rader[7]


def test_windows_1252_is_detected():
    innhold = "id,tittel,beskrivelse\nW1,Flere benker ved Fiskumvannet,Eldre trenger å hvile\n"
    importer(innhold.encode("cp1252"))
    assert Innspill.objects.get().tittel == "Flere benker ved Fiskumvannet"
    assert Innspill.objects.get().beskrivelse == "Eldre trenger å hvile"


@pytest.mark.parametrize(
    "innhold",
    [
        "id;tittel;beskrivelse\nU1;Tittel;Behov\n".encode("utf-16"),  # NUL bytes
        b"id;tittel;beskrivelse\nU1;Tittel \x81\x8d;Behov\n",  # not UTF-8, not cp1252
    ],
)
def test_unknown_encoding_is_refused_clearly(innhold):
    with pytest.raises(ImportFeil, match="CSV UTF-8"):
        importer(innhold)
    assert not Innspill.objects.exists()


def test_missing_columns_are_named():
    with pytest.raises(ImportFeil, match="beskrivelse"):
        importer(b"id;tittel\n1;Tittel\n")


def test_xlsx_is_read_by_content():
    bok = Workbook()
    ark = bok.active
    ark.append(["ID", "Tittel", "Beskrivelse", "Type", "Opphav"])
    ark.append([101, "Bysykler i Hokksund", "Lettere å pendle", "idé", "innbyggere"])
    ark.append([102, "Ny brannstasjon", "Vedtak om utredning", "bestilling", "politisk"])
    buffer = io.BytesIO()
    bok.save(buffer)
    resultat = importer(buffer.getvalue(), kanal=Kanal.SLIKSKAPERVI)
    assert resultat.opprettet == 2
    assert Innspill.objects.get(ekstern_id="101").tittel == "Bysykler i Hokksund"
    assert Innspill.objects.get(ekstern_id="102").type == "bestilling"


def test_imported_inputs_are_searchable():
    importer(EKSEMPEL.read_bytes())
    assert list(Innspill.objects.sok("gatelys").values_list("ekstern_id", flat=True)) == [
        "SKV-9001"
    ]


def test_command_imports_and_is_idempotent():
    ut = io.StringIO()
    call_command("importer_innspill", str(EKSEMPEL), "--kanal", "sammenskapervi", stdout=ut)
    assert "Importerte 3 nye innspill" in ut.getvalue()
    call_command("importer_innspill", str(EKSEMPEL), "--kanal", "sammenskapervi", stdout=ut)
    assert Innspill.objects.count() == 3


def test_command_reports_bad_rows(tmp_path):
    fil_ = tmp_path / "feil.csv"
    fil_.write_text("id;tittel;beskrivelse\n1;;Behov\n", encoding="utf-8")
    with pytest.raises(CommandError, match="Rad 2"):
        call_command("importer_innspill", str(fil_), "--kanal", "slikskapervi")


def test_upload_page_is_for_the_development_team_only(client, klient_for, ansatt, utvikler):
    data = {"kanal": "sammenskapervi", "fil": fil("eksport.csv", EKSEMPEL.read_bytes())}
    assert client.get("/ideer/importer/").status_code == 302
    klient = klient_for(ansatt)
    assert klient.get("/ideer/importer/").status_code == 403
    assert klient.post("/ideer/importer/", data).status_code == 403
    assert not Innspill.objects.exists()
    klient = klient_for(utvikler)
    svar = klient.post(
        "/ideer/importer/",
        {"kanal": "sammenskapervi", "fil": fil("eksport.csv", EKSEMPEL.read_bytes())},
    )
    assert svar.status_code == 302
    assert Innspill.objects.count() == 3


def test_upload_page_lists_bad_rows_and_refuses_other_files(klient_for, utvikler):
    klient = klient_for(utvikler)
    svar = klient.post(
        "/ideer/importer/",
        {"kanal": "sammenskapervi", "fil": fil("e.csv", b"id;tittel;beskrivelse\n1;;B\n")},
    )
    assert "Rad 2" in svar.content.decode()
    svar = klient.post("/ideer/importer/", {"kanal": "sammenskapervi", "fil": fil("e.csv", PDF)})
    assert svar.status_code == 200
    assert svar.context["form"].errors["fil"]
    assert not Innspill.objects.exists()


@pytest.mark.parametrize("dimensjon", ["A1:C100000", "A1:XFD1048576", "A1:DW2"])
def test_a_declared_dimension_beyond_the_limits_is_refused_before_reading(dimensjon):
    """1.5 KB declaring a huge sheet used to fill 100 000 empty rows first."""
    from ideer.tests.hjelp import oppblast_xlsx

    with pytest.raises(ImportFeil, match="(?i)ark|sheet"):
        importer(oppblast_xlsx(dimensjon=dimensjon))


def test_without_a_declaration_reading_stops_at_the_row_limit(monkeypatch):
    from ideer import importfil as modul
    from ideer.tests.hjelp import oppblast_xlsx

    lest = []
    ekte = modul.Teller.tekst
    monkeypatch.setattr(
        modul.Teller, "tekst", lambda selv, verdi, **k: lest.append(verdi) or ekte(selv, verdi, **k)
    )
    with pytest.raises(ImportFeil, match="20000|20 000"):
        importer(oppblast_xlsx(dimensjon=None, siste_rad=1_000_000))
    # Only the header's cells (up to the column limit) became text: the gap rows never did.
    assert len(lest) <= modul.MAKS_KOLONNER


def test_a_small_workbook_with_a_true_dimension_still_imports():
    from ideer.tests.hjelp import oppblast_xlsx

    assert importer(oppblast_xlsx(dimensjon="A1:C2")).opprettet == 1


def test_a_csv_field_beyond_the_csv_modules_limit_gets_a_message_not_a_500(klient_for, utvikler):
    innhold = ('id;tittel;beskrivelse\nX-1;Tittel;"' + "x" * 200_000 + "\n").encode()
    with pytest.raises(ImportFeil, match="Rad 2|Row 2|rad 2"):
        importer(innhold)
