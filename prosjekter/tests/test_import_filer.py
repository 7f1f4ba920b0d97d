"""Files the import refuses or reads with remarks: hostile XML, Project's own .mpp, a file that
is too large, a deliverable outside the project's period, and an undo after a change by hand."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from prosjekter.importer import msproject
from prosjekter.models import Importbatch, Leveranse, Prosjekt
from prosjekter.tests import importfiler
from prosjekter.tests.factories import LeveranseFactory

pytestmark = pytest.mark.django_db

SIDE = reverse("prosjekter:import")

MILLIARD_LATTER = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<Project xmlns="http://schemas.microsoft.com/project"><Title>&lol4;</Title></Project>
"""

EKSTERN_ENTITET = b"""<?xml version="1.0"?>
<!DOCTYPE Project [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<Project xmlns="http://schemas.microsoft.com/project"><Title>&xxe;</Title></Project>
"""


def _forhandsvis(client, portefolje, navn, innhold):
    svar = client.post(
        SIDE,
        {
            "kilde": "msproject",
            "portefolje": portefolje.pk,
            "filer": [SimpleUploadedFile(navn, innhold)],
        },
        follow=True,
    )
    assert svar.status_code == 200
    return svar.content.decode()


@pytest.mark.parametrize("innhold", [MILLIARD_LATTER, EKSTERN_ENTITET], ids=["lol", "xxe"])
def test_hostile_xml_is_refused_with_a_message(client, utvikler, portefolje, innhold):
    client.force_login(utvikler)
    side = _forhandsvis(client, portefolje, "angrep.xml", innhold)
    assert "DOCTYPE" in side and "root:" not in side and "lollol" not in side
    assert "Det er ingenting i filene vi kan importere." in side
    assert Prosjekt.objects.count() == 0


def test_an_mpp_file_is_refused_with_how_to_save_it_as_xml(client, utvikler, portefolje):
    client.force_login(utvikler)
    side = _forhandsvis(
        client, portefolje, "plan.mpp", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64
    )
    assert "«Lagre som» → «XML»" in side


def test_a_file_over_the_cap_is_refused_before_it_is_parsed(monkeypatch):
    monkeypatch.setattr(msproject, "MAKS_BYTE", 1024 * 1024)
    stor = importfiler.mspdi() + b" " * (1024 * 1024)
    with translation.override("nb"), pytest.raises(msproject.ImportFeil, match="større enn 1 MB"):
        msproject.mspdi_les(stor)


def test_a_deliverable_outside_the_period_is_reported_and_the_rest_imported(
    client, utvikler, portefolje
):
    client.force_login(utvikler)
    xml = importfiler.mspdi().replace(b"2026-11-30T08:00:00", b"2027-02-01T08:00:00")
    _forhandsvis(client, portefolje, "journal.xml", xml)
    batch = Importbatch.objects.get()
    side = client.post(reverse("prosjekter:import-utfor", args=[batch.pk]), follow=True)
    tekst = side.content.decode()
    assert "oppgave 5" in tekst and "etter at prosjektet slutter" in tekst
    assert Leveranse.objects.count() == 3


def test_undo_is_refused_when_someone_added_to_an_imported_project(client, utvikler, portefolje):
    client.force_login(utvikler)
    _forhandsvis(client, portefolje, "journal.xml", importfiler.mspdi())
    batch = Importbatch.objects.get()
    client.post(reverse("prosjekter:import-utfor", args=[batch.pk]))
    prosjekt = Prosjekt.objects.get()
    LeveranseFactory(prosjekt=prosjekt, tittel="Opplæring lagt til for hånd")
    svar = client.post(reverse("prosjekter:import-angre", args=[batch.pk]), follow=True)
    assert "Nytt journalsystem" in svar.content.decode()
    assert "har fått innhold for hånd" in svar.content.decode()
    assert Prosjekt.objects.count() == 1 and Leveranse.objects.count() == 5


def test_rows_the_database_would_refuse_are_problems_in_the_preview(client, utvikler, portefolje):
    client.force_login(utvikler)
    ark = importfiler._xlsx(
        "Prosjektoversikt",
        ["ID", "Tittel", "Startdato", "Sluttdato", "Budsjett", "Arkivreferanse"],
        [
            ["a", "Baklengs", "2026-06-01", "2026-01-01", "", ""],
            ["b", "For dyrt", "", "", "1e40", ""],
            ["c", "Lang referanse", "", "", "", "x" * 300],
        ],
    )
    svar = client.post(
        SIDE,
        {
            "kilde": "prosjektportalen",
            "portefolje": portefolje.pk,
            "filer": [SimpleUploadedFile("Prosjektoversikt.xlsx", ark)],
        },
        follow=True,
    )
    tekst = svar.content.decode()
    assert "Sluttdatoen er før startdatoen" in tekst
    assert "«1e40» i kolonnen for «Budsjett» kunne ikke leses" in tekst
    batch = Importbatch.objects.get()
    client.post(reverse("prosjekter:import-utfor", args=[batch.pk]))
    assert set(Prosjekt.objects.values_list("tittel", flat=True)) == {"For dyrt", "Lang referanse"}
    assert len(Prosjekt.objects.get(tittel="Lang referanse").arkivreferanse) == 100
