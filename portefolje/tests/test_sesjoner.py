"""Pages for signed-in people are never cached; sessions end with the browser or the day."""

import os
import subprocess
import sys

from django.conf import settings


def test_a_signed_in_page_is_never_stored(client, ansatt):
    client.force_login(ansatt)
    svar = client.get("/")
    assert svar.status_code == 200
    assert "no-store" in svar["Cache-Control"]
    assert "private" in svar["Cache-Control"]


def test_a_signed_in_export_is_never_stored(client, ansatt):
    """An export follows the same rule: the middleware covers every signed-in response."""
    client.force_login(ansatt)
    svar = client.get("/prosjekter/", {"eksport": "xlsx"})
    assert svar.status_code == 200
    assert "no-store" in svar["Cache-Control"]


def test_public_pages_may_be_cached_as_usual(db, client):
    svar = client.get("/tilgjengelighet/")
    assert "no-store" not in svar.get("Cache-Control", "")


def test_the_session_ends_with_the_browser_and_after_a_working_day(client, ansatt):
    client.post("/konto/login/", {"username": ansatt.username, "password": "hemmelig-123"})
    assert client.session.get_expire_at_browser_close()
    # No lasting cookie: the browser drops it when it closes.
    assert not client.cookies[settings.SESSION_COOKIE_NAME]["expires"]
    assert 8 * 3600 <= client.session.get_expiry_age() <= 12 * 3600


def test_session_policy_comes_from_the_environment():
    """Read in a fresh process, as the settings are at start-up."""
    miljo = {
        **os.environ,
        "SESSION_EXPIRE_AT_BROWSER_CLOSE": "false",
        "SESSION_COOKIE_AGE": "3600",
        "DJANGO_SETTINGS_MODULE": "portefolje.settings",
    }
    ut = subprocess.run(
        [
            sys.executable,
            "-c",
            "from django.conf import settings as s;"
            "print(s.SESSION_EXPIRE_AT_BROWSER_CLOSE, s.SESSION_COOKIE_AGE)",
        ],
        env=miljo,
        capture_output=True,
        text=True,
        check=True,
    )
    assert ut.stdout.split() == ["False", "3600"]
