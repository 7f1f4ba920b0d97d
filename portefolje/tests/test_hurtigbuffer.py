"""A cached result is computed once per data version, anew after a change or a deploy's
`migrate`, and still computed (not kept) when the cache does not answer."""

import pytest
from django.core.management import call_command
from redis.exceptions import ConnectionError as RedisNede

from portefolje import hurtigbuffer


def _teller():
    kall = []

    def beregn():
        kall.append(1)
        return {"svar": len(kall)}

    return kall, beregn


def test_a_result_is_computed_once_until_the_data_changes():
    kall, beregn = _teller()
    assert hurtigbuffer.bufret("test:en", beregn) == {"svar": 1}
    assert hurtigbuffer.bufret("test:en", beregn) == {"svar": 1}
    assert len(kall) == 1
    hurtigbuffer.ny_versjon()
    assert hurtigbuffer.bufret("test:en", beregn) == {"svar": 2}


@pytest.mark.django_db
def test_a_change_in_a_transaction_is_seen_at_once_and_after_the_commit(
    django_capture_on_commit_callbacks,
):
    kall, beregn = _teller()
    hurtigbuffer.bufret("test:to", beregn)
    with django_capture_on_commit_callbacks(execute=True):
        hurtigbuffer.endret()
        # Read again inside the transaction: already a new version.
        assert hurtigbuffer.bufret("test:to", beregn) == {"svar": 2}
    # The commit renewed it once more: what was computed before the commit is not read.
    assert hurtigbuffer.bufret("test:to", beregn) == {"svar": 3}


@pytest.mark.django_db
def test_migrate_on_deploy_makes_every_result_be_computed_anew():
    kall, beregn = _teller()
    hurtigbuffer.bufret("test:tre", beregn)
    call_command("migrate", verbosity=0)
    assert hurtigbuffer.bufret("test:tre", beregn) == {"svar": 2}


def test_without_the_cache_the_result_is_computed_and_saving_does_not_fail(monkeypatch):
    def nede(*_args, **_kwargs):
        raise RedisNede("nede")

    for metode in ("get", "set", "add"):
        monkeypatch.setattr(hurtigbuffer.cache, metode, nede)
    kall, beregn = _teller()
    assert hurtigbuffer.bufret("test:fire", beregn) == {"svar": 1}
    assert hurtigbuffer.bufret("test:fire", beregn) == {"svar": 2}
    hurtigbuffer.ny_versjon()  # logs, never raises
