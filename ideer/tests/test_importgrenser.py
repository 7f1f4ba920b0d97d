"""Import files crafted to make the reader work: bounded by what is read, refused with a message
that names the limit, beside the upload field."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ideer.importer import ImportFeil, innspill_importer
from ideer.models import Innspill, Kanal
from ideer.tests.hjelp import delt_tekst_xlsx, fil

ROT = Path(__file__).resolve().parents[2]
# Spaces around it: a reader that strips each cell before measuring it copies a megabyte a cell.
MEGABYTE = " " + "x" * 1_000_000 + " "


def importer(innhold: bytes):
    return innspill_importer(innhold=innhold, kanal=Kanal.SAMMENSKAPERVI)


@pytest.mark.django_db
def test_cells_pointing_to_one_huge_shared_string_are_refused_beside_the_upload_field(
    klient_for, utvikler
):
    innhold = delt_tekst_xlsx(tekst=MEGABYTE, rader=1000)
    assert len(innhold) < 20_000  # a tiny file that used to cost a gigabyte
    svar = klient_for(utvikler).post(
        "/ideer/importer/", {"kanal": "sammenskapervi", "fil": fil("eksport.xlsx", innhold)}
    )
    assert svar.status_code == 200
    [melding] = svar.context["form"].errors["fil"]
    assert "10\u00a0000 tegn" in melding
    assert "10\u00a0000 tegn" in svar.content.decode()
    assert not Innspill.objects.exists()


def test_a_text_under_the_cell_limit_in_every_cell_stops_at_the_character_limit():
    with pytest.raises(ImportFeil, match="10\u00a0000\u00a0000 tegn"):
        importer(delt_tekst_xlsx(tekst="x" * 9_000, rader=20_000))


def test_an_inline_text_over_the_cell_limit_is_refused_with_its_row():
    with pytest.raises(ImportFeil, match="Rad 2 .*10\u00a0000 tegn"):
        importer(delt_tekst_xlsx(tekst="a", rader=2, inline="y" * 5_000_000))


def test_more_cells_than_the_limit_are_refused_before_openpyxl_reads_them():
    with pytest.raises(ImportFeil, match="400\u00a0000 celler"):
        importer(delt_tekst_xlsx(tekst="a", rader=17_000, kolonner=30))


def test_a_csv_cell_over_the_limit_is_refused_with_its_row():
    innhold = f"id;tittel;beskrivelse\nX-1;Tittel;{'b' * 10_001}\n".encode()
    with pytest.raises(ImportFeil, match="Rad 2 .*10\u00a0000 tegn"):
        importer(innhold)


@pytest.mark.django_db
def test_a_description_at_the_cell_limit_still_imports():
    innhold = f"id;tittel;beskrivelse\nX-1;Tittel;{'b' * 10_000}\n".encode()
    assert importer(innhold).opprettet == 1
    assert len(Innspill.objects.get().beskrivelse) == 10_000


MAALING = """
import sys
import django
django.setup()
from ideer.importfil import ImportFeil, les_rader
import openpyxl  # loaded before the idle measure, as in a running worker

def status(felt):
    with open("/proc/self/status") as f:
        return next(int(linje.split()[1]) for linje in f if linje.startswith(felt)) // 1024

verst = 0
for sti in sys.argv[1:]:
    with open(sti, "rb") as f:
        innhold = f.read()
    with open("/proc/self/clear_refs", "w") as f:
        f.write("5")  # resets the peak (VmHWM) to what the process holds now
    hvile = status("VmRSS")
    try:
        les_rader(innhold)
    except ImportFeil:
        pass
    verst = max(verst, status("VmHWM") - hvile)
print(verst)
"""


def test_peak_memory_of_the_worst_files_stays_within_100_mb_above_idle(tmp_path):
    """Measured in a fresh process: its peak resident memory (C libraries included) while
    reading each file, above what it held just before. The files are built here."""
    filer = {
        "en_delt_megabyte": delt_tekst_xlsx(tekst=MEGABYTE, rader=1000),
        "delt_under_grensen": delt_tekst_xlsx(tekst="x" * 9_000, rader=20_000),
        "innebygd_40_mb": delt_tekst_xlsx(tekst="a", rader=2, inline="y" * 40_000_000),
        "mange_celler": delt_tekst_xlsx(tekst="a", rader=16_000, kolonner=25),
    }
    stier = []
    for navn, innhold in filer.items():
        sti = tmp_path / f"{navn}.xlsx"
        sti.write_bytes(innhold)
        stier.append(str(sti))
    miljo = {**os.environ, "DJANGO_SETTINGS_MODULE": "portefolje.settings"}
    svar = subprocess.run(
        [sys.executable, "-c", MAALING, *stier],
        cwd=ROT,
        env=miljo,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    assert int(svar.stdout.strip()) <= 100
