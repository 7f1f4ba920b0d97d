"""Worst cases of reading an import file. Run on demand: `make bench`.

Prints time and peak memory (tracemalloc) for reading files crafted to make the reader work:
a tiny workbook declaring a huge sheet, one with its only data row far down and no
declaration, a CSV with an endless field, and honest 5 000-row files. Reads only; needs no
database. Asserts nothing.
"""

import io
import os
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portefolje.settings")
os.environ.setdefault("DEBUG", "true")

import django  # noqa: E402

django.setup()

from ideer.importfil import ImportFeil, les_rader  # noqa: E402
from ideer.tests.hjelp import delt_tekst_xlsx, oppblast_xlsx  # noqa: E402


def ekte_xlsx(rader: int) -> bytes:
    from openpyxl import Workbook

    bok = Workbook(write_only=True)
    ark = bok.create_sheet()
    ark.append(["id", "tittel", "beskrivelse"])
    for nr in range(rader):
        ark.append([f"X-{nr}", f"Tittel {nr}", "Et behov som trenger en løsning."])
    ut = io.BytesIO()
    bok.save(ut)
    return ut.getvalue()


def maal(navn: str, innhold: bytes) -> None:
    tracemalloc.start()
    start = time.perf_counter()
    try:
        utfall = f"{len(les_rader(innhold)):,} rader lest"
    except ImportFeil as feil:
        utfall = f"avvist: {str(feil)[:60]}…"
    tid = time.perf_counter() - start
    topp = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(f"{navn:<42} {len(innhold):>9,} B {tid * 1000:9.1f} ms {topp / 1e6:8.1f} MB  {utfall}")


def main() -> None:
    print("Import: lesing av filer (før validering og lagring)")
    maal("xlsx som erklærer A1:XFD1048576", oppblast_xlsx(dimensjon="A1:XFD1048576"))
    maal("xlsx som erklærer A1:C100000", oppblast_xlsx(dimensjon="A1:C100000"))
    maal("xlsx uten erklæring, rad 1 000 000", oppblast_xlsx(dimensjon=None, siste_rad=10**6))
    maal("csv med et felt på 5 MB", b'id;tittel;beskrivelse\nX-1;T;"' + b"x" * 5_000_000)
    maal(
        "xlsx: 3 000 celler, én delt tekst på 1 MB", delt_tekst_xlsx(tekst="x" * 10**6, rader=1000)
    )
    maal(
        "xlsx: 60 000 celler, én delt tekst på 9 000 tegn",
        delt_tekst_xlsx(tekst="x" * 9000, rader=20_000),
    )
    maal("ekte xlsx, 5 000 rader", ekte_xlsx(5_000))
    maal(
        "ekte csv, 20 000 rader",
        "\n".join(
            ["id;tittel;beskrivelse"] + [f"X-{n};Tittel {n};Et behov." for n in range(5_000)]
        ).encode(),
    )


if __name__ == "__main__":
    main()
