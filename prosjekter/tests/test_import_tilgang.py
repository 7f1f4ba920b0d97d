"""Who may import projects: the development team and administrators; nobody else sees the link
or reaches the pages, and an outsider's POST writes nothing."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from portefolje.models import Portefolje
from prosjekter.models import Importbatch, Importfil, Prosjekt
from prosjekter.tests import importfiler

pytestmark = pytest.mark.django_db

SIDE = reverse("prosjekter:import")
LENKETEKST = "Importer prosjekter fra Project eller Prosjektportalen"


@pytest.fixture
def batch(klg):
    batch = Importbatch.objects.create(kilde="msproject", portefolje=Portefolje.objects.klg())
    Importfil.objects.create(batch=batch, navn="p.xml", innhold=importfiler.mspdi())
    return batch


def _sider(batch):
    return [
        reverse(navn, args=[batch.pk])
        for navn in (
            "prosjekter:import-kobling",
            "prosjekter:import-utfor",
            "prosjekter:import-angre",
        )
    ]


def test_the_development_team_finds_the_import_on_the_project_overview(client, utvikler):
    client.force_login(utvikler)
    side = client.get(reverse("prosjekter:liste")).content.decode()
    assert f'href="{SIDE}"' in side and LENKETEKST in side
    assert client.get(SIDE).status_code == 200


def test_an_administrator_may_import(client, lag_bruker):
    client.force_login(lag_bruker("sjef", is_superuser=True))
    assert client.get(SIDE).status_code == 200


def test_an_employee_sees_no_link_and_is_refused(client, ansatt, batch, portefolje):
    client.force_login(ansatt)
    assert f'href="{SIDE}"' not in client.get(reverse("prosjekter:liste")).content.decode()
    assert client.get(SIDE).status_code == 403
    assert client.get(reverse("prosjekter:import-batch", args=[batch.pk])).status_code == 403
    fil = SimpleUploadedFile("p.xml", importfiler.mspdi())
    opplasting = {"kilde": "msproject", "portefolje": portefolje.pk, "filer": [fil]}
    assert client.post(SIDE, opplasting).status_code == 403
    for url in _sider(batch):
        assert client.post(url).status_code == 403
    assert Importbatch.objects.count() == 1 and Prosjekt.objects.count() == 0
    batch.refresh_from_db()
    assert batch.tilstand == "forhandsvist"


def test_anonymous_is_sent_to_log_in_and_writes_nothing(client, batch):
    assert client.get(SIDE)["Location"].startswith(reverse("login"))
    for url in _sider(batch):
        assert client.post(url).status_code == 302
    assert Prosjekt.objects.count() == 0
    batch.refresh_from_db()
    assert batch.tilstand == "forhandsvist"


def _tell_sporringer(client, antall_batcher, portefolje) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(antall_batcher):
        Importbatch.objects.create(kilde="msproject", portefolje=portefolje)
    with CaptureQueriesContext(connection) as sporringer:
        assert client.get(SIDE).status_code == 200
    return len(sporringer)


def test_the_earlier_imports_cost_the_same_queries_at_two_sizes(client, utvikler, portefolje):
    client.force_login(utvikler)
    client.get(SIDE)  # the session and the user's groups, once
    fa = _tell_sporringer(client, 1, portefolje)
    mange = _tell_sporringer(client, 10, portefolje)
    assert fa == mange
