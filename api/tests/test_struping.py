"""The API's rate limit is one atomic count in the shared Redis: sixteen clients in parallel with
one key get exactly the limit through, and the rest a Norwegian 429."""

import os
import threading
import uuid
from collections import Counter
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from rest_framework.test import APIClient

from api.services import nokkel_opprett

REDIS_URL = os.environ.get("TO_PROSESSER_REDIS_URL", "redis://127.0.0.1:6379/7")

pytestmark = [pytest.mark.redis, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def delt_redis(settings):
    """The cache on the real Redis, under a prefix of this test's own (emptied after it)."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": f"test-struping-{uuid.uuid4().hex[:8]}",
        }
    }
    yield
    cache.clear()


def test_sixteen_parallel_clients_with_one_key_get_exactly_the_limit(delt_redis, settings, leder):
    settings.API_STRUPING = "10/hour"
    _nokkel, token = nokkel_opprett(bruker=leder, navn="Power BI", gyldig=timedelta(days=1))
    start = threading.Barrier(16)
    koder = Counter()
    laas = threading.Lock()

    def klient():
        api = APIClient()
        api.credentials(HTTP_AUTHORIZATION=f"Token {token}")
        try:
            start.wait(timeout=30)
            for _ in range(4):
                kode = api.get("/api/v1/portefoljer/").status_code
                with laas:
                    koder[kode] += 1
        finally:
            connection.close()

    trader = [threading.Thread(target=klient) for _ in range(16)]
    for t in trader:
        t.start()
    for t in trader:
        t.join(timeout=120)
    assert koder == {200: 10, 429: 54}

    svar = APIClient(headers={"Authorization": f"Token {token}"}).get("/api/v1/portefoljer/")
    assert svar.status_code == 429 and "For mange forespørsler" in svar.json()["detail"]
    assert svar["Retry-After"] == "3600"
