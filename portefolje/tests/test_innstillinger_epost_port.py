"""Settings for trying the portal out: e-mail to files under .run/epost/ with DEBUG on, and the
links in e-mails follow PORT (what `make run` serves on)."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROT = Path(__file__).resolve().parents[2]


def innstillinger(**miljo) -> dict:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("EMAIL_", "PORTAL_BASE_URL", "PORT", "DEBUG"))
    }
    env.update(miljo, DJANGO_SETTINGS_MODULE="portefolje.settings")
    kode = (
        "import json; from portefolje import settings as s; "
        "print(json.dumps({'mailer': s.MAILERS['default'], 'url': s.PORTAL_BASE_URL}))"
    )
    ut = subprocess.run(
        [sys.executable, "-c", kode], cwd=ROT, env=env, capture_output=True, text=True, check=True
    )
    return json.loads(ut.stdout.strip().splitlines()[-1])


def test_debug_without_a_mail_server_writes_email_to_run_epost():
    s = innstillinger(DEBUG="true")
    assert s["mailer"]["BACKEND"] == "django.core.mail.backends.filebased.EmailBackend"
    assert s["mailer"]["OPTIONS"]["file_path"] == str(ROT / ".run" / "epost")


def test_production_without_a_mail_server_uses_smtp_to_localhost():
    s = innstillinger(DEBUG="false", SECRET_KEY="x" * 50)
    assert s["mailer"]["BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"


def test_email_links_follow_port():
    assert innstillinger(DEBUG="true", PORT="8123")["url"] == "http://127.0.0.1:8123"
    assert innstillinger(DEBUG="true")["url"] == "http://127.0.0.1:8000"
    assert (
        innstillinger(DEBUG="true", PORT="8123", PORTAL_BASE_URL="https://portal.example/")["url"]
        == "https://portal.example"
    )
