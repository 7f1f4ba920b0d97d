"""manage.py importer_prosjekter: the IT department's way in, with a preview that writes nothing."""

import pytest
from django.core.management import call_command

from prosjekter.models import Importbatch, Leveranse, Prosjekt, Statusrapport
from prosjekter.tests import importfiler

pytestmark = pytest.mark.django_db


def _kjor(*args) -> str:
    from io import StringIO

    ut = StringIO()
    call_command("importer_prosjekter", *args, stdout=ut)
    return ut.getvalue()


def test_the_preview_writes_nothing_and_the_import_is_idempotent(tmp_path, portefolje):
    fil = tmp_path / "journal.xml"
    fil.write_bytes(importfiler.mspdi())
    args = [str(fil), "--kilde", "msproject", "--portefolje", portefolje.slug]

    ut = _kjor(*args, "--forhandsvis")
    assert "Nytt journalsystem" in ut and "Kontrakt signert" in ut
    assert Prosjekt.objects.count() == 0 and Importbatch.objects.count() == 0

    assert "5 nye" in _kjor(*args)
    assert "0 nye, 0 endret, 5 uendret" in _kjor(*args)
    assert Prosjekt.objects.get().portefolje == portefolje
    assert Leveranse.objects.count() == 4


def test_prosjektportalen_files_go_to_klg_without_a_portfolio(tmp_path, klg):
    filer = []
    for navn, innhold in importfiler.pp365_filer().items():
        (tmp_path / navn).write_bytes(innhold)
        filer.append(str(tmp_path / navn))
    ut = _kjor(*filer, "--kilde", "prosjektportalen")
    assert "Usikkerhet.xlsx" in ut  # the row with probability 9, named by file and row
    assert set(Prosjekt.objects.values_list("portefolje", flat=True)) == {klg.pk}
    assert Statusrapport.objects.filter(tilstand="publisert").count() == 2
