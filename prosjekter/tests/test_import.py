"""Importing projects from Microsoft Project and Prosjektportalen 365, as a person does it:
upload, preview (nothing written), import, import again (no duplicates), undo."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from portefolje.models import Hendelse
from prosjekter.models import (
    Gevinst,
    Importbatch,
    Indikator,
    Leveranse,
    Maling,
    Prosjekt,
    Statusrapport,
    Usikkerhet,
)
from prosjekter.tests import importfiler

pytestmark = pytest.mark.django_db

SIDE = reverse("prosjekter:import")


@pytest.fixture
def kari(lag_bruker):
    return lag_bruker("kari", first_name="Kari", last_name="Nordmann")


def _last_opp(client, portefolje, kilde, filer: dict[str, bytes]):
    svar = client.post(
        SIDE,
        {
            "kilde": kilde,
            "portefolje": portefolje.pk,
            "filer": [SimpleUploadedFile(navn, innhold) for navn, innhold in filer.items()],
        },
    )
    assert svar.status_code == 302, svar.content.decode()[:2000]
    return client.get(svar["Location"]), Importbatch.objects.latest("opprettet")


def _antall():
    return [
        m.objects.count()
        for m in (Prosjekt, Leveranse, Statusrapport, Usikkerhet, Gevinst, Indikator, Maling)
    ]


def _importer(client, side):
    handling = side.context["importer_url"]
    assert handling in side.content.decode()
    return client.post(handling, follow=True)


def test_msproject_preview_import_reimport_and_undo(client, utvikler, portefolje, kari):
    client.force_login(utvikler)
    side, batch = _last_opp(client, portefolje, "msproject", {"journal.xml": importfiler.mspdi()})
    tekst = side.content.decode()
    assert "Nytt journalsystem" in tekst and "Kontrakt signert" in tekst
    assert "Arkivsak" in tekst  # a custom field waiting to be mapped
    assert _antall() == [0] * 7  # the preview wrote nothing

    # The municipality maps its custom fields on the preview.
    svar = client.post(
        side.context["kobling_url"],
        {"kobling-Arkivsak": "arkivreferanse", "kobling-Ramme": "budsjett"},
    )
    side = client.get(svar["Location"])
    assert "Arkivsak" not in [u for u, _f in side.context["ukjente"]]

    rapport = _importer(client, side)
    assert "5 opprettet, 0 oppdatert, 0 uendret" in rapport.content.decode()
    logget = Hendelse.objects.get(objekt_type="prosjekter.importbatch", handling="importert")
    assert logget.aktor == utvikler
    prosjekt = Prosjekt.objects.get()
    assert (prosjekt.tittel, prosjekt.prosjektleder) == ("Nytt journalsystem", kari)
    assert (prosjekt.arkivreferanse, prosjekt.budsjett) == ("2026/1234", 2_500_000)
    assert str(prosjekt.startdato) == "2026-01-05" and str(prosjekt.sluttdato) == "2026-12-18"
    leveranser = {lev.tittel: lev for lev in prosjekt.leveranser.all()}
    assert set(leveranser) == {"Anskaffelse", "Kontrakt signert", "Innføring", "Systemet i drift"}
    assert leveranser["Kontrakt signert"].status == "godkjent"
    assert leveranser["Systemet i drift"].status == "ihht_plan"

    # The same file again, with a new title: the project is updated, never duplicated.
    side, _batch2 = _last_opp(
        client, portefolje, "msproject", {"journal.xml": importfiler.mspdi("Nytt journalsystem 2")}
    )
    assert "Nytt journalsystem 2" in side.content.decode()
    _importer(client, side)
    assert _antall()[:2] == [1, 4]
    assert Prosjekt.objects.get().tittel == "Nytt journalsystem 2"

    # The first batch cannot be undone: the second changed its project since.
    svar = client.post(reverse("prosjekter:import-angre", args=[batch.pk]), follow=True)
    assert "Nytt journalsystem 2" in svar.content.decode()
    assert Prosjekt.objects.count() == 1

    # Undo the second: the old title is back; then the first: nothing is left.
    client.post(reverse("prosjekter:import-angre", args=[_batch2.pk]))
    assert Prosjekt.objects.get().tittel == "Nytt journalsystem"
    client.post(reverse("prosjekter:import-angre", args=[batch.pk]))
    assert _antall() == [0] * 7


def test_prosjektportalen_exports_are_imported_once(client, utvikler, portefolje, kari):
    client.force_login(utvikler)
    side, batch = _last_opp(client, portefolje, "prosjektportalen", importfiler.pp365_filer())
    tekst = side.content.decode()
    assert "Digital byggesak" in tekst and "Ny skolearena" in tekst
    assert "Farge" in tekst  # the unknown column, offered for mapping
    assert (
        "Usikkerhet.xlsx, rad 6:</strong> «9» i kolonnen for «Sannsynlighet» kunne ikke leses"
        in tekst
    )
    assert _antall() == [0] * 7

    _importer(client, side)
    assert _antall() == [2, 0, 2, 2, 1, 1, 2]
    byggesak = Prosjekt.objects.get(tittel="Digital byggesak")
    assert byggesak.prosjektleder == kari and byggesak.budsjett == 1_200_000
    mars, juni = byggesak.statusrapporter.order_by("publisert")
    assert (str(mars.publisert.date()), mars.fremdrift, mars.farge) == (
        "2026-03-31",
        "pa_plan",
        "gul",
    )
    assert (juni.fremdrift, juni.okonomi, juni.risiko, juni.farge) == (
        "forsinket",
        "over_budsjett",
        "hoy",
        "rod",
    )
    assert juni.fremdrift_kommentar == "Leverandøren er sen"
    assert {u.type for u in byggesak.usikkerheter.all()} == {"risiko", "mulighet"}

    # Imported again: the same counts, and everything is reported as unchanged.
    side, _igjen = _last_opp(client, portefolje, "prosjektportalen", importfiler.pp365_filer())
    _importer(client, side)
    assert _antall() == [2, 0, 2, 2, 1, 1, 2]
    assert Importbatch.objects.latest("opprettet").rapport["ny"] == 0

    # A risk changed by hand: the first batch can no longer be undone, and says what changed.
    risiko = Usikkerhet.objects.get(tittel="Leverandøren leverer sent")
    risiko.versjon += 1
    risiko.save()
    svar = client.post(reverse("prosjekter:import-angre", args=[batch.pk]), follow=True)
    assert "Leverandøren leverer sent" in svar.content.decode()
    assert _antall() == [2, 0, 2, 2, 1, 1, 2]
