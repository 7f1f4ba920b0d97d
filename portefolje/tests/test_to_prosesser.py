"""Scaling out: two web processes (gunicorn, as in production) on one PostgreSQL and one Redis.

Whatever one process remembers, the other must know: a session started on one is signed in on
the other (and signed out on both), the password-reset limit counts requests to both together
(the shared cache), and the login lock after repeated failures holds on both (the database).
Nothing here lives in a process's memory, so a municipality can run N of them behind its load
balancer.

Needs PostgreSQL, and Redis for the shared cache: TO_PROSESSER_REDIS_URL, by default
redis://127.0.0.1:6379/7 (see tests/tjenester.py for what a missing one means). Each gunicorn gets
one worker, on a free port.
"""

import http.cookiejar
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

import pytest
import redis
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import connection

ROT = Path(__file__).resolve().parents[2]
REDIS_URL = os.environ.get("TO_PROSESSER_REDIS_URL", "redis://127.0.0.1:6379/7")


pytestmark = [
    pytest.mark.postgres,
    pytest.mark.redis(url=REDIS_URL),
    pytest.mark.subprocess,
    pytest.mark.django_db(transaction=True),
]


def _ledig_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class IngenVideresending(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Nettleser:
    """One person's browser: one cookie jar, sent to whichever process it talks to."""

    def __init__(self):
        self.kaker = http.cookiejar.CookieJar()
        self.apner = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.kaker), IngenVideresending()
        )

    def hent(self, url, data=None):
        """(status, body, Location) of a GET, or of a POST with the CSRF token from the page."""
        kropp = urllib.parse.urlencode(data).encode() if data is not None else None
        foresporsel = urllib.request.Request(url, data=kropp)  # noqa: S310 - our own servers
        if data is not None:
            foresporsel.add_header("Referer", url)
        try:
            with self.apner.open(foresporsel, timeout=30) as svar:
                return svar.status, svar.read().decode(), svar.headers.get("Location")
        except urllib.error.HTTPError as feil:
            return feil.code, feil.read().decode(), feil.headers.get("Location")

    def send_skjema(self, url, felter):
        """Open the form at `url` and submit it with `felter`, as a person would."""
        status, side, _ = self.hent(url)
        assert status == 200, side[:500]
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', side).group(1)
        return self.hent(url, {"csrfmiddlewaretoken": token, **felter})


@pytest.fixture(scope="module")
def to_prosesser(django_db_setup, django_db_blocker, tmp_path_factory):
    """Two gunicorn processes on the test database and one Redis; their base URLs. Started once
    for the module: each test's data is committed and flushed after it, as usual."""
    tmp_path = tmp_path_factory.mktemp("to-prosesser")
    db = connection.settings_dict
    passord = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    prefiks = f"to-prosesser-{uuid.uuid4().hex[:8]}"
    prosesser, adresser = [], []
    for i in range(2):
        port = _ledig_port()
        miljo = {
            **os.environ,
            "DATABASE_URL": f"postgres://{db['USER']}{passord}@{db['HOST'] or '127.0.0.1'}:"
            f"{db['PORT'] or 5432}/{db['NAME']}",
            "CACHE_URL": REDIS_URL,
            # One prefix for both processes, new for each run: they share, runs do not.
            "CACHE_KEY_PREFIX": prefiks,
            "GUNICORN_BIND": f"127.0.0.1:{port}",
            "GUNICORN_WORKERS": "1",
            "GUNICORN_THREADS": "1",
            "EMAIL_FILE_PATH": str(tmp_path / "epost"),
            "LOG_LEVEL": "WARNING",
        }
        logg = tmp_path / f"gunicorn-{i}.log"
        prosesser.append(
            (
                subprocess.Popen(
                    [str(Path(sys.executable).parent / "gunicorn"), "--config", "gunicorn.conf.py"],
                    cwd=ROT,
                    env=miljo,
                    stdout=logg.open("wb"),
                    stderr=subprocess.STDOUT,
                ),
                logg,
            )
        )
        adresser.append(f"http://127.0.0.1:{port}")
    try:
        for (prosess, logg), adresse in zip(prosesser, adresser, strict=True):
            slutt = time.monotonic() + 90  # a bound on start-up, not a timing assertion
            while True:
                assert prosess.poll() is None, logg.read_text(errors="replace")[-3000:]
                try:
                    urllib.request.urlopen(f"{adresse}/konto/login/", timeout=5)  # noqa: S310
                    break
                except OSError:
                    assert time.monotonic() < slutt, logg.read_text(errors="replace")[-3000:]
                    time.sleep(0.3)
        yield adresser
    finally:
        for prosess, _ in prosesser:
            prosess.terminate()
        for prosess, _ in prosesser:
            try:
                prosess.wait(timeout=20)
            except subprocess.TimeoutExpired:
                prosess.kill()
        klient = redis.Redis.from_url(REDIS_URL)
        for nokkel in klient.scan_iter(f"{prefiks}:*"):
            klient.delete(nokkel)


def _bruker(navn):
    # Hashed as production does: the test settings' fast hasher is unknown to the servers.
    hasher = PBKDF2PasswordHasher()
    return get_user_model().objects.create(
        username=navn,
        password=hasher.encode("riktig-passord-1", hasher.salt()),
        first_name="Kari",
        last_name="Skalerud",
    )


def test_a_session_started_on_one_process_holds_on_the_other(to_prosesser):
    a, b = to_prosesser
    _bruker("kari")
    nettleser = Nettleser()
    status, _side, til = nettleser.send_skjema(
        f"{a}/konto/login/", {"username": "kari", "password": "riktig-passord-1"}
    )
    assert status == 302 and til == "/", re.findall(r"(?s)alert.{0,300}", _side)

    status, side, _ = nettleser.hent(f"{b}/")
    assert status == 200
    assert "Kari Skalerud" in side

    # Signed out on B: A no longer knows the session either.
    status, side, _ = nettleser.hent(f"{b}/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', side).group(1)
    status, _, _ = nettleser.hent(f"{b}/konto/logout/", {"csrfmiddlewaretoken": token})
    assert status == 302
    status, _, til = nettleser.hent(f"{a}/")
    assert status == 302 and til.startswith("/konto/login/")


def test_the_password_reset_limit_counts_both_processes_together(to_prosesser):
    a, b = to_prosesser
    grense = settings.PASSORD_TILBAKESTILLING_PER_TIME
    epost = {"email": f"{uuid.uuid4().hex[:8]}@ovre-eiker.example"}
    # Alternating between the processes: each sees fewer than the limit on its own.
    for n in range(grense):
        status, _, _ = Nettleser().send_skjema(f"{(a, b)[n % 2]}/konto/password_reset/", epost)
        assert status == 302, f"forespørsel {n + 1} ble avvist"
    for adresse in (a, b):
        status, side, _ = Nettleser().send_skjema(f"{adresse}/konto/password_reset/", epost)
        assert status == 429
        assert "Vent en time" in side


def test_the_login_lock_after_failures_holds_on_both_processes(to_prosesser):
    a, b = to_prosesser
    _bruker("ola")
    grense = settings.AXES_FAILURE_LIMIT
    for n in range(grense):
        status, side, _ = Nettleser().send_skjema(
            f"{(a, b)[n % 2]}/konto/login/", {"username": "ola", "password": "feil"}
        )
        # The lock falls on the limit-th failure, counted over both processes.
        assert ("For mange mislykkede innlogginger" in side) == (n == grense - 1)
    for adresse in (a, b):
        nettleser = Nettleser()
        status, side, _ = nettleser.send_skjema(
            f"{adresse}/konto/login/", {"username": "ola", "password": "riktig-passord-1"}
        )
        assert "For mange mislykkede innlogginger" in side
        assert nettleser.hent(f"{adresse}/")[0] == 302  # not signed in
