"""Who may read and change a note, per state: owner, co-author, development team, outsider,
anonymous. Drafts are private; submitted notes are open to read; only authors edit."""

import pytest
from django.urls import reverse

from konseptnotat import permissions
from konseptnotat.models import Status

from .factories import KonseptnotatFactory

pytestmark = pytest.mark.django_db

ALLE = list(Status)


@pytest.fixture
def personer(lag_bruker, utvikler, ansatt):
    eier, medforfatter = lag_bruker("eier"), lag_bruker("medforfatter")
    return {"eier": eier, "medforfatter": medforfatter, "utvikler": utvikler, "ansatt": ansatt}


def _notat(personer, status):
    notat = KonseptnotatFactory(eier=personer["eier"], status=status, komplett=True)
    notat.medforfattere.add(personer["medforfatter"])
    return notat


@pytest.mark.parametrize("status", ALLE)
def test_read_access_per_state(client, personer, status):
    notat = _notat(personer, status)
    url = reverse("konseptnotat:detalj", kwargs={"pk": notat.pk})
    for navn in ["eier", "medforfatter", "utvikler"]:
        client.force_login(personer[navn])
        assert client.get(url).status_code == 200, navn
    client.force_login(personer["ansatt"])
    forventet = 404 if status == Status.UTKAST else 200
    assert client.get(url).status_code == forventet


def test_anonymous_is_sent_to_login(client, personer):
    notat = _notat(personer, Status.INNSENDT)
    for navn in ["detalj", "rediger", "historikk", "utskrift"]:
        svar = client.get(reverse(f"konseptnotat:{navn}", kwargs={"pk": notat.pk}))
        assert svar.status_code == 302 and "/konto/login/" in svar["Location"]


@pytest.mark.parametrize("status", ALLE)
def test_edit_access_per_state(client, personer, status):
    notat = _notat(personer, status)
    url = reverse("konseptnotat:rediger", kwargs={"pk": notat.pk})
    apen = status in (Status.UTKAST, Status.TIL_REVISJON)
    for navn in ["eier", "medforfatter"]:
        client.force_login(personer[navn])
        assert client.get(url).status_code == (200 if apen else 403), navn
    client.force_login(personer["utvikler"])
    assert client.get(url).status_code == 403
    client.force_login(personer["ansatt"])
    assert client.get(url).status_code in (403, 404)


def test_non_author_cannot_edit_by_url_and_nothing_changes(client, personer):
    notat = _notat(personer, Status.TIL_REVISJON)
    client.force_login(personer["ansatt"])
    svar = client.post(
        reverse("konseptnotat:rediger", kwargs={"pk": notat.pk}),
        {"tittel": "Kapret", "fra_versjon": 1},
    )
    assert svar.status_code == 403
    notat.refresh_from_db()
    assert notat.tittel != "Kapret" and notat.versjon == 1


@pytest.mark.parametrize("status", ALLE)
def test_only_the_development_team_sends_back_and_marks_ready(client, personer, status, klg):
    notat = _notat(personer, status)
    for navn in ["send-tilbake", "klar"]:
        url = reverse(f"konseptnotat:{navn}", kwargs={"pk": notat.pk})
        for person in ["eier", "medforfatter", "ansatt"]:
            client.force_login(personer[person])
            assert client.post(url, {"kommentar": "x", "portefolje": klg.pk}).status_code in (
                403,
                404,
            )
        client.force_login(personer["utvikler"])
        forventet = 200 if status in (Status.INNSENDT, Status.KLAR) else 403
        assert client.get(url).status_code == forventet
    notat.refresh_from_db()
    assert notat.status == status


def test_outsider_cannot_comment_on_a_submitted_note(client, personer):
    notat = _notat(personer, Status.INNSENDT)
    client.force_login(personer["ansatt"])
    svar = client.post(
        reverse("konseptnotat:kommentar-ny", kwargs={"pk": notat.pk}), {"tekst": "Hei"}
    )
    assert svar.status_code == 403
    assert not notat.kommentarer.exists()


def test_predicates_agree_with_the_list(personer):
    from konseptnotat.models import Konseptnotat

    for status in ALLE:
        _notat(personer, status)
    for navn, person in personer.items():
        synlige = set(Konseptnotat.objects.synlige_for(person))
        for notat in Konseptnotat.objects.all():
            assert (notat in synlige) == permissions.kan_se(person, notat), (navn, notat.status)
