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
