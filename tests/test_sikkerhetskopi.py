"""`make backup` and `make restore`: a database with demo data survives the round trip.

The backup of the test database (with demo data, committed) is restored into a scratch database,
and every table must hold the same number of rows in both.
"""

import os
import shutil
import subprocess
from urllib.parse import quote

import psycopg
import pytest
from django.conf import settings
from django.db import connection
from psycopg import sql

from tests.urlkart import lag_demo_data

# Every test here runs `make` in a process of its own.
pytestmark = pytest.mark.subprocess
kopierer = pytest.mark.postgres(programmer=("pg_dump", "pg_restore"))


def url_for(database: str) -> str:
    s = connection.settings_dict
    bruker = quote(s["USER"] or "")
    passord = f":{quote(s['PASSWORD'])}" if s.get("PASSWORD") else ""
    port = f":{s['PORT']}" if s.get("PORT") else ""
    return f"postgres://{bruker}{passord}@{s['HOST'] or 'localhost'}{port}/{database}"


def make(*argumenter: str, database_url: str) -> subprocess.CompletedProcess:
    # The arguments are the test's own, never user input.
    return subprocess.run(  # noqa: S603
        [shutil.which("make"), "--no-print-directory", *argumenter],
        cwd=settings.BASE_DIR,
        env={**os.environ, "DATABASE_URL": database_url},
        capture_output=True,
        text=True,
        timeout=300,
    )


def radantall(database_url: str) -> dict[str, int]:
    with psycopg.connect(database_url) as tilkobling:
        tabeller = [
            rad[0]
            for rad in tilkobling.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
            )
        ]
        return {
            t: tilkobling.execute(
                sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(t))
            ).fetchone()[0]
            for t in tabeller
        }


@pytest.fixture
def kladdebase():
    """An empty scratch database, dropped afterwards."""
    navn = f"{connection.settings_dict['NAME']}_gjenoppretting"
    with psycopg.connect(url_for("postgres"), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{navn}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{navn}"')
    yield url_for(navn)
    with psycopg.connect(url_for("postgres"), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{navn}" WITH (FORCE)')


@kopierer
@pytest.mark.django_db(transaction=True)
def test_backup_restores_into_a_scratch_database_with_every_row(settings, tmp_path, kladdebase):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    lag_demo_data()
    kilde = url_for(connection.settings_dict["NAME"])

    sikkerhetskopi = make("backup", f"BACKUP_DIR={tmp_path}", database_url=kilde)
    assert sikkerhetskopi.returncode == 0, sikkerhetskopi.stderr
    (fil,) = tmp_path.glob("portal-*.dump")
    assert fil.name in sikkerhetskopi.stdout

    gjenoppretting = make("restore", f"FILE={fil}", database_url=kladdebase)
    assert gjenoppretting.returncode == 0, gjenoppretting.stderr

    for_ = radantall(kilde)
    etter = radantall(kladdebase)
    assert etter == for_
    assert for_["auth_user"] >= 7 and for_["portefolje_portefolje"] >= 5


@kopierer
@pytest.mark.django_db(transaction=True)
def test_restore_twice_over_the_same_database_gives_the_same_rows(settings, tmp_path, kladdebase):
    """--clean --if-exists: restoring over a restored database replaces, it does not add."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    lag_demo_data()
    kilde = url_for(connection.settings_dict["NAME"])
    assert make("backup", f"BACKUP_DIR={tmp_path}", database_url=kilde).returncode == 0
    (fil,) = tmp_path.glob("portal-*.dump")

    assert make("restore", f"FILE={fil}", database_url=kladdebase).returncode == 0
    assert make("restore", f"FILE={fil}", database_url=kladdebase).returncode == 0

    assert radantall(kladdebase) == radantall(kilde)


@pytest.mark.parametrize("url", ["", "sqlite:///db.sqlite3"])
def test_backup_refuses_clearly_when_the_database_is_not_postgresql(tmp_path, url):
    svar = make("backup", f"BACKUP_DIR={tmp_path}", database_url=url)
    assert svar.returncode != 0
    assert "PostgreSQL" in svar.stderr and "Ingenting er gjort" in svar.stderr
    assert not list(tmp_path.iterdir())


def test_restore_refuses_without_a_file(tmp_path):
    uten = make("restore", database_url="postgres://postgres@127.0.0.1/finnes-ikke")
    assert uten.returncode != 0 and "FILE=" in uten.stderr
    feil_fil = make(
        "restore", f"FILE={tmp_path}/mangler.dump", database_url="postgres://x@127.0.0.1/y"
    )
    assert feil_fil.returncode != 0 and "fant ikke filen" in feil_fil.stderr


def test_restore_refuses_a_database_that_is_not_postgresql(tmp_path):
    fil = tmp_path / "portal.dump"
    fil.write_bytes(b"PGDMP")
    svar = make("restore", f"FILE={fil}", database_url="sqlite:///db.sqlite3")
    assert svar.returncode != 0 and "PostgreSQL" in svar.stderr
