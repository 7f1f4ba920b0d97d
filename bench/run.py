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
3. **Over HTTP**: `make serve` (gunicorn as in production, DEBUG off) on the large database:
   every page as its user, interleaved with the admin changelist (bench/over_http.py); Locust,
   headless, 50 users for 60 s on the meeting-morning mix (bench/locustfile.py), with requests
   per second per core; then Lighthouse (mobile) on five pages.

Asserts nothing (timed tests would be flaky on a shared machine); it marks each target met or not.
Adding a page is one line in SIDER. Placeholders in a path ({mote}, {notat}, {prosjekt},
{seksjon}) are filled from the demo data (see `_plassholdere`).
"""

import argparse
import json
import os
import sys
from datetime import UTC, datetime
from pathlib import Path

# Run as a script (`python bench/run.py`): the project root on the path, for `bench.*` and the
# apps the measuring child sets up.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.last import last  # noqa: E402
from bench.maaling import LASTBRUKERE, Barn, database_x2, maal, mal_sider  # noqa: E402
from bench.oppsett import GANGER, LAST_BRUKERE, LAST_SEKUNDER, RESULTATER, ROT, SIDER  # noqa: E402
from bench.rapport import rapport  # noqa: E402


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
        barn.append(Barn("xlarge", database_x2(database_url)))
    if not args.bare_last:
        print(f"Måler {len(SIDER)} sider, {GANGER} forespørsler hver, på tur mellom databasene …")
    resultater = [{**b.oppsett, "sider": []} for b in barn] if args.bare_last else mal_sider(barn)
    for b in barn:
        b.avslutt()
    large, x2 = resultater[0], (resultater[1] if len(resultater) > 1 else None)

    def skriv(over_http):
        tekst = rapport(large, x2, over_http)
        (mappe / "rapport.md").write_text(tekst)
        (mappe / "resultat.json").write_text(
            json.dumps({"large": large, "xlarge": x2, **(over_http or {})}, indent=1)
        )
        return tekst

    tekst = skriv(None)
    if not args.uten_last:
        print(f"make serve: HTTP, {LAST_BRUKERE} brukere i {LAST_SEKUNDER} s, Lighthouse …")
        tekst = skriv(last(database_url, large, mappe, lastbrukere=LASTBRUKERE))
    print()
    print(tekst)
    print(f"Skrevet til {mappe.relative_to(ROT)}/")


if __name__ == "__main__":
    main()
