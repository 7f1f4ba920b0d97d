"""Every page is in Norwegian, bokmål and nynorsk: each message file of both is fully translated
and compiles."""

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
SPRAK = ["nb", "nn"]
PO_FILER = sorted(
    [ROT / f"locale/{sprak}/LC_MESSAGES/django.po" for sprak in SPRAK]
    + [
        p
        for app in APPER
        for sprak in SPRAK
        for p in (ROT / app / f"locale/{sprak}/LC_MESSAGES").glob("django.po")
    ]
)


def test_every_app_has_both_catalogs():
    """`make messages` makes both; an app without its nynorsk file would pass unnoticed."""
    for sprak in SPRAK:
        assert (ROT / f"locale/{sprak}/LC_MESSAGES/django.po").exists()
        for app in APPER:
            assert (ROT / app / f"locale/{sprak}/LC_MESSAGES/django.po").exists(), (app, sprak)


@pytest.mark.parametrize("po_fil", PO_FILER, ids=lambda p: str(p.relative_to(ROT)))
def test_message_file_is_fully_translated(po_fil):
    """No entry untranslated, fuzzy or empty (a plural form left empty counts too)."""
    po = polib.pofile(str(po_fil))
    mangler = [
        e.msgid
        for e in po
        if not e.obsolete
        and (
            not e.translated()
            or "fuzzy" in e.flags
            or (e.msgid_plural and not all(v.strip() for v in e.msgstr_plural.values()))
            or (not e.msgid_plural and not e.msgstr.strip())
        )
    ]
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
    with translation.override("nn"):
        assert str(BLANK_CHOICE_LABEL) == "- Vel eit alternativ -"


def test_nynorsk_is_what_users_who_chose_it_see(client, db):
    client.post("/i18n/setlang/", {"language": "nn", "next": "/konto/login/"})
    innhold = client.get("/konto/login/").content.decode()
    assert "Logg inn i Porteføljeportalen" in innhold
    assert "Hopp til hovudinnhaldet" in innhold
    assert "Gløymt passordet?" in innhold


KOPIERES_IKKE = shutil.ignore_patterns(
    ".git",
    ".venv",
    "node_modules",
    "static",
    "staticfiles",
    "media",
    "test-artifacts",
    "__pycache__",
    "*.mo",
    "docs",
    "backups",
    ".run",
    "*.sqlite3",
)


@pytest.mark.subprocess
def test_every_string_marked_for_translation_is_in_the_catalogs(tmp_path):
    """`make messages` run on a copy of the sources adds nothing untranslated: a string moved to
    a shared template, or a new one whose catalog was never regenerated, would otherwise show in
    English (a catalog only holds what was there when it was last made)."""
    kopi = tmp_path / "kilde"
    shutil.copytree(ROT, kopi, ignore=KOPIERES_IKKE)
    (kopi / ".venv").symlink_to(ROT / ".venv")
    (kopi / "node_modules").mkdir()
    miljo = {**os.environ, "DEBUG": "true"}
    miljo.pop("DATABASE_URL", None)
    # The same commands as `make messages`, without its install steps.
    subprocess.run(  # noqa: S603  (our own Makefile, a fixed command)
        [shutil.which("make"), "--no-print-directory", "-o", ".venv/.installed", "messages"],
        cwd=kopi,
        env=miljo,
        check=True,
        capture_output=True,
    )
    mangler = []
    for po_fil in PO_FILER:
        katalog = polib.pofile(str(kopi / po_fil.relative_to(ROT)))
        mangler += [
            f"{po_fil.relative_to(ROT)}: {oppforing.msgid!r}"
            for oppforing in katalog
            if not oppforing.obsolete and (not oppforing.translated() or "fuzzy" in oppforing.flags)
        ]
    assert not mangler, "Mangler oversettelse (kjør `make messages` og oversett):\n" + "\n".join(
        mangler
    )
