"""Every list endpoint makes a fixed number of queries, whatever the number of rows it returns:
pinned with the demo data at one row per page and at every row on one page (up to 1000)."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from api.views.ressurser import RESSURSER
from tests.urlkart import lag_demo_data

# Queries per list for the «Helse og omsorg» chair with a session: the session and the user,
# the service-account and development-team checks, then count + page (+ one prefetch per
# many-to-many field: the inputs' sections, the notes' affected sections and co-authors, the
# programmes' projects).
FORVENTET = {
    "portefoljer": 6,
    "kriterier": 6,
    "innspill": 7,
    "konseptnotater": 8,
    "konseptnotatversjoner": 6,
    "moter": 6,
    "vurderinger": 6,
    "beslutninger": 6,
    "prosjekter": 6,
    "programmer": 7,
    "statusrapporter": 6,
    "leveranser": 6,
    "gevinster": 6,
    "indikatorer": 6,
    "malinger": 6,
    "allokeringer": 6,
    "usikkerheter": 6,
    "styringsbeslutninger": 6,
}


def test_every_list_endpoint_is_pinned():
    assert set(FORVENTET) == set(RESSURSER)


@pytest.mark.django_db
def test_list_endpoints_make_the_same_number_of_queries_at_two_sizes(settings):
    settings.API_STRUPING = None
    lag_demo_data()
    klient = APIClient()
    klient.force_login(get_user_model().objects.get(username="helseleder"))
    maalt = {}
    for ressurs in RESSURSER:
        tall, rader = [], []
        for per_side in (1, 1000):
            with CaptureQueriesContext(connection) as sporringer:
                svar = klient.get(f"/api/v1/{ressurs}/", {"per_side": per_side})
            assert svar.status_code == 200, (ressurs, svar.content[:200])
            tall.append(len(sporringer))
            rader.append(len(svar.json()["results"]))
        maalt[ressurs] = (tall, rader)
    ulike = {r: m for r, m in maalt.items() if m[0][0] != m[0][1] or m[0][0] != FORVENTET[r]}
    assert not ulike, f"(spørringer ved 1 og alle rader, rader): {ulike}"
    # The sizes differ where it matters: most lists have many rows for this reader.
    assert sum(1 for (_t, (en, alle)) in maalt.values() if alle > en) >= 12
