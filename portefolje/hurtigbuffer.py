"""Computed results kept in the cache under a fingerprint that every change to their data alters.

A page that computes the same thing for every viewer from many rows (KLG's averages, ranking and
sensitivity over hundreds of notes) computes it once per change instead of once per request. The
fingerprint is a data version: a random token in the cache, replaced by `endret()`. The apps call
`endret()` for every save or delete of a row such a result is built from (signals, connected in
each app's `ready`, and the services that write with `update()`), so a cached result is never read
after its data changed:

- the token is replaced at once (a later read in the same transaction, or a test, sees the change)
  and again when the transaction commits (a request that computed from the rows as they were
  before the commit stored its result under the token replaced then, so nobody reads it);
- the token is random, never a counter: a cache that lost the token (restart, eviction) cannot
  meet an older result under a reused number;
- `migrate`, which every deploy runs, replaces it too: new code never reads a result pickled by
  the code before it.

What each viewer may see is never cached: a cached result holds what every viewer's page is
computed from, and the page applies its visibility rule to it on every request.
"""

import contextlib
import logging
import uuid
from collections.abc import Callable
from typing import Any

from django.core.cache import cache
from django.db import transaction
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

NOKKEL = "dataversjon"
# A result not read for this long is dropped (a new version makes the old ones unreachable).
LEVETID = 60 * 60


def ny_versjon() -> None:
    """A new data version now, outside any transaction (tests start each from one)."""
    try:
        cache.set(NOKKEL, uuid.uuid4().hex, timeout=None)
    except RedisError:
        # Saving must not fail for the cache: a result cached before stays until LEVETID.
        logger.warning("Hurtigbufferen svarer ikke: dataversjonen ble ikke fornyet")


def versjon() -> str:
    """The current data version (made if the cache has none)."""
    naa = cache.get(NOKKEL)
    if naa is None:
        cache.add(NOKKEL, uuid.uuid4().hex, timeout=None)
        naa = cache.get(NOKKEL)
    return naa


def etter_migrering(**_signal) -> None:
    """After `migrate` (every deploy runs it): a new data version, so results cached by the
    code before (whose classes may have changed) are never read by the new code."""
    ny_versjon()


def endret(**_signal) -> None:
    """The data a cached result may be built from changed: no result computed before is read
    again. Takes a signal's keyword arguments, so it can be connected as a receiver."""
    ny_versjon()
    transaction.on_commit(ny_versjon)


def bufret[T](navn: str, beregn: Callable[[], T]) -> T:
    """`beregn()`'s result, computed once per data version and name (the name holds whatever
    else the result depends on, e.g. the portfolio and its weights)."""
    return bufret_flere({navn: beregn})[navn]


def bufret_flere(beregninger: dict[str, Callable[[], Any]]) -> dict[str, Any]:
    """`bufret` for several names at once: the data version and every result in two reads from
    the cache rather than two per name (a read costs a page about half a millisecond). A missing
    result is computed in the order given."""
    try:
        naa = versjon()
        nokler = {navn: f"beregnet:{naa}:{navn}" for navn in beregninger}
        funnet = cache.get_many(list(nokler.values()))
    except RedisError:  # the cache is down: computed for this request, as before caching
        return {navn: beregn() for navn, beregn in beregninger.items()}
    ut = {}
    for navn, beregn in beregninger.items():
        verdi = funnet.get(nokler[navn])
        if verdi is None:
            verdi = beregn()
            with contextlib.suppress(RedisError):  # computed, just not kept
                cache.set(nokler[navn], verdi, timeout=LEVETID)
        ut[navn] = verdi
    return ut
