"""The back office follows the portal's conventions (portefolje/admin_felles.py): edits show in
the object's history on its page, final records are read-only, states move only by decision."""

import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from prosjekter.models import Rapporttilstand, Startvedtak, Styringsbeslutning
from prosjekter.tests.factories import StatusrapportFactory

pytestmark = pytest.mark.django_db


class AdminSkjema(HTMLParser):
    """The values the admin's change form sends as it stands (inputs, selects, textareas)."""

    def __init__(self):
        super().__init__()
        self.data: dict[str, str] = {}
        self._select = self._textarea = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        navn = a.get("name")
        if tag == "input" and navn and a.get("type") not in {"submit", "button", "checkbox"}:
            self.data[navn] = a.get("value") or ""
        elif tag == "input" and navn and a.get("type") == "checkbox" and "checked" in a:
            self.data[navn] = a.get("value") or "on"
        elif tag == "select" and navn:
            self._select = navn
            self.data.setdefault(navn, "")
        elif tag == "option" and self._select and "selected" in a:
            self.data[self._select] = a.get("value") or ""
        elif tag == "textarea" and navn:
            self._textarea = navn
            self.data[navn] = ""

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea] += data

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None


@pytest.fixture
def admin(lag_bruker):
    return lag_bruker(
        "kontor", is_staff=True, is_superuser=True, first_name="Ola", last_name="Drift"
    )


def test_an_edit_in_the_admin_shows_in_the_project_history(
    prosjekt, admin, prosjektleder, klient_for
):
    klient = klient_for(admin)
    url = reverse("admin:prosjekter_prosjekt_change", args=[prosjekt.pk])
    skjema = AdminSkjema()
    skjema.feed(klient.get(url).content.decode())
    assert "fase" not in skjema.data and "tilstand" not in skjema.data  # moved by decisions only
    skjema.data.pop("csrfmiddlewaretoken", None)
    svar = klient.post(url, {**skjema.data, "tittel": "Velferdsteknologi i hele kommunen"})
    assert svar.status_code == 302, svar.content.decode()[:2000]

    side = klient_for(prosjektleder).get(prosjekt.get_absolute_url()).content.decode()
    side = re.sub(r"\s+", " ", side)
    assert (
        "Ola Drift endret prosjekt «" in side
        and "Tittel: Velferdsteknologi i hjemmetjenesten → Velferdsteknologi i hele kommunen"
        in side
    )


def test_decisions_and_published_reports_are_read_only_in_the_admin(
    prosjekt, admin, leder, klient_for
):
    beslutning = Styringsbeslutning.objects.create(
        prosjekt=prosjekt,
        type="fortsett",
        begrunnelse="Godt i rute.",
        fra_tilstand="aktiv",
        til_tilstand="aktiv",
        fra_fase="konsept",
        til_fase="konsept",
        besluttet_av=leder,
    )
    vedtak = Startvedtak.objects.create(
        prosjekt=prosjekt,
        vedtatt_start="2027-01-01",
        begrunnelse="Etter planen.",
        besluttet_av=leder,
    )
    rapport = StatusrapportFactory(prosjekt=prosjekt, tilstand=Rapporttilstand.PUBLISERT)
    klient = klient_for(admin)
    for modell, objekt in [
        ("styringsbeslutning", beslutning),
        ("startvedtak", vedtak),
        ("statusrapport", rapport),
    ]:
        endre = reverse(f"admin:prosjekter_{modell}_change", args=[objekt.pk])
        assert klient.get(endre).status_code == 200  # readable
        assert klient.post(endre, {"begrunnelse": "Endret i ettertid"}).status_code == 403
        slett = reverse(f"admin:prosjekter_{modell}_delete", args=[objekt.pk])
        assert klient.post(slett, {"post": "yes"}).status_code == 403
    beslutning.refresh_from_db()
    assert beslutning.begrunnelse == "Godt i rute."


def test_an_edit_in_the_admin_makes_an_open_portal_form_stale(
    prosjekt, admin, prosjektleder, klient_for
):
    """The back office raises the version like the portal does: a form opened before the
    admin's edit is refused, not allowed to revert it."""
    portal = klient_for(prosjektleder)
    rediger = reverse("prosjekter:rediger", args=[prosjekt.pk])
    apnet = AdminSkjema()
    apnet.feed(portal.get(rediger).content.decode())
    apnet.data.pop("csrfmiddlewaretoken", None)

    klient = klient_for(admin)
    url = reverse("admin:prosjekter_prosjekt_change", args=[prosjekt.pk])
    skjema = AdminSkjema()
    skjema.feed(klient.get(url).content.decode())
    skjema.data.pop("csrfmiddlewaretoken", None)
    assert klient.post(url, {**skjema.data, "tittel": "Endret i admin"}).status_code == 302

    svar = portal.post(rediger, {**apnet.data, "tittel": "Endret i portalen"})
    assert svar.status_code == 409
    prosjekt.refresh_from_db()
    assert prosjekt.tittel == "Endret i admin"
