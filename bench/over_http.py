"""Parts of `make bench` over HTTP against the running `make serve`: every page as its user,
interleaved with the admin changelist, and Lighthouse (mobile) on the five pages people open on
a phone.

Lighthouse is pinned in package.json (devDependencies) and runs Debian's Chromium
(CHROME_PATH, /usr/bin/chromium unless set), with the same signed-in sessions as the load run.
"""

import json
import os
import statistics
import subprocess
import time
import urllib.request
from pathlib import Path

from bench.oppsett import ADMIN, ROT, SIDER

HTTP_GANGER = int(os.environ.get("BENCH_HTTP_GANGER", "15"))
# The pinned Lighthouse from `npm ci`; LIGHTHOUSE names another.
LIGHTHOUSE = Path(
    os.environ.get("LIGHTHOUSE", ROT / "bench" / "node_modules" / ".bin" / "lighthouse")
)
# (what, user or None for anonymous, path): the pages of the Lighthouse targets.
LIGHTHOUSE_SIDER = [
    ("Offentlig innspillsskjema", None, "/innspill/ny/"),
    ("Offentlige resultater", None, "/resultater/"),
    ("Portefølje KLG", "klg", "/portefoljer/klg/"),
    ("Prosjektoversikt", "klg", "/prosjekter/"),
    ("Startside", "klg", "/"),
]
MAL_LIGHTHOUSE = {"ytelse": 100, "uu": 100, "praksis": 100, "lcp_ms": 1800}


def _hent_ms(url: str, okt: str | None) -> tuple[int, float]:
    foresporsel = urllib.request.Request(url)  # noqa: S310 - our own local server
    if okt:
        foresporsel.add_header("Cookie", f"sessionid={okt}")
    t0 = time.perf_counter()
    try:
        with urllib.request.urlopen(foresporsel, timeout=30) as svar:  # noqa: S310
            svar.read()
            status = svar.status
    except urllib.error.HTTPError as feil:
        status = feil.code
    return status, (time.perf_counter() - t0) * 1000


def sider_over_http(port: int, oppsett: dict) -> list[dict]:
    """Each page in SIDER HTTP_GANGER times as its user, each request followed by one of the
    admin changelist's, so a busy machine slows both alike: medians and the ratio."""
    okter, ider = oppsett["okter"], oppsett["ider"]
    grunn = f"http://127.0.0.1:{port}"
    admin_url = grunn + ADMIN[2]
    rader = []
    for navn, brukernavn, mal in SIDER:
        if navn == ADMIN[0] or brukernavn not in okter:
            continue
        url = grunn + mal.format(**ider)
        for _ in range(2):  # warm-up: each worker's first request and the cache
            _hent_ms(url, okter[brukernavn])
        tider, admin = [], []
        status = 0
        for _ in range(HTTP_GANGER):
            status, ms = _hent_ms(url, okter[brukernavn])
            tider.append(ms)
            admin.append(_hent_ms(admin_url, okter[ADMIN[1]])[1])
        median, admin_median = statistics.median(tider), statistics.median(admin)
        rader.append(
            {
                "side": navn,
                "status": status,
                "median_ms": median,
                "admin_ms": admin_median,
                "forhold": median / admin_median if admin_median else 0,
            }
        )
        print(f"  HTTP {navn}", flush=True)
    return rader


def _lighthouse_en(url: str, okt: str | None, ut: Path) -> dict:
    kommando = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={ut}",
        "--only-categories=performance,accessibility,best-practices",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
    ]
    if okt:
        kommando.append("--extra-headers=" + json.dumps({"Cookie": f"sessionid={okt}"}))
    miljo = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    # Lighthouse now and then loses the trace of the page load (NO_NAVSTART: «Please run
    # Lighthouse again»); a run that says so is run once more.
    for _ in range(2):
        ut.unlink(missing_ok=True)
        subprocess.run(kommando, cwd=ROT, env=miljo, check=False, capture_output=True, timeout=300)
        if not ut.exists():
            return {"feil": "Lighthouse ga ingen rapport"}
        data = json.loads(ut.read_text())
        if not data.get("runtimeError"):
            break
    kategorier = data.get("categories", {})

    def poeng(navn):
        verdi = (kategorier.get(navn) or {}).get("score")
        return round(verdi * 100) if verdi is not None else None

    revisjoner = data.get("audits", {})
    return {
        "ytelse": poeng("performance"),
        "uu": poeng("accessibility"),
        "praksis": poeng("best-practices"),
        "lcp_ms": (revisjoner.get("largest-contentful-paint") or {}).get("numericValue"),
        "kib": ((revisjoner.get("total-byte-weight") or {}).get("numericValue") or 0) / 1024,
    }


def lighthouse(port: int, oppsett: dict, mappe: Path) -> list[dict]:
    """Lighthouse's mobile defaults (simulated slow 4G, a mid-range phone) on each page in
    LIGHTHOUSE_SIDER: performance, accessibility and best-practice scores, LCP, bytes."""
    if not LIGHTHOUSE.exists():
        print("  Lighthouse mangler: `make bench` installerer den (bench/package.json)", flush=True)
        return []
    rader = []
    for i, (navn, brukernavn, sti) in enumerate(LIGHTHOUSE_SIDER):
        okt = oppsett["okter"].get(brukernavn) if brukernavn else None
        ut = mappe / f"lighthouse-{i}.json"
        rad = {"side": navn, **_lighthouse_en(f"http://127.0.0.1:{port}{sti}", okt, ut)}
        rad["ok"] = "feil" not in rad and all(
            rad[k] is not None
            and (rad[k] <= MAL_LIGHTHOUSE[k] if k == "lcp_ms" else rad[k] >= MAL_LIGHTHOUSE[k])
            for k in MAL_LIGHTHOUSE
        )
        rader.append(rad)
        print(f"  Lighthouse {navn}", flush=True)
    return rader
