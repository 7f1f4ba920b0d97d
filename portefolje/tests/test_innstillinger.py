"""Settings come from the environment and a bad value stops start-up with the variable's name."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from portefolje.env import env_bool, env_database, env_int, env_list

ROT = Path(__file__).resolve().parents[2]


def start_django(**miljo):
    """Start Django in a fresh process with exactly these variables; return (exit code, stderr)."""
    env = {"PATH": os.environ["PATH"], "DJANGO_SETTINGS_MODULE": "portefolje.settings", **miljo}
    resultat = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=ROT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    return resultat.returncode, resultat.stderr


def test_production_without_secret_key_refuses_to_start():
    kode, feil = start_django(DEBUG="false")
    assert kode != 0
    assert "SECRET_KEY" in feil


@pytest.mark.parametrize(
    ("navn", "verdi"),
    [("DEBUG", "kanskje"), ("EMAIL_PORT", "tjuefem"), ("DATABASE_URL", "ukjent://x")],
)
def test_malformed_value_names_the_variable(navn, verdi):
    kode, feil = start_django(**{"DEBUG": "true", navn: verdi})
    assert kode != 0
    assert navn in feil


def test_debug_defaults_to_sqlite_and_starts():
    kode, feil = start_django(DEBUG="true")
    assert kode == 0, feil


def test_bool_reader_accepts_norwegian_and_english(monkeypatch):
    monkeypatch.setenv("X_FLAGG", "ja")
    assert env_bool("X_FLAGG", False) is True
    monkeypatch.setenv("X_FLAGG", "off")
    assert env_bool("X_FLAGG", True) is False


def test_int_and_list_readers(monkeypatch):
    monkeypatch.setenv("X_TALL", " 42 ")
    assert env_int("X_TALL", 1) == 42
    monkeypatch.setenv("X_LISTE", "a.no, b.no,,")
    assert env_list("X_LISTE", []) == ["a.no", "b.no"]
    monkeypatch.setenv("X_TALL", "4,5")
    with pytest.raises(ImproperlyConfigured, match="X_TALL"):
        env_int("X_TALL", 1)


def test_database_url_is_parsed(monkeypatch):
    monkeypatch.setenv("X_DB", "postgres://bruker:pw@db.example:5433/portal")
    config = env_database("X_DB", "sqlite:///x")
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["HOST"], config["PORT"], config["NAME"]) == ("db.example", 5433, "portal")


def test_deploy_check_is_clean_in_production_like_environment():
    """`check --deploy --fail-level WARNING` passes with the settings production would use."""
    env = {
        "PATH": os.environ["PATH"],
        "DEBUG": "false",
        "SECRET_KEY": "x" * 20 + "-produksjonslik-nokkel-med-nok-lengde-og-variasjon-9f8e7d",
        "ALLOWED_HOSTS": "portefolje.ovre-eiker.kommune.no",
        "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/finnes_ikke",
        # Production's broker is Redis, and the cache shares it (several web processes).
        "CELERY_BROKER_URL": "redis://127.0.0.1:6379/0",
    }
    resultat = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert resultat.returncode == 0, resultat.stdout + resultat.stderr


def test_deploy_check_warns_when_the_cache_is_in_process_memory():
    """Without Redis each web process would count the rate limits on its own."""
    env = {
        "PATH": os.environ["PATH"],
        "DEBUG": "false",
        "SECRET_KEY": "x" * 20 + "-produksjonslik-nokkel-med-nok-lengde-og-variasjon-9f8e7d",
        "ALLOWED_HOSTS": "portefolje.ovre-eiker.kommune.no",
        "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/finnes_ikke",
    }
    resultat = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert resultat.returncode != 0
    assert "portefolje.W001" in resultat.stdout + resultat.stderr


@pytest.mark.parametrize(
    ("navn", "verdi"), [("ARKIV_MAPPE", "relativ/mappe"), ("ARKIV_MAKS_FORSOK", "0")]
)
def test_a_bad_archive_setting_stops_the_start_with_its_name(navn, verdi):
    kode, feil = start_django(DEBUG="true", **{navn: verdi})
    assert kode != 0
    assert navn in feil


def test_templates_are_read_and_parsed_once_per_process():
    """Every page renders base.html and its partials: with DEBUG off they come from the cached
    template loader, not from disk and the parser on every request (docs/ytelse.md)."""
    from django.template import engines
    from django.template.loaders.cached import Loader

    lastere = engines["django"].engine.template_loaders
    assert [type(laster) for laster in lastere] == [Loader]
