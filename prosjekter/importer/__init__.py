"""Bringing a municipality's portfolio in: projects from Microsoft Project's XML (MSPDI) and
Prosjektportalen 365's Excel exports.

- `msproject`, `prosjektportalen` (with `kolonner` and `pp_rader`): a file as a `plan.Plan`,
  the rows it would create or update and the problems found, nothing written;
- `batch`: preview, import (idempotent by the source's key) and undo of a whole batch;
- `skriving`: one row written the way the screens write it.
"""
