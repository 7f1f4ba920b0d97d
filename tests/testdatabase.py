"""The test database: migrated once, then cloned for each test process.

Migrating an empty database is most of a short run's cost (80 s of 125 s for one small app on a
slow machine), and with pytest-xdist every worker would pay it. Instead the first process to get
there builds a template under a lock, marked with a fingerprint of every migration file, and each
process clones it: PostgreSQL with `CREATE DATABASE … TEMPLATE …`, SQLite with its backup API
into the usual in-memory database. The template outlives the run, so the next run migrates
nothing until a migration changes; `--create-db` builds it anew. With `--reuse-db` a process keeps
its own clone between runs, as long as the fingerprint still matches.

Used by `django_db_setup` in the root conftest.py.
"""

import fcntl
import hashlib
import importlib.util
import os
import sqlite3
from contextlib import closing, contextmanager
from pathlib import Path

import django
from django.apps import apps
from django.conf import settings
from django.db import connections


def fingeravtrykk() -> str:
    """A hash of what the migrated schema depends on: every app's migration files, in order."""
    h = hashlib.sha256(f"django {django.get_version()}\n".encode())
    for app in apps.get_app_configs():
        h.update(f"app {app.label}\n".encode())
        spec = importlib.util.find_spec(f"{app.name}.migrations")
        if spec is None or not spec.submodule_search_locations:
            continue
        for mappe in spec.submodule_search_locations:
            for fil in sorted(Path(mappe).glob("*.py")):
                h.update(fil.name.encode() + b"\n" + fil.read_bytes())
    return h.hexdigest()[:32]


def _maler_navn(settings_dict: dict) -> str:
    # Beside the test databases pytest-django makes (test_<name>, test_<name>_gw0, …).
    return f"test_{settings_dict['NAME']}_mal"


def _bygg(connection, navn: str, *, verbosity: int) -> None:
    """Create the database `navn` and migrate it, as Django's test runner does."""
    test = connection.settings_dict["TEST"]
    tidligere = test.get("NAME")
    opprinnelig = connection.settings_dict["NAME"]
    test["NAME"] = navn
    try:
        connection.creation.create_test_db(verbosity=verbosity, autoclobber=True, keepdb=False)
    finally:
        connection.close()
        test["NAME"] = tidligere
        connection.settings_dict["NAME"] = opprinnelig
        settings.DATABASES[connection.alias]["NAME"] = opprinnelig


def _bruk(connection, navn: str) -> None:
    connection.close()
    settings.DATABASES[connection.alias]["NAME"] = navn
    connection.settings_dict["NAME"] = navn


# --- PostgreSQL ----------------------------------------------------------------------------------


def _pg_merke(cursor, database: str) -> str | None:
    cursor.execute(
        "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = %s",
        [database],
    )
    rad = cursor.fetchone()
    return None if rad is None else (rad[0] or "")


def _ma_bygges(merket: str | None, *, merke: str, kjoring: str, bygg_ny: bool) -> bool:
    """A template is built when its fingerprint is old or, with --create-db, once per run (the
    processes of one run share `kjoring`)."""
    if bygg_ny:
        return merket != f"{merke} {kjoring}"
    return (merket or "").split(" ")[0] != merke


def _pg_klargjor(connection, *, verbosity: int, keepdb: bool, bygg_ny: bool, kjoring: str) -> str:
    creation, q = connection.creation, connection.ops.quote_name
    mal, klon = _maler_navn(connection.settings_dict), creation._get_test_db_name()
    merke = fingeravtrykk()
    with creation._nodb_cursor() as cursor:
        # One process builds the template while the others wait for it; the lock goes with the
        # connection if the process dies.
        cursor.execute("SELECT pg_advisory_lock(hashtext(%s))", [mal])
        if _ma_bygges(_pg_merke(cursor, mal), merke=merke, kjoring=kjoring, bygg_ny=bygg_ny):
            if verbosity >= 1:
                creation.log(f"Migrerer malen for testdatabasene ({mal})…")
            _bygg(connection, mal, verbosity=verbosity)
            cursor.execute(f"COMMENT ON DATABASE {q(mal)} IS %s", [f"{merke} {kjoring}"])
        if not (keepdb and _pg_merke(cursor, klon) == merke):
            # As Django's own test runner: an old test database of this name is replaced.
            cursor.execute(f"DROP DATABASE IF EXISTS {q(klon)}")
            cursor.execute(f"CREATE DATABASE {q(klon)} TEMPLATE {q(mal)}")
            cursor.execute(f"COMMENT ON DATABASE {q(klon)} IS %s", [merke])
        cursor.execute("SELECT pg_advisory_unlock(hashtext(%s))", [mal])
    return klon


# --- SQLite --------------------------------------------------------------------------------------


@contextmanager
def _fillaas(sti: Path):
    sti.parent.mkdir(parents=True, exist_ok=True)
    with sti.open("w") as fil:
        fcntl.flock(fil, fcntl.LOCK_EX)
        yield


def _sqlite_klargjor(connection, *, verbosity: int, bygg_ny: bool, kjoring: str) -> str:
    mappe = Path(settings.BASE_DIR) / ".run" / "testdatabase"
    merke = fingeravtrykk()
    mal = mappe / f"mal-{connection.alias}-{merke}.sqlite3"
    bygget_i = mal.with_suffix(".kjoring")
    with _fillaas(mappe / f"mal-{connection.alias}.lock"):
        merket = f"{merke} {bygget_i.read_text()}" if mal.exists() and bygget_i.exists() else None
        if _ma_bygges(merket, merke=merke, kjoring=kjoring, bygg_ny=bygg_ny):
            if verbosity >= 1:
                connection.creation.log(f"Migrerer malen for testdatabasene ({mal.name})…")
            for gammel in mappe.glob(f"mal-{connection.alias}-*.*"):
                gammel.unlink()
            under_arbeid = mal.with_suffix(f".{os.getpid()}")
            _bygg(connection, str(under_arbeid), verbosity=verbosity)
            under_arbeid.replace(mal)
            bygget_i.write_text(kjoring)
    klon = connection.creation._get_test_db_name()
    _bruk(connection, klon)
    connection.ensure_connection()
    with closing(sqlite3.connect(mal)) as kilde:
        kilde.backup(connection.connection)
    return klon


def klargjor(
    *, verbosity: int, keepdb: bool, bygg_ny: bool, serialiser: bool, kjoring: str
) -> list:
    """Give every database alias its test database; return what `rydd` needs afterwards.

    `kjoring` names the run (the same in each of its processes), so that `--create-db` builds
    the template once per run, not once per process.
    """
    gamle = []
    for connection in connections.all(initialized_only=False):
        gammelt_navn = connection.settings_dict["NAME"]
        if connection.vendor == "postgresql":
            navn = _pg_klargjor(
                connection, verbosity=verbosity, keepdb=keepdb, bygg_ny=bygg_ny, kjoring=kjoring
            )
            _bruk(connection, navn)
        elif connection.vendor == "sqlite" and connection.creation.is_in_memory_db(
            connection.creation._get_test_db_name()
        ):
            _sqlite_klargjor(connection, verbosity=verbosity, bygg_ny=bygg_ny, kjoring=kjoring)
        else:  # another backend or an SQLite file: Django's own way
            connection.creation.create_test_db(verbosity=verbosity, autoclobber=True, keepdb=keepdb)
        if serialiser:
            connection._test_serialized_contents = connection.creation.serialize_db_to_string()
        gamle.append((connection, gammelt_navn))
    return gamle


def rydd(gamle: list, *, verbosity: int, keepdb: bool) -> None:
    """Drop each process's clone (unless kept); the template stays for the next run."""
    for connection, gammelt_navn in gamle:
        connection.creation.destroy_test_db(gammelt_navn, verbosity, keepdb)
