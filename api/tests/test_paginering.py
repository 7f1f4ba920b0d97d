"""Pages: `count` exact up to a limit, the planner's estimate above it (and says so); a client
that follows `next` gets every row either way, and a page past the end is a 404 that names the
last page."""

import pytest
from rest_framework.test import APIClient

from api import paginering
from portefolje.models import Portefolje

pytestmark = pytest.mark.django_db


@pytest.fixture
def klient(admin_user):
    klient = APIClient()
    klient.force_login(admin_user)
    return klient


@pytest.fixture
def seks_portefoljer(klient):
    eksisterende = klient.get("/api/v1/portefoljer/", {"per_side": 1000}).json()["count"]
    for i in range(6):
        Portefolje.objects.create(navn=f"Sidedelt {i}", slug=f"sidedelt-{i}")
    return eksisterende + 6


def _folg_neste(klient, url, params) -> tuple[list, list]:
    """Every page from the first, following `next` as Power BI does: (rows, answers)."""
    rader, svar = [], []
    neste, params = url, params
    while neste:
        data = klient.get(neste, params).json()
        params = None  # `next` carries them
        svar.append(data)
        rader += data["results"]
        neste = data["next"]
    return rader, svar


def test_below_the_limit_the_count_is_exact(klient, seks_portefoljer):
    data = klient.get("/api/v1/portefoljer/", {"per_side": 2}).json()
    assert data["count"] == seks_portefoljer
    assert data["count_er_anslag"] is False


def test_above_the_limit_the_count_is_an_estimate_and_next_still_reaches_every_row(
    klient, seks_portefoljer, monkeypatch
):
    monkeypatch.setattr(paginering, "TELLEGRENSE", 3)
    rader, svar = _folg_neste(klient, "/api/v1/portefoljer/", {"per_side": 2})
    assert all(s["count_er_anslag"] for s in svar)
    assert all(s["count"] > 3 for s in svar)
    assert len(rader) == seks_portefoljer
    assert len({r["id"] for r in rader}) == seks_portefoljer
    assert svar[0]["previous"] is None and svar[1]["previous"] is not None


def test_a_page_past_the_end_names_the_last_page(klient, seks_portefoljer):
    siste = -(-seks_portefoljer // 2)
    svar = klient.get("/api/v1/portefoljer/", {"per_side": 2, "side": siste + 1})
    assert svar.status_code == 404
    assert f"siste side er {siste}" in svar.content.decode()


def test_etter_id_reads_on_from_the_last_id_and_next_carries_on(klient, seks_portefoljer):
    forste = klient.get("/api/v1/portefoljer/", {"per_side": 1000}).json()
    alle = [r["id"] for r in forste["results"]]
    rader, svar = _folg_neste(klient, "/api/v1/portefoljer/", {"per_side": 2, "etter_id": 0})
    assert [r["id"] for r in rader] == alle
    assert all(s["previous"] is None for s in svar)
    assert "etter_id" in svar[0]["next"]
    # From the middle: only the rows after that id.
    data = klient.get("/api/v1/portefoljer/", {"per_side": 1000, "etter_id": alle[2]}).json()
    assert [r["id"] for r in data["results"]] == alle[3:]


def test_etter_id_with_a_page_number_or_not_a_number_is_refused_at_the_parameter(klient):
    begge = klient.get("/api/v1/portefoljer/", {"side": 2, "etter_id": 5})
    assert begge.status_code == 400
    assert "Bruk enten «side» eller «etter_id»" in begge.json()["feil"]["etter_id"][0]
    tekst = klient.get("/api/v1/portefoljer/", {"etter_id": "siste"})
    assert tekst.status_code == 400
    assert "den siste id-en du har lest" in tekst.json()["feil"]["etter_id"][0]
