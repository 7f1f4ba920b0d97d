"""Benchmark of the portal's main pages at municipal scale. Run on demand: `make bench`.

    DATABASE_URL=postgres://postgres@127.0.0.1/portal_bench CELERY_BROKER_URL=redis://… make bench

Three parts, one report (a table on stdout, and Markdown + JSON in bench/results/):

1. **Per page, one user**: `demo_data --size large` in DATABASE_URL (timed), then every page in
   SIDER requested 20 times in-process (after two warm-ups): median, p95, query count, the ratio
   to Django admin's changelist of inputs measured in the same run, and the tables a query read
   by sequential scan (EXPLAIN of every query the page made; a large table read whole means a
   filter or sort without an index).
2. **Growth**: the same pages on `--size xlarge` (twice the volume) in a second database
   `<name>_x2`, made if missing: how much each page's median grows. The two databases are
   measured in turns, five requests at a time, so a busy machine slows both alike.
3. **Load**: `make serve` (gunicorn as in production, DEBUG off) on the large database and
   Locust, headless, 50 users for 60 s on the meeting-morning mix (bench/locustfile.py).

Asserts nothing (timed tests would be flaky on a shared machine); it marks each target met or not.
Adding a page is one line in SIDER. Placeholders in a path ({mote}, {notat}, {prosjekt},
{seksjon}) are filled from the demo data (see `_plassholdere`).
"""

import argparse
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROT = Path(__file__).resolve().parents[1]
RESULTATER = ROT / "bench" / "results"

# (what, user, path). The admin changelist is the yardstick every page is compared with.
ADMIN = ("Admin: innspill (målestokk)", "admin", "/admin/ideer/innspill/")
SIDER = [
    ADMIN,
    ("Startside", "klg", "/"),
    ("Ideer og bestillinger", "utvikler", "/ideer/"),
    ("Ideer, søk", "utvikler", "/ideer/?q=skole"),
    ("Ideer, filter status", "utvikler", "/ideer/?status=ny"),
    ("Ideer, sortert på tittel", "utvikler", "/ideer/?sorter=tittel"),
    ("Mine innspill", "ansatt", "/ideer/mine/"),
    ("Konseptnotater", "utvikler", "/konseptnotater/"),
    ("Portefølje KLG", "klg", "/portefoljer/klg/"),
    ("Portefølje Helse og omsorg", "helseleder", "/portefoljer/helse-og-omsorg/"),
    ("Møteside KLG", "klg", "/portefoljer/klg/moter/{mote}/"),
    ("Vurdering (medlem)", "helseleder", "/portefoljer/klg/moter/{mote}/notater/{notat}/vurder/"),
    ("Resultattavle (htmx)", "klg", "/portefoljer/klg/moter/{mote}/resultat/"),
    ("Prosjektoversikt", "klg", "/prosjekter/"),
    ("Prosjektoversikt, status", "klg", "/prosjekter/?visning=status"),
    ("Prosjektoversikt, økonomi", "klg", "/prosjekter/?visning=okonomi"),
    ("Prosjektoversikt, mine", "prosjektleder", "/prosjekter/?visning=mine"),
    ("Prosjektoversikt, avsluttede", "klg", "/prosjekter/?visning=avsluttede"),
    ("Prosjektoversikt, rød status", "klg", "/prosjekter/?visning=status&farge=rod"),
    ("Prosjektoversikt, sortert farge", "klg", "/prosjekter/?visning=alle&sorter=-siste_farge"),
    ("Prosjektside", "klg", "/prosjekter/{prosjekt}/"),
    ("Gevinstoversikt", "klg", "/prosjekter/gevinster/"),
    ("Risikooversikt", "klg", "/prosjekter/risiko/"),
    ("Ressursallokering", "klg", "/prosjekter/ressurser/"),
    ("Tidslinje", "klg", "/prosjekter/tidslinje/"),
    ("Programmer", "klg", "/prosjekter/programmer/"),
    ("Dashbord, alle", "klg", "/rapporter/dashbord/"),
    ("Dashbord KLG", "klg", "/rapporter/dashbord/klg/"),
    ("Offentlige resultater", "klg", "/resultater/"),
    ("Varsler", "prosjektleder", "/varsler/"),
    ("API: innspill", "klg", "/api/v1/innspill/"),
    ("API: konseptnotater", "klg", "/api/v1/konseptnotater/"),
    ("API: prosjekter", "klg", "/api/v1/prosjekter/"),
    ("API: statusrapporter", "klg", "/api/v1/statusrapporter/"),
    ("API: vurderinger", "klg", "/api/v1/vurderinger/"),
]
# BENCH_SIDER=«Møteside,Konseptnotater» measures only pages whose name holds one of the words
# (and the admin yardstick): for checking a fix without the whole run.
if os.environ.get("BENCH_SIDER"):
    _ord = [o.strip().lower() for o in os.environ["BENCH_SIDER"].split(",") if o.strip()]
    SIDER = [s for s in SIDER if s == ADMIN or any(o in s[0].lower() for o in _ord)]
GANGER = int(os.environ.get("BENCH_GANGER", "20"))
LAST_BRUKERE = int(os.environ.get("BENCH_BRUKERE", "50"))
LAST_SEKUNDER = int(os.environ.get("BENCH_SEKUNDER", "60"))
# The targets docs/ytelse.md states.
MAL_FORHOLD, MAL_P95_MS, MAL_VEKST, MAL_LAST_P95_MS = 1.0, 250.0, 0.20, 1000.0
# A table with at least this many rows read by sequential scan is reported.
STOR_TABELL = 5000


def _miljo(database_url: str) -> dict:
    """Production-like settings for the in-process measurement (DEBUG off, no https)."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portefolje.settings",
        "DATABASE_URL": database_url,
        "DEBUG": "false",
        "SECRET_KEY": os.environ.get("SECRET_KEY", "bare-for-benchmark"),
        "STATIC_MANIFEST": "false",
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_COOKIES": "false",
        "ALLOWED_HOSTS": "*",
        "LOG_LEVEL": "WARNING",
        "CELERY_TASK_ALWAYS_EAGER": "false",
    }


# --- part 1 and 2: in-process, in a child with its own DATABASE_URL -------------------------------


def _plassholdere():
    """Ids for the paths: KLG's coming meeting and a note on it, a benchmark project."""
    from django.utils import timezone

    from prosjekter.models import Prosjekt
    from velge.models import Agendapunkt, Mote

    mote = (
        Mote.objects.filter(portefolje__slug="klg", dato__gte=timezone.localdate())
        .order_by("dato")
        .first()
    ) or Mote.objects.filter(portefolje__slug="klg").order_by("-dato").first()
    punkt = Agendapunkt.objects.filter(mote=mote).order_by("rekkefolge", "id").first()
    prosjekt = Prosjekt.objects.filter(nummer__startswith="B-").order_by("nummer").first()
    return {"mote": mote.pk, "notat": punkt.notat_id if punkt else 0, "prosjekt": prosjekt.pk}


def _sekvensielle_skann(sql_liste, cursor, storrelser) -> set[str]:
    """Tables of at least STOR_TABELL rows that a query's plan reads by sequential scan."""
    funnet = set()

    def gaa(node):
        if node.get("Node Type") == "Seq Scan":
            tabell = node.get("Relation Name")
            if storrelser.get(tabell, 0) >= STOR_TABELL:
                funnet.add(tabell)
        for barn in node.get("Plans", []):
            gaa(barn)

    for sql in sql_liste:
        if not sql.lstrip().upper().startswith(("SELECT", "WITH")):
            continue
        try:
            cursor.execute("EXPLAIN (FORMAT JSON) " + sql)
            gaa(cursor.fetchone()[0][0]["Plan"])
        except Exception:  # noqa: BLE001 - a query EXPLAIN cannot take is simply not checked
            cursor.connection.rollback()
    return funnet


def maal(storrelse: str) -> None:
    """Child: load the demo data, then measure pages on request (one JSON line per answer).

    The parent sends «<page index> <requests>» lines; the child answers with the times, and
    with the query count and sequential scans the first time it measures a page. Two children
    (large and xlarge) take turns page by page, so a busy machine slows both alike.
    """
    sys.path.insert(0, str(ROT))
    import warnings

    # Static files come through the finders here; `make serve` collects them.
    warnings.filterwarnings("ignore", "No directory at", UserWarning)
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    call_command("migrate", verbosity=0)
    start = time.perf_counter()
    call_command("demo_data", "--size", storrelse, "--force", stdout=open(os.devnull, "w"))  # noqa: SIM115
    demo_sek = time.perf_counter() - start
    with connection.cursor() as c:
        c.execute("ANALYZE")
        c.execute(
            "SELECT relname, reltuples::bigint FROM pg_class WHERE relkind = 'r' "
            "AND relnamespace = 'public'::regnamespace"
        )
        storrelser = dict(c.fetchall())

    ider = _plassholdere()
    brukere = {u.username: u for u in get_user_model().objects.all()}
    # Sessions for the load run: people are signed in before the meeting (a sign-in costs a
    # deliberately slow password hash, which is not what this run measures).
    okter = {}
    for brukernavn in ("klg", "helseleder", "oppvekstleder", "samfunnsleder", "okonomisjef"):
        klient = Client()
        klient.force_login(brukere[brukernavn])
        okter[brukernavn] = klient.cookies["sessionid"].value
    volum = {
        "innspill": storrelser.get("ideer_innspill", 0),
        "prosjekter": storrelser.get("prosjekter_prosjekt", 0),
        "statusrapporter": storrelser.get("prosjekter_statusrapport", 0),
    }
    svar_ut = sys.stdout
    sys.stdout = sys.stderr  # nothing else may write on the protocol's line
    print(
        json.dumps({"demo_sek": demo_sek, "ider": ider, "okter": okter, "volum": volum}),
        file=svar_ut,
        flush=True,
    )

    klienter = {}
    for linje in sys.stdin:
        indeks, antall = map(int, linje.split())
        navn, brukernavn, mal = SIDER[indeks]
        sti = mal.format(**ider)
        hode = {"HTTP_HX_REQUEST": "true"} if "htmx" in navn else {}
        resultat = {"sti": sti}
        if indeks not in klienter:
            klient = klienter[indeks] = Client()
            klient.force_login(brukere[brukernavn])
            for _ in range(2):
                klient.get(sti, **hode)
            with CaptureQueriesContext(connection) as fanget:
                resultat["status"] = klient.get(sti, **hode).status_code
            with connection.cursor() as c:
                skann = _sekvensielle_skann([q["sql"] for q in fanget], c, storrelser)
            resultat.update(sporringer=len(fanget), sekvensielle_skann=sorted(skann))
        klient = klienter[indeks]
        tider = []
        for _ in range(antall):
            t0 = time.perf_counter()
            klient.get(sti, **hode)
            tider.append((time.perf_counter() - t0) * 1000)
        resultat["tider"] = tider
        print(json.dumps(resultat), file=svar_ut, flush=True)


class Barn:
    """A measuring child on one database, spoken to line by line."""

    def __init__(self, storrelse: str, database_url: str):
        self.prosess = subprocess.Popen(
            [sys.executable, __file__, "--maal", storrelse],
            cwd=ROT,
            env=_miljo(database_url),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        linje = self.prosess.stdout.readline()
        if not linje:
            raise SystemExit(f"målingen på --size {storrelse} stoppet (se feilen over)")
        self.oppsett = json.loads(linje)

    def mal(self, indeks: int, antall: int) -> dict:
        self.prosess.stdin.write(f"{indeks} {antall}\n")
        self.prosess.stdin.flush()
        return json.loads(self.prosess.stdout.readline())

    def avslutt(self):
        self.prosess.stdin.close()
        self.prosess.wait(timeout=60)


def mal_sider(barn: list) -> list[dict]:
    """Every page on every child, in turns of five requests: {side: figures} per child."""
    resultater = [{**b.oppsett, "sider": []} for b in barn]
    for indeks, (navn, _bruker, _sti) in enumerate(SIDER):
        samlet = [{"side": navn, "tider": []} for _ in barn]
        for _ in range(max(1, GANGER // 5)):
            for b, s in zip(barn, samlet, strict=True):
                svar = b.mal(indeks, min(5, GANGER))
                tider = svar.pop("tider")
                s.update(svar)
                s["tider"] += tider
        for r, s in zip(resultater, samlet, strict=True):
            tider = sorted(s.pop("tider"))
            s["median_ms"] = statistics.median(tider)
            s["p95_ms"] = tider[min(len(tider) - 1, round(0.95 * len(tider)) - 1)]
            r["sider"].append(s)
        print(f"  {navn}", flush=True)
    return resultater


def _database_x2(database_url: str) -> str:
    """`<name>_x2` beside the large database, made if missing."""
    import psycopg

    grunn, _, navn = database_url.rpartition("/")
    navn = navn.split("?")[0]
    ny = f"{navn}_x2"
    with psycopg.connect(f"{grunn}/postgres", autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [ny]).fetchone():
            conn.execute(f'CREATE DATABASE "{ny}"')
    return f"{grunn}/{ny}"


# --- part 3: load ------------------------------------------------------------------------------


def _ledig_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _vent_paa(url: str, sekunder: int, prosess) -> None:
    import urllib.error
    import urllib.request

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


def last(database_url: str, maling: dict, mappe: Path) -> dict:
    """`make serve` on a free port, Locust against it; the aggregated figures per request."""
    port = _ledig_port()
    broker = os.environ.get("CELERY_BROKER_URL", "redis://127.0.0.1:6379/0")
    miljo = {
        **os.environ,
        "PORT": str(port),
        "DATABASE_URL": database_url,
        "CELERY_BROKER_URL": broker,
        "CACHE_URL": os.environ.get("CACHE_URL", broker),
        "LOG_LEVEL": "WARNING",
        # The sessions were signed with the measuring children's key.
        "SECRET_KEY": _miljo(database_url)["SECRET_KEY"],
        # The demo's queued e-mails go to files, not to a mail server that is not there.
        "EMAIL_FILE_PATH": str(mappe / "epost"),
    }
    logg = (mappe / "serve.log").open("wb")
    server = subprocess.Popen(
        ["make", "--no-print-directory", "serve"],
        cwd=ROT,
        env=miljo,
        stdout=logg,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        # migrate and collectstatic (compressing every file) come first: allow for a busy machine.
        _vent_paa(f"http://127.0.0.1:{port}/konto/login/", 900, server)
        oppsett = mappe / "last.json"
        oppsett.write_text(json.dumps({"okter": maling["okter"], "ider": maling["ider"]}))
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
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
    import csv

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


# --- the report -----------------------------------------------------------------------------------


def _merke(ok: bool) -> str:
    return "ja" if ok else "NEI"


def rapport(large: dict, x2: dict | None, last_rader: list | None) -> str:
    admin = next((s["median_ms"] for s in large["sider"] if s["side"] == ADMIN[0]), 0)
    x2_per_side = {s["side"]: s for s in (x2["sider"] if x2 else [])}
    linjer = [
        f"# Benchmark {datetime.now(UTC):%Y-%m-%d %H:%M} UTC",
        "",
        f"Volum (large): {large['volum']['innspill']} innspill, "
        f"{large['volum']['prosjekter']} prosjekter, "
        f"{large['volum']['statusrapporter']} statusrapporter. "
        f"`demo_data --size large`: {large['demo_sek']:.1f} s "
        "(en tom database fylles helt; finnes dataene alt, legges ingenting til).",
        "",
        f"Én bruker, {GANGER} forespørsler per side. Forhold = median / admin-changelistens "
        f"median ({admin:.1f} ms). Mål: forhold ≤ {MAL_FORHOLD}, p95 ≤ {MAL_P95_MS:.0f} ms, "
        f"vekst ved dobbel data ≤ {MAL_VEKST:.0%}.",
        "",
        "| Side | Status | Median ms | p95 ms | Spørringer | Forhold | Median ×2 ms | Vekst "
        "| Spørringer ×2 | Mål nådd | Sekv. skann (store tabeller) |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for s in large["sider"]:
        forhold = s["median_ms"] / admin if admin else 0
        d = x2_per_side.get(s["side"])
        vekst = d["median_ms"] / s["median_ms"] - 1 if d and s["median_ms"] else None
        ok = (
            s["status"] == 200
            and (s["side"] == ADMIN[0] or forhold <= MAL_FORHOLD)
            and s["p95_ms"] <= MAL_P95_MS
            and (vekst is None or vekst <= MAL_VEKST)
        )
        linjer.append(
            f"| {s['side']} | {s['status']} | {s['median_ms']:.1f} | {s['p95_ms']:.1f} "
            f"| {s['sporringer']} | {forhold:.2f} "
            f"| {d['median_ms']:.1f} | {vekst:+.0%} | {d['sporringer']} "
            if d
            else f"| {s['side']} | {s['status']} | {s['median_ms']:.1f} | {s['p95_ms']:.1f} "
            f"| {s['sporringer']} | {forhold:.2f} | – | – | – "
        )
        linjer[-1] += f"| {_merke(ok)} | {', '.join(s['sekvensielle_skann']) or '–'} |"
    if last_rader:
        linjer += [
            "",
            f"Last: `make serve` (gunicorn), Locust {LAST_BRUKERE} brukere i {LAST_SEKUNDER} s, "
            f"møtemorgen-miksen. Mål: 0 feil, p95 ≤ {MAL_LAST_P95_MS:.0f} ms.",
            "",
            "| Forespørsel | Antall | Feil | Per s | p50 ms | p95 ms | p99 ms |",
            "|---|---|---|---|---|---|---|",
        ]
        for r in last_rader:
            linjer.append(
                f"| {r['navn']} | {r['antall']} | {r['feil']} | {r['per_sek']:.1f} "
                f"| {r['p50_ms']:.0f} | {r['p95_ms']:.0f} | {r['p99_ms']:.0f} |"
            )
        samlet = next((r for r in last_rader if r["navn"] == "Aggregated"), None)
        if samlet:
            ok = samlet["feil"] == 0 and samlet["p95_ms"] <= MAL_LAST_P95_MS
            linjer += ["", f"Lastmålet nådd: {_merke(ok)}"]
    return "\n".join(linjer) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--maal", help=argparse.SUPPRESS)
    parser.add_argument("--uten-last", action="store_true", help="hopp over lastkjøringen")
    parser.add_argument("--uten-x2", action="store_true", help="hopp over dobbel data")
    parser.add_argument("--bare-last", action="store_true", help="bare lastkjøringen")
    args = parser.parse_args()
    if args.maal:
        maal(args.maal)
        return

    database_url = os.environ.get("DATABASE_URL", "")
    if not database_url.startswith(("postgres://", "postgresql://")):
        raise SystemExit(
            "make bench trenger PostgreSQL: DATABASE_URL=postgres://…/portal_bench make bench"
        )
    stempel = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    mappe = RESULTATER / stempel
    mappe.mkdir(parents=True, exist_ok=True)
    print("Demodata --size large …", flush=True)
    barn = [Barn("large", database_url)]
    if not args.uten_x2 and not args.bare_last:
        print("Demodata --size xlarge (dobbel data, egen database) …", flush=True)
        barn.append(Barn("xlarge", _database_x2(database_url)))
    if not args.bare_last:
        print(f"Måler {len(SIDER)} sider, {GANGER} forespørsler hver, på tur mellom databasene …")
    resultater = [{**b.oppsett, "sider": []} for b in barn] if args.bare_last else mal_sider(barn)
    for b in barn:
        b.avslutt()
    large, x2 = resultater[0], (resultater[1] if len(resultater) > 1 else None)

    def skriv(last_rader):
        tekst = rapport(large, x2, last_rader)
        (mappe / "rapport.md").write_text(tekst)
        (mappe / "resultat.json").write_text(
            json.dumps({"large": large, "xlarge": x2, "last": last_rader}, indent=1)
        )
        return tekst

    tekst = skriv(None)
    if not args.uten_last:
        print(f"Lastkjøring: {LAST_BRUKERE} brukere i {LAST_SEKUNDER} s mot make serve …")
        tekst = skriv(last(database_url, large, mappe))
    print()
    print(tekst)
    print(f"Skrevet til {mappe.relative_to(ROT)}/")


if __name__ == "__main__":
    main()
