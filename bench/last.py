"""Part 3 of `make bench`: `make serve` (gunicorn as in production) under Locust's load."""

import csv
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from bench.oppsett import LAST_BRUKERE, LAST_SEKUNDER, ROT, miljo
from bench.over_http import lighthouse, sider_over_http


def _ledig_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _vent_paa(url: str, sekunder: int, prosess) -> None:
    slutt = time.monotonic() + sekunder
    while time.monotonic() < slutt:
        if prosess.poll() is not None:
            raise SystemExit(f"make serve stoppet (kode {prosess.returncode})")
        try:
            urllib.request.urlopen(url, timeout=2)  # noqa: S310 - our own local server
            return
        except urllib.error.HTTPError:
            return  # it answers
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"make serve svarte ikke på {url} innen {sekunder} s")


def _start_server(database_url: str, port: int, mappe: Path) -> subprocess.Popen:
    broker = os.environ.get("CELERY_BROKER_URL", "redis://127.0.0.1:6379/0")
    serverens_miljo = {
        **os.environ,
        "PORT": str(port),
        "DATABASE_URL": database_url,
        "CELERY_BROKER_URL": broker,
        "CACHE_URL": os.environ.get("CACHE_URL", broker),
        "LOG_LEVEL": "WARNING",
        # The sessions were signed with the measuring children's key.
        "SECRET_KEY": miljo(database_url)["SECRET_KEY"],
        # The demo's queued e-mails go to files, not to a mail server that is not there.
        "EMAIL_FILE_PATH": str(mappe / "epost"),
    }
    return subprocess.Popen(
        ["make", "--no-print-directory", "serve"],
        cwd=ROT,
        env=serverens_miljo,
        stdout=(mappe / "serve.log").open("wb"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def _kjor_locust(port: int, oppsett: Path, mappe: Path) -> None:
    subprocess.run(
        [
            str(Path(sys.executable).parent / "locust"),
            "-f",
            str(ROT / "bench" / "locustfile.py"),
            "--headless",
            "--users",
            str(LAST_BRUKERE),
            "--spawn-rate",
            "10",
            "--run-time",
            f"{LAST_SEKUNDER}s",
            "--host",
            f"http://127.0.0.1:{port}",
            "--csv",
            str(mappe / "locust"),
            "--only-summary",
            "--loglevel",
            "WARNING",
        ],
        cwd=ROT,
        env={**os.environ, "BENCH_LAST": str(oppsett)},
        stdout=(mappe / "locust.log").open("wb"),
        stderr=subprocess.STDOUT,
        check=False,  # Locust exits 1 when any request failed; the figures say so
    )


def _locusts_tall(mappe: Path) -> list[dict]:
    with (mappe / "locust_stats.csv").open() as f:
        rader = list(csv.DictReader(f))
    return [
        {
            "navn": r["Name"],
            "antall": int(r["Request Count"]),
            "feil": int(r["Failure Count"]),
            "per_sek": float(r["Requests/s"]),
            "p50_ms": float(r["50%"]),
            "p95_ms": float(r["95%"]),
            "p99_ms": float(r["99%"]),
        }
        for r in rader
    ]


def last(database_url: str, maling: dict, mappe: Path, *, lastbrukere) -> dict:
    """`make serve` on a free port: every page over HTTP as its user, then Locust against it,
    then Lighthouse on the quiet server. {"http": …, "last": …, "lighthouse": …}."""
    port = _ledig_port()
    server = _start_server(database_url, port, mappe)
    try:
        # migrate and collectstatic (compressing every file) come first: allow for a busy machine.
        _vent_paa(f"http://127.0.0.1:{port}/konto/login/", 900, server)
        print("Sidene over HTTP mot make serve …", flush=True)
        http = sider_over_http(port, maling)
        oppsett = mappe / "last.json"
        oppsett.write_text(
            json.dumps(
                {
                    "okter": maling["okter"],
                    "lastbrukere": [b for b in lastbrukere if b in maling["okter"]],
                    "ider": maling["ider"],
                }
            )
        )
        print(f"Lastkjøring: {LAST_BRUKERE} brukere i {LAST_SEKUNDER} s …", flush=True)
        _kjor_locust(port, oppsett, mappe)
        print("Lighthouse (mobil) …", flush=True)
        fyr = lighthouse(port, maling, mappe)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
    return {"http": http, "last": _locusts_tall(mappe), "lighthouse": fyr}
