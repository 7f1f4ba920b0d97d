"""The full export (`eksporter_alt`) and its import into an empty installation (`importer_alt`).

The round trip runs on the demo data: export, open the zip as someone moving on would (JSON, CSV,
schema), empty the database, import, and compare every table's row count and a few values.
"""

import csv
import io
import json
import zipfile

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.urls import reverse

from ideer.models import Innspill, Vedlegg
from portefolje import flytting
from portefolje.models import Hendelse, Portefolje
from portefolje.models.organisasjon import UTVIKLINGSTEAM_GRUPPE
from prosjekter.models import Prosjekt
from velge.models import Beslutning

# What is left out of the export on purpose, and why (see portefolje.flytting).
UTELATT = {
    "admin.logentry",  # the admin's own log of clicks; the audit trail is Hendelse
    "auth.permission",  # made by migrate from the code; groups name theirs by natural key
    "contenttypes.contenttype",  # likewise
    "sessions.session",  # sessions
    "axes.accessattempt",  # login attempts
    "axes.accessattemptexpiration",
    "axes.accessfailurelog",
    "axes.accesslog",
    "portefolje.skjemanokkel",  # one-time form keys
    "portefolje.entraidentitet",  # linked again by e-mail at the first sign-in
    "api.apinokkel",  # API key hashes
    "api.tjenestekonto",  # the API's service accounts and their keys
}


def demo_data():
    call_command("demo_data", "--force", stdout=io.StringIO())


def eksporter(tmp_path):
    mal = tmp_path / "alt.zip"
    call_command("eksporter_alt", str(mal), stdout=io.StringIO())
    return mal


def radantall() -> dict[str, int]:
    """Rows per exported table, and per many-to-many table of theirs."""
    antall = {}
    for modell in flytting.modeller():
        antall[modell._meta.label_lower] = modell._base_manager.count()
        for felt in modell._meta.local_many_to_many:
            through = felt.remote_field.through
            antall[through._meta.db_table] = through._base_manager.count()
    return antall


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def test_every_table_is_exported_or_left_out_on_purpose():
    eksportert = {modell._meta.label_lower for modell in flytting.modeller()}
    alle = {modell._meta.label_lower for modell in apps.get_models()}
    assert alle - eksportert == UTELATT
    # History comes along with its model.
    assert {"prosjekter.historicalprosjekt", "velge.historicalscenario_tvunget_inn"} <= eksportert


@pytest.mark.django_db(transaction=True)
def test_export_opens_and_reimport_into_an_empty_database_gives_the_same_portfolio(
    tmp_path, media, settings
):
    demo_data()
    vedlegg = Vedlegg.objects.order_by("pk").first()
    vedleggets_bytes = vedlegg.fil.read()
    prosjekt = Prosjekt.objects.order_by("pk").first()
    beslutning = Beslutning.objects.order_by("pk").first()
    passordhasher = set(get_user_model().objects.values_list("password", flat=True))
    for_eksport = radantall()
    assert for_eksport["prosjekter.historicalprosjekt"] > 0
    assert for_eksport["portefolje.hendelse"] > 0

    sti = eksporter(tmp_path)

    with zipfile.ZipFile(sti) as zf:
        skjema = json.loads(zf.read("schema.json"))
        assert "passord" in skjema["beskrivelse"]
        tabeller = {tabell["tabell"]: tabell for tabell in skjema["tabeller"]}
        assert set(tabeller) == {modell._meta.label_lower for modell in flytting.modeller()}
        assert "## prosjekter.prosjekt" in zf.read("SKJEMA.md").decode()
        for navn, tabell in tabeller.items():
            linjer = zf.read(f"data/{navn}.jsonl").decode().splitlines()
            objekter = [json.loads(linje) for linje in linjer]
            csvtekst = io.StringIO(zf.read(f"data/{navn}.csv").decode())
            rader = list(csv.reader(csvtekst, delimiter=";"))
            assert len(objekter) == len(rader) - 1 == for_eksport[navn], navn
            assert rader[0] == [kolonne["navn"] for kolonne in tabell["kolonner"]]
        brukere = list(
            csv.DictReader(io.StringIO(zf.read("data/auth.user.csv").decode()), delimiter=";")
        )
        assert "password" not in brukere[0]
        assert {"admin", "ansatt"} <= {bruker["username"] for bruker in brukere}
        innhold = b"".join(zf.read(navn) for navn in zf.namelist())
        assert not any(h.encode() in innhold for h in passordhasher)
        assert zf.read(f"vedlegg/{vedlegg.fil.name}") == vedleggets_bytes

    call_command("flush", interactive=False)
    settings.MEDIA_ROOT = tmp_path / "ny-media"
    # A new installation as `migrate` leaves it (KLG and the development team's group, without
    # history), and the person who set it up, who stays.
    Portefolje.objects.bulk_create([Portefolje(slug="klg", navn="KLG")])
    Group.objects.create(name=UTVIKLINGSTEAM_GRUPPE)
    get_user_model().objects.create_superuser("drift", "drift@example.no", "hemmelig-123")

    call_command("importer_alt", str(sti), stdout=io.StringIO())

    etter = radantall()
    assert etter.pop("auth.user") == for_eksport.pop("auth.user") + 1
    assert etter == for_eksport
    assert Prosjekt.objects.get(pk=prosjekt.pk).tittel == prosjekt.tittel
    assert Beslutning.objects.get(pk=beslutning.pk).begrunnelse == beslutning.begrunnelse
    assert Vedlegg.objects.get(pk=vedlegg.pk).fil.read() == vedleggets_bytes
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser and not admin.has_usable_password()
    assert get_user_model().objects.get(username="drift").check_password("hemmelig-123")
    assert Prosjekt.objects.get(pk=prosjekt.pk).history.count() == prosjekt.history.count()
    # The sequences continue after the imported ids: new rows can be written.
    innspill = Innspill.objects.order_by("pk").first()
    assert Hendelse.objects.create(
        objekt_type="ideer.innspill", objekt_id=innspill.pk, handling="test", beskrivelse="ny"
    ).pk > max(for_eksport.values())


@pytest.mark.django_db
def test_import_into_an_installation_with_content_is_refused_without_writing(
    tmp_path, media, medlem
):
    sti = eksporter(tmp_path)
    for_import = radantall()
    with pytest.raises(CommandError, match="ikke tom"):
        call_command("importer_alt", str(sti), stdout=io.StringIO())
    assert radantall() == for_import


@pytest.mark.django_db
def test_a_file_that_is_not_an_export_is_refused_with_a_message(tmp_path):
    fil = tmp_path / "noe.zip"
    fil.write_bytes(b"ikke en zip")
    with pytest.raises(CommandError, match="ikke en zip-fil"):
        call_command("importer_alt", str(fil), stdout=io.StringIO())


@pytest.mark.django_db
def test_the_installation_from_migrate_counts_as_empty():
    # KLG is made by the first migration in every installation (without history, as here);
    # the import replaces it.
    if not Portefolje.objects.filter(slug="klg").exists():
        Portefolje.objects.bulk_create([Portefolje(slug="klg", navn="KLG")])
    from portefolje.flytting.inn import tabeller_med_innhold

    assert tabeller_med_innhold() == []


@pytest.mark.django_db
def test_superuser_downloads_the_full_export_from_the_menu(client, lag_bruker, media):
    sjef = lag_bruker("sjef", is_staff=True, is_superuser=True)
    client.force_login(sjef)
    startside = client.get(reverse("startside")).content.decode()
    side = reverse("ta-ut-alle-data")
    assert f'href="{side}"' in startside
    assert "Last ned hele eksporten" in client.get(side).content.decode()

    svar = client.post(side)

    assert svar.status_code == 200
    assert svar["Content-Disposition"].startswith("attachment")
    with zipfile.ZipFile(io.BytesIO(b"".join(svar.streaming_content))) as zf:
        assert "schema.json" in zf.namelist()
    assert Hendelse.objects.filter(handling="alle_data_eksportert", aktor=sjef).exists()


@pytest.mark.django_db
def test_staff_without_superuser_and_employees_may_not_take_out_all_data(client, lag_bruker):
    side = reverse("ta-ut-alle-data")
    stab = lag_bruker("stab", is_staff=True)
    ansatt = lag_bruker("ansatt")
    for bruker in (stab, ansatt):
        client.force_login(bruker)
        assert "ta-ut-alle-data" not in client.get(reverse("startside")).content.decode()
        assert client.get(side).status_code == 403
        assert client.post(side).status_code == 403
    assert not Hendelse.objects.filter(handling="alle_data_eksportert").exists()


@pytest.mark.django_db
def test_anonymous_is_sent_to_login(client):
    side = reverse("ta-ut-alle-data")
    svar = client.post(side)
    assert svar.status_code == 302
    assert reverse("login") in svar["Location"]


@pytest.mark.django_db
def test_an_export_too_large_for_the_web_says_so(client, lag_bruker, media, monkeypatch):
    from portefolje.views import flytting as visning

    monkeypatch.setattr(visning, "MAKS_BYTE", 10)
    client.force_login(lag_bruker("sjef", is_superuser=True))
    svar = client.post(reverse("ta-ut-alle-data"))
    assert svar.status_code == 413
    assert "eksporter_alt" in svar.content.decode()


@pytest.mark.django_db
def test_an_attachment_path_out_of_media_root_is_refused_and_nothing_is_kept(tmp_path, media):
    sti = eksporter(tmp_path)
    with zipfile.ZipFile(sti, "a") as zf:
        zf.writestr("vedlegg/../utenfor.txt", b"nei")
    for_import = radantall()
    with pytest.raises(CommandError, match="utenfor MEDIA_ROOT"):
        call_command("importer_alt", str(sti), stdout=io.StringIO())
    assert not (tmp_path / "utenfor.txt").exists()
    assert radantall() == for_import


@pytest.mark.django_db
def test_the_export_command_never_overwrites_a_file(tmp_path):
    mal = tmp_path / "alt.zip"
    mal.write_bytes(b"en annen fil")
    with pytest.raises(CommandError, match="finnes allerede"):
        call_command("eksporter_alt", str(mal), stdout=io.StringIO())
    assert mal.read_bytes() == b"en annen fil"


def _sporringer_for_eksport(tmp_path, navn):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as sporringer:
        call_command("eksporter_alt", str(tmp_path / navn), stdout=io.StringIO())
    return len(sporringer)


@pytest.mark.django_db
def test_the_export_asks_the_database_as_often_for_many_rows_as_for_few(
    tmp_path, media, seksjon, ansatt
):
    from ideer.tests.factories import InnspillFactory

    for _ in range(3):
        InnspillFactory(innsender=ansatt).seksjoner.add(seksjon)
    faa = _sporringer_for_eksport(tmp_path, "faa.zip")
    for _ in range(30):
        InnspillFactory(innsender=ansatt).seksjoner.add(seksjon)
    mange = _sporringer_for_eksport(tmp_path, "mange.zip")
    assert mange == faa
