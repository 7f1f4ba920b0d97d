"""Redis unreachable (the cache and the broker): the portal degrades and loses nothing.

The portal runs in a subprocess whose CACHE_URL and CELERY_BROKER_URL point at a closed port, as
an operator would see it with Redis down, on the test database. A citizen's and an employee's
input are saved, a person signs in and out with the password, password reset and the API answer,
a report order is saved and waits for the
sweep, and the pages say «degradert».
"""

import json
import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from api.services import nokkel_opprett
from ideer.models import Innspill
from ideer.tests.hjelp import offentlig_post
from rapporter.models import Portefoljerapport

ROT = Path(__file__).resolve().parents[1]
NEDE = "redis://127.0.0.1:1/0"

pytestmark = pytest.mark.django_db(transaction=True)

# Runs in the subprocess: each screen as a person uses it (the form's own key from the page),
# and what came back. The test's data arrives in PORTAL_DATA.
SKRIPT = r"""
import json, os, re
import django
django.setup()
from django.contrib.auth import get_user_model
from django.test import Client

data = json.loads(os.environ["PORTAL_DATA"])
svar = {}

def nokkel(side):
    return re.search(r'name="skjema_nokkel" value="([^"]+)"', side).group(1)

innbygger = Client()
side = innbygger.get("/innspill/ny/").content.decode()
svar["degradert_offentlig"] = 'id="degradert"' in side
r = innbygger.post("/innspill/ny/", {**data["offentlig"], "skjema_nokkel": nokkel(side)})
svar["offentlig"] = r.status_code
r = innbygger.post("/konto/password_reset/", {"email": data["epost"]})
svar["passord"] = r.status_code

leder = Client()
leder.force_login(get_user_model().objects.get(username=data["leder"]))
side = leder.get("/ideer/ny/").content.decode()
r = leder.post("/ideer/ny/", {**data["ansatt"], "skjema_nokkel": nokkel(side)})
svar["ansatt"] = r.status_code
url = "/rapporter/portefoljer/%s/" % data["portefolje"]
side = leder.get(url).content.decode()
r = leder.post(url, {"fra": "2026-01-01", "til": "2026-12-31", "skjema_nokkel": nokkel(side)})
svar["rapport"] = r.status_code
side = leder.get(r["Location"]).content.decode()
svar["degradert_rapport"] = 'id="degradert"' in side

# Signing in with the password and out again, as a person does: the session is in PostgreSQL,
# not in the cache (docs/drift.md, «Økter»).
# (The test process stored the password with its fast test hasher, which the portal here does
# not accept: set it anew with the portal's own.)
bruker = get_user_model().objects.get(username=data["leder"])
bruker.set_password(data["passord"])
bruker.save(update_fields=["password"])
person = Client()
r = person.post("/konto/login/", {"username": data["leder"], "password": data["passord"]})
svar["innlogging"] = r.status_code
svar["innlogget"] = person.get("/varsler/").status_code
svar["utlogging"] = person.post("/konto/logout/").status_code
svar["etter_utlogging"] = person.get("/varsler/").status_code

api = Client(headers={"Authorization": "Token " + data["token"]})
svar["api"] = api.get("/api/v1/portefoljer/").status_code
svar["helse"] = Client().get("/helse/").json()
print("SVAR " + json.dumps(svar))
"""


def test_with_redis_down_every_form_saves_and_the_pages_say_degradert(portefolje, leder, tmp_path):
    assert settings.IS_POSTGRES, "the subprocess reads the test's rows: a shared PostgreSQL"
    _nokkel, token = nokkel_opprett(bruker=leder, navn="Power BI", gyldig=timedelta(days=1))
    db = connection.settings_dict
    passord = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    data = {
        "offentlig": offentlig_post(tittel="Lys på gangveien"),
        "ansatt": {
            "type": "ide",
            "tittel": "Felles vikarpool",
            "beskrivelse": "Barnehagene bruker mye tid på å skaffe vikarer.",
            "opphav": "medarbeidere",
        },
        "epost": leder.email or "leder@example.no",
        "leder": leder.username,
        "passord": "hemmelig-123",
        "portefolje": portefolje.slug,
        "token": token,
    }
    miljo = {
        **os.environ,
        "DATABASE_URL": f"postgres://{db['USER']}{passord}@{db['HOST'] or '127.0.0.1'}:"
        f"{db['PORT'] or 5432}/{db['NAME']}",
        "CACHE_URL": NEDE,
        "CELERY_BROKER_URL": NEDE,
        "CELERY_TASK_ALWAYS_EAGER": "false",
        "EMAIL_FILE_PATH": str(tmp_path / "epost"),
        "MEDIA_ROOT": str(tmp_path / "media"),
        "PORTAL_DATA": json.dumps(data),
        "LOG_LEVEL": "WARNING",
    }
    kjoring = subprocess.run(  # noqa: S603  (our own interpreter and script)
        [sys.executable, "-c", SKRIPT],
        cwd=ROT,
        env=miljo,
        capture_output=True,
        text=True,
        timeout=120,
    )
    linje = [ln for ln in kjoring.stdout.splitlines() if ln.startswith("SVAR ")]
    assert linje, kjoring.stderr[-4000:]
    svar = json.loads(linje[-1].removeprefix("SVAR "))

    assert svar == {
        "degradert_offentlig": True,
        "offentlig": 302,  # to the receipt
        "passord": 302,  # to «check your e-mail»
        "ansatt": 302,
        "rapport": 302,
        "degradert_rapport": True,
        "innlogging": 302,  # to the start page
        "innlogget": 200,
        "utlogging": 302,
        "etter_utlogging": 302,  # to the login page: the session is gone
        "api": 200,
        "helse": {"status": "degradert", "database": "ok", "broker": "feil", "cache": "feil"},
    }, kjoring.stderr[-4000:]
    assert set(Innspill.objects.values_list("tittel", flat=True)) == {
        "Lys på gangveien",
        "Felles vikarpool",
    }
    rapport = Portefoljerapport.objects.get()
    assert (rapport.status, rapport.forsok) == ("venter", 1)  # for the sweep
    # The operator reads why in the log: the limits counted per process, the task not queued.
    assert "grensen for" in kjoring.stderr and "telles i denne prosessen" in kjoring.stderr
    assert "rapporter.tasks.lag_portefoljerapport" in kjoring.stderr
