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


def gunicorns_cpu_sekunder(sesjon: int) -> float | None:
    """CPU seconds (user and system) used so far by the gunicorn processes in `make serve`'s
    session: the master, its workers, and the workers it has reaped (recycled by max_requests).
    Read from /proc, so the figure is the server's own work, however busy the shared machine is
    (not Celery's, nor Locust's, nor PostgreSQL's). None without /proc."""
    proc = Path("/proc")
    if not proc.is_dir():
        return None
    tikk = 0
    for mappe in proc.iterdir():
        if not mappe.name.isdigit():
            continue
        try:
            stat = (mappe / "stat").read_text()
            argv = (mappe / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue  # ended while we looked
        # The fields after the command name: state, ppid, pgrp, session, … utime stime cutime cstime
        felt = stat[stat.rfind(")") + 2 :].split()
        # The interpreter running gunicorn's script (not the shell that started it).
        er_gunicorn = len(argv) > 1 and argv[1].endswith(b"gunicorn")
        if int(felt[3]) == sesjon and er_gunicorn:
            tikk += sum(int(f) for f in felt[11:15])
    return tikk / os.sysconf("SC_CLK_TCK")


def _kjor_locust(port: int, oppsett: Path, mappe: Path, server_pid: int) -> float | None:
    """Locust against the server; the gunicorn processes' CPU seconds from when every user runs
    (the file the locustfile touches then, as Locust resets its figures) to the end."""
    alle_i_gang = mappe / "alle-i-gang"
    alle_i_gang.unlink(missing_ok=True)
    locust = subprocess.Popen(
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
            # The figures from when all users are running, not the ramp-up before it.
            "--reset-stats",
            "--only-summary",
            "--loglevel",
            "WARNING",
        ],
        cwd=ROT,
        env={**os.environ, "BENCH_LAST": str(oppsett), "BENCH_ALLE_I_GANG": str(alle_i_gang)},
        stdout=(mappe / "locust.log").open("wb"),
        stderr=subprocess.STDOUT,
    )
    while locust.poll() is None and not alle_i_gang.exists():
        time.sleep(0.1)
    cpu_for = gunicorns_cpu_sekunder(server_pid)
    # Locust exits 1 when any request failed; the figures say so.
    locust.wait()
    cpu_etter = gunicorns_cpu_sekunder(server_pid)
    if cpu_for is None or cpu_etter is None or not alle_i_gang.exists():
        return None
    return cpu_etter - cpu_for


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
    then Lighthouse on the quiet server. {"http": …, "last": …, "server_cpu_sek": …,
    "lighthouse": …}; server_cpu_sek is gunicorn's CPU time while every user ran."""
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
        server_cpu = _kjor_locust(port, oppsett, mappe, server.pid)
        print("Lighthouse (mobil) …", flush=True)
        fyr = lighthouse(port, maling, mappe)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
    return {
        "http": http,
        "last": _locusts_tall(mappe),
        "server_cpu_sek": server_cpu,
        "lighthouse": fyr,
    }
