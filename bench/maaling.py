"""Parts 1 and 2 of `make bench`: every page measured in-process, in a child per database.

A child loads the demo data into its own DATABASE_URL, then measures pages on request (one JSON
line per answer). Two children (large and xlarge) take turns page by page, so a busy machine
slows both alike.
"""

import json
import os
import statistics
import subprocess
import sys
import time

from bench.oppsett import GANGER, ROT, SIDER, STOR_TABELL, miljo

# The demo's people whose sessions the load run borrows (signed in before the meeting).
LASTBRUKERE = ("klg", "helseleder", "oppvekstleder", "samfunnsleder", "okonomisjef")


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


def _demodata(storrelse: str) -> tuple[float, dict]:
    """Migrate and load `demo_data --size storrelse`: the seconds it took, rows per table."""
    from django.core.management import call_command
    from django.db import connection

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
        return demo_sek, dict(c.fetchall())


def _okter(brukere: dict) -> dict:
    """Sessions for the load run: a sign-in costs a deliberately slow password hash, which is
    not what the run measures."""
    from django.test import Client

    okter = {}
    # The load run's KLG members, and every page's user for the pages over HTTP.
    for brukernavn in sorted({*LASTBRUKERE, *(bruker for _navn, bruker, _sti in SIDER)}):
        klient = Client()
        klient.force_login(brukere[brukernavn])
        okter[brukernavn] = klient.cookies["sessionid"].value
    return okter


def _mal_side(indeks: int, antall: int, *, ider, brukere, storrelser, klienter) -> dict:
    """`antall` requests of page `indeks`; the first time also its queries and scans."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

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
    return resultat


def maal(storrelse: str) -> None:
    """Child: load the demo data, then measure pages on request (one JSON line per answer).

    The parent sends «<page index> <requests>» lines; the child answers with the times, and
    with the query count and sequential scans the first time it measures a page.
    """
    import warnings

    # Static files come through the finders here; `make serve` collects them.
    warnings.filterwarnings("ignore", "No directory at", UserWarning)
    import django

    django.setup()
    from django.contrib.auth import get_user_model

    demo_sek, storrelser = _demodata(storrelse)
    ider = _plassholdere()
    brukere = {u.username: u for u in get_user_model().objects.all()}
    volum = {
        "innspill": storrelser.get("ideer_innspill", 0),
        "prosjekter": storrelser.get("prosjekter_prosjekt", 0),
        "statusrapporter": storrelser.get("prosjekter_statusrapport", 0),
    }
    oppsett = {"demo_sek": demo_sek, "ider": ider, "okter": _okter(brukere), "volum": volum}
    svar_ut = sys.stdout
    sys.stdout = sys.stderr  # nothing else may write on the protocol's line
    print(json.dumps(oppsett), file=svar_ut, flush=True)
    klienter = {}
    for linje in sys.stdin:
        indeks, antall = map(int, linje.split())
        resultat = _mal_side(
            indeks, antall, ider=ider, brukere=brukere, storrelser=storrelser, klienter=klienter
        )
        print(json.dumps(resultat), file=svar_ut, flush=True)


class Barn:
    """A measuring child on one database, spoken to line by line."""

    def __init__(self, storrelse: str, database_url: str):
        self.prosess = subprocess.Popen(
            [sys.executable, str(ROT / "bench" / "run.py"), "--maal", storrelse],
            cwd=ROT,
            env=miljo(database_url),
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


def database_x2(database_url: str) -> str:
    """`<name>_x2` beside the large database, made if missing."""
    import psycopg

    grunn, _, navn = database_url.rpartition("/")
    navn = navn.split("?")[0]
    ny = f"{navn}_x2"
    with psycopg.connect(f"{grunn}/postgres", autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [ny]).fetchone():
            conn.execute(f'CREATE DATABASE "{ny}"')
    return f"{grunn}/{ny}"
