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
