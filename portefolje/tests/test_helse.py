import os
import subprocess
import sys
from pathlib import Path

import pytest

ROT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_health_is_public_and_reports_database(client):
    svar = client.get("/helse/")
    assert svar.status_code == 200
    assert svar.json()["database"] == "ok"
    assert svar["Cache-Control"].startswith("max-age=0")


def test_health_answers_503_when_the_database_does_not_answer():
    """Run the portal against a port where no database listens, as an operator would see it."""
    skript = (
        "import django; django.setup();"
        "from django.test import Client;"
        "r = Client().get('/helse/');"
        "print(r.status_code, r.json()['database'])"
    )
    env = {
        "PATH": os.environ["PATH"],
        "DJANGO_SETTINGS_MODULE": "portefolje.settings",
        "DEBUG": "true",
        "ALLOWED_HOSTS": "testserver",
        "DATABASE_URL": "postgres://postgres@127.0.0.1:1/ingen",
        "CELERY_BROKER_URL": "redis://127.0.0.1:1/0",
    }
    resultat = subprocess.run(
        [sys.executable, "-c", skript], cwd=ROT, env=env, capture_output=True, text=True, timeout=60
    )
    assert resultat.stdout.split()[-2:] == ["503", "feil"], resultat.stderr
