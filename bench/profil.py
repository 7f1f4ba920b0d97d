"""Where one request's time goes, in figures a busy machine does not change much.

    DATABASE_URL=postgres://…/portal_bench .venv/bin/python bench/profil.py [path user] …

For each page (by default the KLG portfolio page as klg), in-process with DEBUG off on the demo
data already in DATABASE_URL (`demo_data --size large`): the query count, the CPU time of this
process (time.process_time, not wall-clock: what other processes do on the machine does not
count) as the median of interleaved rounds with the admin changelist of inputs (the ratio), and
a cProfile of one request: the functions with the largest cumulative share.
"""

import cProfile
import io
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.oppsett import ADMIN, miljo  # noqa: E402

RUNDER = int(os.environ.get("BENCH_RUNDER", "15"))
PROSJEKTET = (
    r"^(?!.*site-packages).*/(portefolje|ideer|konseptnotat|velge|prosjekter|rapporter|api)/"
)


def _ms(klient, sti) -> tuple[float, float]:
    """(CPU ms of this process, wall-clock ms) of one request."""
    t0, v0 = time.process_time(), time.perf_counter()
    svar = klient.get(sti)
    assert svar.status_code == 200, (sti, svar.status_code)
    return (time.process_time() - t0) * 1000, (time.perf_counter() - v0) * 1000


def _profil(klient, sti, linjer: int = 25) -> str:
    profil = cProfile.Profile()
    profil.enable()
    klient.get(sti)
    profil.disable()
    ut = io.StringIO()
    stats = pstats.Stats(profil, stream=ut)
    # The project's own functions (not Django's or the libraries'), largest cumulative first.
    stats.sort_stats("cumulative").print_stats(PROSJEKTET, linjer)
    return ut.getvalue()


def main(sider: list[tuple[str, str]]) -> None:
    os.environ.update(miljo(os.environ["DATABASE_URL"]))
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client

    brukere = {u.username: u for u in get_user_model().objects.all()}

    def klient_for(brukernavn):
        k = Client()
        k.force_login(brukere[brukernavn])
        return k

    admin = klient_for(ADMIN[1])
    for sti, brukernavn in sider:
        klient = klient_for(brukernavn)
        for _ in range(2):
            klient.get(sti)
            admin.get(ADMIN[2])
        fanget = []

        def tell(kall, sql, *args, fanget=fanget):
            t0 = time.perf_counter()
            try:
                return kall(sql, *args)
            finally:
                fanget.append((time.perf_counter() - t0) * 1000)

        with connection.execute_wrapper(tell):
            klient.get(sti)
        side, mal = [], []
        for _ in range(RUNDER):
            side.append(_ms(klient, sti))
            mal.append(_ms(admin, ADMIN[2]))
        cs, ca = (statistics.median(t[0] for t in x) for x in (side, mal))
        vs, va = (statistics.median(t[1] for t in x) for x in (side, mal))
        print(f"## {sti} som {brukernavn}\n")
        print(
            f"spørringer {len(fanget)} ({sum(fanget):.1f} ms i databasen); "
            f"CPU-tid i prosessen median {cs:.1f} ms mot adminens "
            f"{ca:.1f} ms (forhold {cs / ca:.2f}); veggklokke med databasen {vs:.1f} mot "
            f"{va:.1f} ms (forhold {vs / va:.2f}); {RUNDER} runder på tur\n"
        )
        print(_profil(klient, sti))


if __name__ == "__main__":
    argumenter = sys.argv[1:]
    par = list(zip(argumenter[::2], argumenter[1::2], strict=True))
    main(par or [("/portefoljer/klg/", "klg")])
