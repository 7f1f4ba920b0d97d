"""Demo content that is mostly literals lives in `<app>/demodata/<name>.json`, read here.

The `<app>/demo.py` modules keep the steps (what is made, in which order, through which
services); the files keep the words. JSON, so no extra dependency: lists stay lists, and the
demo code unpacks them as it did tuples.
"""

import json
from functools import cache
from pathlib import Path

from django.apps import apps


@cache
def les(app: str, navn: str):
    """The parsed content of `<app>/demodata/<navn>.json` (cached: the files never change)."""
    fil = Path(apps.get_app_config(app).path) / "demodata" / f"{navn}.json"
    with fil.open(encoding="utf-8") as f:
        return json.load(f)


# `demo_data --size`: «large» is benchmark volume (20 000 inputs, 1 000 projects with five
# years of monthly reports, 400 notes awaiting KLG); «xlarge» twice that, to show how the cost
# of each page grows with the data (bench/run.py).
VOLUMFAKTOR = {"normal": 0, "large": 1, "xlarge": 2}


def volumfaktor(storrelse: str) -> int:
    """How many times the benchmark volume `storrelse` asks for (0: none)."""
    return VOLUMFAKTOR[storrelse]


def masseinnsett(modell, objekter: list, *, batch_size: int = 5000) -> None:
    """Insert unsaved `objekter` of `modell` fast: PostgreSQL's COPY, else bulk_create.

    For benchmark volume only. Like bulk_create it skips save() and signals; unlike it, the
    objects get no primary keys back (look them up by a natural key afterwards). Fields with
    auto_now/auto_now_add get the current time, as bulk_create gives them.
    """
    from django.db import connection

    if connection.vendor != "postgresql":
        modell.objects.bulk_create(objekter, batch_size=batch_size)
        return
    felter = [f for f in modell._meta.concrete_fields if not f.primary_key]
    kolonner = ", ".join(connection.ops.quote_name(f.column) for f in felter)
    tabell = connection.ops.quote_name(modell._meta.db_table)
    with connection.cursor() as cursor:
        raa = cursor.cursor  # psycopg's own cursor, for COPY
        with raa.copy(f"COPY {tabell} ({kolonner}) FROM STDIN") as copy:
            for objekt in objekter:
                copy.write_row(
                    [f.get_db_prep_save(f.pre_save(objekt, add=True), connection) for f in felter]
                )
