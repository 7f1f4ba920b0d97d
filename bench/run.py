"""Benchmark of the portal's main pages at benchmark volume. Run on demand: `make bench`.

Loads `demo_data --size large` into the database in DATABASE_URL (use PostgreSQL: SQLite says
little about production), then requests each page several times as a demo user and prints the
median and worst time and the number of SQL queries. Prints figures; asserts nothing.

    DATABASE_URL=postgres://postgres@127.0.0.1/portal_bench make bench
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portefolje.settings")
os.environ.setdefault("DEBUG", "true")
os.environ.setdefault("LOG_LEVEL", "WARNING")  # the table, not the login log

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

# (what, user, path): the list pages whose query count must not grow with the data.
SIDER = [
    ("Startside", "klg", "/"),
    ("Ideer og bestillinger", "utvikler", "/ideer/"),
    ("Ideer, søk", "utvikler", "/ideer/?q=skole"),
    ("Konseptnotater", "utvikler", "/konseptnotater/"),
    ("Portefølje KLG", "klg", "/portefoljer/klg/"),
    ("Portefølje Helse og omsorg", "helseleder", "/portefoljer/helse-og-omsorg/"),
    ("Prosjektoversikt", "klg", "/prosjekter/"),
    ("Porteføljestatus", "klg", "/prosjekter/?visning=status"),
    ("Økonomi", "klg", "/prosjekter/?visning=okonomi"),
    ("Gevinstoversikt", "klg", "/prosjekter/gevinster/"),
    ("Risikooversikt", "klg", "/prosjekter/risiko/"),
    ("Ressursallokering", "klg", "/prosjekter/ressurser/"),
    ("Mine innspill", "ansatt", "/ideer/mine/"),
    ("Varsler", "prosjektleder", "/varsler/"),
]
GANGER = int(os.environ.get("BENCH_GANGER", "10"))


def main():
    settings.ALLOWED_HOSTS = ["*"]
    print(f"Database: {connection.vendor} {settings.DATABASES['default'].get('NAME')}")
    start = time.perf_counter()
    call_command("migrate", verbosity=0)
    call_command("demo_data", "--size", "large", "--force", stdout=open(os.devnull, "w"))  # noqa: SIM115
    print(f"Demodata (large) klare på {time.perf_counter() - start:.1f} s\n")

    brukere = {u.username: u for u in get_user_model().objects.all()}
    print(f"{'side':32} {'status':>6} {'median ms':>10} {'verste ms':>10} {'spørringer':>10}")
    for navn, brukernavn, sti in SIDER:
        klient = Client()
        klient.force_login(brukere[brukernavn])
        tider, status, antall = [], None, None
        for _ in range(GANGER):
            reset_queries()
            with CaptureQueriesContext(connection) as fanget:
                t0 = time.perf_counter()
                svar = klient.get(sti)
                tider.append((time.perf_counter() - t0) * 1000)
            status, antall = svar.status_code, len(fanget)
        median, verste = statistics.median(tider), max(tider)
        print(f"{navn:32} {status:>6} {median:>10.1f} {verste:>10.1f} {antall:>10}")


if __name__ == "__main__":
    main()
