"""Every page is in Norwegian bokmål: each message file is fully translated and compiles."""

import os
import shutil
import subprocess
from pathlib import Path

import polib
import pytest

ROT = Path(__file__).resolve().parents[1]
APPER = [
    "portefolje",
    "ideer",
    "konseptnotat",
    "velge",
    "prosjekter",
    "rapporter",
    "offentlig",
    "api",
]
PO_FILER = sorted(
    [ROT / "locale/nb/LC_MESSAGES/django.po"]
    + [p for app in APPER for p in (ROT / app / "locale/nb/LC_MESSAGES").glob("django.po")]
)


@pytest.mark.parametrize("po_fil", PO_FILER, ids=lambda p: str(p.relative_to(ROT)))
def test_message_file_is_fully_translated(po_fil):
    po = polib.pofile(str(po_fil))
    mangler = [e.msgid for e in po if not e.obsolete and (not e.translated() or "fuzzy" in e.flags)]
    assert not mangler, f"{len(mangler)} uoversatte tekster i {po_fil.name}: {mangler[:10]}"


@pytest.mark.parametrize("po_fil", PO_FILER, ids=lambda p: str(p.relative_to(ROT)))
def test_message_file_compiles_with_matching_placeholders(po_fil):
    """msgfmt refuses a translation whose placeholders differ from the source («10 % likely»
    read as a format): then no page would be in Norwegian at all."""
    msgfmt = shutil.which("msgfmt")
    assert msgfmt, "gettext's msgfmt is needed to compile the message files"
    svar = subprocess.run(  # noqa: S603  (our own files, a fixed command)
        [msgfmt, "--check-format", "-o", os.devnull, str(po_fil)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert svar.returncode == 0, svar.stderr


def test_norwegian_is_what_users_see(client, db):
    svar = client.get("/konto/login/")
    innhold = svar.content.decode()
    assert "Logg inn i Porteføljeportalen" in innhold
    assert "Hopp til hovedinnhold" in innhold


def test_djangos_empty_choice_is_in_norwegian():
    from django.db.models.fields import BLANK_CHOICE_LABEL
    from django.utils import translation

    with translation.override("nb"):
        assert str(BLANK_CHOICE_LABEL) == "- Velg et alternativ -"
