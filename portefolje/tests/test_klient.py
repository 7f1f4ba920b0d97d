"""The client's address behind the municipality's proxy, and where the rate limits live."""

import pytest
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory

from portefolje.env import cache_config
from portefolje.klient import klientadresse
from portefolje.models import Hendelse
from portefolje.revisjon import INNLOGGET


def _foresporsel(remote="10.0.0.5", xff=None):
    meta = {"REMOTE_ADDR": remote}
    if xff is not None:
        meta["HTTP_X_FORWARDED_FOR"] = xff
    return RequestFactory().get("/", **meta)


@pytest.fixture(autouse=True)
def tom_cache():
    cache.clear()
    yield
    cache.clear()


def test_without_trusted_proxies_a_forwarded_header_is_ignored(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert klientadresse(_foresporsel(xff="1.2.3.4")) == "10.0.0.5"


def test_behind_one_proxy_the_address_it_saw_is_the_client(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    # The client wrote «6.6.6.6» itself; the proxy appended the address it really saw.
    assert klientadresse(_foresporsel(xff="6.6.6.6, 203.0.113.7")) == "203.0.113.7"


def test_behind_two_proxies_the_second_entry_from_the_right_is_the_client(settings):
    settings.TRUSTED_PROXY_COUNT = 2
    foresporsel = _foresporsel(xff="6.6.6.6, 203.0.113.7, 10.0.0.9")
    assert klientadresse(foresporsel) == "203.0.113.7"


def test_a_malformed_forwarded_entry_is_unknown_not_the_proxy(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    assert klientadresse(_foresporsel(xff="ikke-en-adresse")) is None


def test_login_lock_and_audit_log_use_the_client_behind_the_proxy(client, settings, lag_bruker):
    settings.TRUSTED_PROXY_COUNT = 1
    lag_bruker("kari")
    for _ in range(5):
        client.post(
            "/konto/login/",
            {"username": "kari", "password": "feil"},
            HTTP_X_FORWARDED_FOR="203.0.113.7",
        )
    sperret = client.post(
        "/konto/login/",
        {"username": "kari", "password": "hemmelig-123"},
        HTTP_X_FORWARDED_FOR="203.0.113.7",
    )
    assert "_auth_user_id" not in client.session
    assert "For mange mislykkede innlogginger" in sperret.content.decode()
    # The same person from another client is not locked out by the first one's failures.
    client.post(
        "/konto/login/",
        {"username": "kari", "password": "hemmelig-123"},
        HTTP_X_FORWARDED_FOR="198.51.100.2",
    )
    assert "_auth_user_id" in client.session
    assert Hendelse.objects.get(handling=INNLOGGET).data["ip"] == "198.51.100.2"


def test_production_shares_the_brokers_redis_for_limits():
    oppsett = cache_config(cache_url=None, broker_url="redis://redis:6379/0", debug=False)
    assert oppsett["BACKEND"].endswith("RedisCache")
    assert oppsett["LOCATION"] == "redis://redis:6379/0"


def test_cache_url_wins_over_the_broker():
    oppsett = cache_config(
        cache_url="redis://cache:6379/2", broker_url="redis://redis:6379/0", debug=False
    )
    assert oppsett["LOCATION"] == "redis://cache:6379/2"


def test_trying_out_keeps_limits_in_memory():
    assert cache_config(cache_url=None, broker_url="redis://r/0", debug=True)["BACKEND"].endswith(
        "LocMemCache"
    )
    assert cache_config(cache_url=None, broker_url="filesystem://", debug=False)[
        "BACKEND"
    ].endswith("LocMemCache")


def test_an_unknown_cache_url_fails_loudly():
    with pytest.raises(ImproperlyConfigured):
        cache_config(cache_url="memcached://x", broker_url=None, debug=False)


@pytest.mark.redis
def test_two_web_processes_share_one_limit_in_redis():
    """Two separate cache clients on the same Redis (as two gunicorn workers) count together."""
    import os

    from django.core.cache.backends.redis import RedisCache

    url = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/7")
    oppsett = cache_config(cache_url=url, broker_url=None, debug=False)
    forste = RedisCache(oppsett["LOCATION"], {"KEY_PREFIX": "test-grense"})
    andre = RedisCache(oppsett["LOCATION"], {"KEY_PREFIX": "test-grense"})
    forste.delete("n")
    forste.add("n", 0, timeout=60)
    forste.incr("n")
    andre.add("n", 0, timeout=60)
    assert andre.incr("n") == 2
    forste.delete("n")
