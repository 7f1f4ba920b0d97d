"""The development team brings a project in from Microsoft Project through the import page's
own links and buttons: upload, preview, mapping, import, report, undo."""

import pytest

from prosjekter.tests import importfiler
from tests.browser.conftest import logg_inn

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_developer_imports_a_project_and_undoes_it(side, demo):
    from prosjekter.models import Prosjekt

    for_ = Prosjekt.objects.count()
    logg_inn(side, "utvikler")
    side.goto("/prosjekter/")
    side.get_by_role("link", name="Importer prosjekter fra Project eller Prosjektportalen").click()

    side.get_by_label("Microsoft Project (XML)").check()
    portefolje = side.get_by_label("Portefølje for nye prosjekter")
    portefolje.select_option(label="Ledergruppe helse og omsorg")
    side.get_by_label("Filer").set_input_files(
        {"name": "journal.xml", "mimeType": "text/xml", "buffer": importfiler.mspdi()}
    )
    side.get_by_role("button", name="Vis hva som blir importert").click()

    innhold = side.locator("main")
    assert "forhåndsvisning" in innhold.inner_text()
    assert side.get_by_role("cell", name="Kontrakt signert").is_visible()
    side.get_by_label("Arkivsak").select_option("arkivreferanse")
    side.get_by_label("Ramme").select_option("budsjett")
    side.get_by_role("button", name="Bruk denne koblingen").click()
    assert side.get_by_label("Arkivsak").count() == 0
    assert Prosjekt.objects.count() == for_  # nothing written before «Importer»

    side.get_by_role("button", name="Importer", exact=True).click()
    assert "Importen er gjennomført" in innhold.inner_text()
    assert "5 opprettet" in innhold.inner_text()
    prosjekt = Prosjekt.objects.get(tittel="Nytt journalsystem")
    assert (prosjekt.arkivreferanse, prosjekt.budsjett) == ("2026/1234", 2_500_000)

    side.get_by_role("button", name="Angre importen").click()
    assert "Importen er angret" in innhold.inner_text()
    assert Prosjekt.objects.count() == for_
