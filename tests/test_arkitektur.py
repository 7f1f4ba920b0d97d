"""The dependency rule (docs/arkitektur.md): imports point one way along the flow, no exceptions.

portefolje (core) ← ideer ← konseptnotat ← velge ← prosjekter. The core imports no phase; a phase
imports only the core and the phases before it. After the flow come the outputs — rapporter
(dashboards and reports), offentlig (the public results) and api — which read every phase but not
each other, and which no phase imports. Only the project package's root URLconf and settings name
the apps, and they do so by string, not by import.
"""

import ast
from pathlib import Path

ROT = Path(__file__).resolve().parents[1]

FASER = ["portefolje", "ideer", "konseptnotat", "velge", "prosjekter"]
UTDATA = ["rapporter", "offentlig", "api"]
FLYT = FASER + UTDATA
# What each package may import from the project's own packages: itself and what comes before it
# along the flow; each output may import every phase and itself.
TILLATT = {app: set(FASER[: i + 1]) for i, app in enumerate(FASER)}
TILLATT.update({app: set(FASER) | {app} for app in UTDATA})


def importerte_pakker(fil: Path) -> set[str]:
    tre = ast.parse(fil.read_text(encoding="utf-8"))
    navn = set()
    for node in ast.walk(tre):
        if isinstance(node, ast.Import):
            navn.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            navn.add(node.module.split(".")[0])
    return navn & set(FLYT)


def kildefiler(pakke: str):
    for fil in (ROT / pakke).rglob("*.py"):
        relativ = fil.relative_to(ROT).as_posix()
        if "/migrations/" in relativ or "/tests/" in relativ:
            continue
        yield relativ, fil


def test_imports_point_along_the_flow():
    brudd = []
    for pakke in FLYT:
        for relativ, fil in kildefiler(pakke):
            for ulovlig in importerte_pakker(fil) - TILLATT[pakke]:
                brudd.append(f"{relativ} importerer {ulovlig}")
    assert not brudd, "Avhengigheter mot strømmen:\n" + "\n".join(brudd)


def test_migrations_depend_along_the_flow():
    """A migration may depend only on its own app, earlier phases and Django's apps."""
    brudd = []
    for pakke in FLYT:
        for fil in (ROT / pakke / "migrations").glob("0*.py"):
            for node in ast.walk(ast.parse(fil.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Tuple) and len(node.elts) == 2:
                    app = node.elts[0]
                    if (
                        isinstance(app, ast.Constant)
                        and app.value in FLYT
                        and app.value not in TILLATT[pakke]
                    ):
                        brudd.append(f"{pakke}/migrations/{fil.name} avhenger av {app.value}")
    assert not brudd, "Migreringer mot strømmen:\n" + "\n".join(brudd)


def test_every_apps_tests_are_collected_by_make_test():
    """`make test` (and CI) collects pytest's `testpaths`: an app missing there has tests that
    never run (rapporter, offentlig and api were once missing)."""
    import configparser

    ini = configparser.ConfigParser()
    ini.read(ROT / "pytest.ini", encoding="utf-8")
    samlet = set(ini["pytest"]["testpaths"].split())
    med_tester = {pakke for pakke in FLYT if any((ROT / pakke).glob("tests/test_*.py"))}
    assert med_tester - samlet == set()
    assert "tests" in samlet
