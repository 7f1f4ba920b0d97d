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
