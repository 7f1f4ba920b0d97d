"""The dependency rule of DESIGN.md: imports point one way along the flow.

portefolje (core) ← ideer ← konseptnotat ← portefolje.velge ← prosjekter. The portfolio core
must not import any phase; a phase must not import a later one.
"""

import ast
from pathlib import Path

ROT = Path(__file__).resolve().parents[1]

# What each package may import from the project's own packages.
TILLATT = {
    "ideer": {"portefolje", "ideer"},
    "konseptnotat": {"portefolje", "ideer", "konseptnotat"},
    "prosjekter": {"portefolje", "ideer", "konseptnotat", "prosjekter"},
}
# The Velge phase lives in the portefolje package but comes after Begrunne in the flow.
VELGE_MODULER = ("portefolje/velge/",)
KJERNE_TILLATT = {"portefolje"}
VELGE_TILLATT = {"portefolje", "ideer", "konseptnotat"}
EGNE = {"portefolje", "ideer", "konseptnotat", "prosjekter"}


def importerte_pakker(fil: Path) -> set[str]:
    tre = ast.parse(fil.read_text(encoding="utf-8"))
    navn = set()
    for node in ast.walk(tre):
        if isinstance(node, ast.Import):
            navn.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            navn.add(node.module.split(".")[0])
    return navn & EGNE


def kildefiler(pakke: str):
    for fil in (ROT / pakke).rglob("*.py"):
        relativ = fil.relative_to(ROT).as_posix()
        if "/migrations/" in relativ or "/tests/" in relativ:
            continue
        yield relativ, fil


def test_imports_point_along_the_flow():
    brudd = []
    for pakke in ["portefolje", *TILLATT]:
        for relativ, fil in kildefiler(pakke):
            if pakke == "portefolje":
                tillatt = VELGE_TILLATT if relativ.startswith(VELGE_MODULER) else KJERNE_TILLATT
            else:
                tillatt = TILLATT[pakke]
            for ulovlig in importerte_pakker(fil) - tillatt:
                brudd.append(f"{relativ} importerer {ulovlig}")
    assert not brudd, "Avhengigheter mot strømmen:\n" + "\n".join(brudd)
