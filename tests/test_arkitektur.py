"""The shape of the tree that DESIGN.md promises, checked on every file so that it stays true.

- Imports point one way along the flow: portefolje (core) ← ideer ← konseptnotat ← velge ←
  prosjekter. The core imports no phase; a phase imports only the core and the phases before it.
  After the flow come the outputs — rapporter (dashboards and reports), offentlig (the public
  results) and api — which read every phase but not each other, and which no phase imports.
  Tests follow the same direction as the code they test; only the root `tests/` reads across.
- Only the project package's root URLconf and settings name the apps, by string. Nothing else
  in the core names a phase: no import, no URL name (`"velge:detalj"`), no template path; a
  phase plugs in by registering (portefolje/lenker.py, startside.py, paminnelser.py, varsler.py).
- No import cycle between the project's modules, counting every import, also those written
  inside a function (an import moved into a function still closes the circle, only later).
- Short modules and functions, so each reads in one sitting: no module over 400 lines and no
  function over 60 lines outside migrations and tests.

Each check names its offenders, so a failure says what to fix.
"""

import ast
import configparser
import re
from pathlib import Path

ROT = Path(__file__).resolve().parents[1]

FASER = ["portefolje", "ideer", "konseptnotat", "velge", "prosjekter"]
UTDATA = ["rapporter", "offentlig", "api"]
FLYT = FASER + UTDATA
# Project code that is not an app: the benchmark behind `make bench`.
ANDRE_PAKKER = ["bench"]
# What each package may import from the project's own packages: itself and what comes before it
# along the flow; each output may import every phase and itself.
TILLATT = {app: set(FASER[: i + 1]) for i, app in enumerate(FASER)}
TILLATT.update({app: set(FASER) | {app} for app in UTDATA})
# The root URLconf and the settings name the apps by design; nothing else in the core may.
KJERNENS_APPLISTER = ("portefolje/settings", "portefolje/urls.py")
NEDSTROMS = [app for app in FLYT if app != "portefolje"]

MAKS_LINJER_MODUL = 400
MAKS_LINJER_FUNKSJON = 60


def er_test(relativ: str) -> bool:
    return (
        relativ.startswith("tests/")
        or "/tests/" in relativ
        or relativ.endswith("conftest.py")
        or Path(relativ).name.startswith("test_")
    )


def pythonfiler(pakke: str, *, tester: bool = False):
    """(relative path, file) for each module of `pakke`, never migrations; tests only if asked."""
    for fil in sorted((ROT / pakke).rglob("*.py")):
        relativ = fil.relative_to(ROT).as_posix()
        if "/migrations/" in relativ or er_test(relativ) != tester:
            continue
        yield relativ, fil


def kildefiler(pakke: str):
    return pythonfiler(pakke, tester=False)


def modulnavn(relativ: str) -> str:
    deler = relativ.removesuffix(".py").split("/")
    return ".".join(deler[:-1] if deler[-1] == "__init__" else deler)


def alle_importer(tre: ast.AST, modul: str, *, er_pakke: bool, moduler: set[str]) -> set[str]:
    """The modules among `moduler` that `tre` imports, wherever the import is written (top
    level, a function, a branch), relative imports resolved. `from a import b` counts module a.b
    when there is one, else a (where b is defined); a name outside `moduler` counts the nearest
    enclosing module."""

    def naermeste(navn: str) -> str | None:
        while navn and navn not in moduler:
            navn = navn.rpartition(".")[0]
        return navn or None

    navn = set()
    for node in ast.walk(tre):
        if isinstance(node, ast.Import):
            navn.update(naermeste(alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = modul.split(".") if er_pakke else modul.split(".")[:-1]
                base = base[: len(base) - (node.level - 1)]
                fra = ".".join([*base, *([node.module] if node.module else [])])
            else:
                fra = node.module
            for alias in node.names:
                undermodul = f"{fra}.{alias.name}"
                navn.add(undermodul if undermodul in moduler else naermeste(fra))
    return navn - {None, modul}


def importgraf(pakker) -> dict[str, set[str]]:
    """Module → the project modules it imports."""
    filer = {modulnavn(relativ): fil for pakke in pakker for relativ, fil in kildefiler(pakke)}
    return {
        modul: alle_importer(
            ast.parse(fil.read_text(encoding="utf-8")),
            modul,
            er_pakke=fil.name == "__init__.py",
            moduler=set(filer),
        )
        for modul, fil in filer.items()
    }


def sykler(graf: dict[str, set[str]]) -> list[tuple[list[str], list[str]]]:
    """The import cycles of `graf`: each strongly connected group of two or more modules, with
    one closed path through it (a → b → … → a), so the message shows a circle to break."""
    indeks, lav, stabel, pa_stabel, grupper = {}, {}, [], set(), []

    def besok(start: str):
        # Tarjan's algorithm, iteratively, so a deep import chain cannot hit the recursion limit.
        arbeid = [(start, iter(sorted(graf.get(start, ()))))]
        indeks[start] = lav[start] = len(indeks)
        stabel.append(start)
        pa_stabel.add(start)
        while arbeid:
            node, naboer = arbeid[-1]
            for nabo in naboer:
                if nabo not in indeks:
                    indeks[nabo] = lav[nabo] = len(indeks)
                    stabel.append(nabo)
                    pa_stabel.add(nabo)
                    arbeid.append((nabo, iter(sorted(graf.get(nabo, ())))))
                    break
                if nabo in pa_stabel:
                    lav[node] = min(lav[node], indeks[nabo])
            else:
                arbeid.pop()
                if arbeid:
                    lav[arbeid[-1][0]] = min(lav[arbeid[-1][0]], lav[node])
                if lav[node] == indeks[node]:
                    gruppe = set()
                    while True:
                        medlem = stabel.pop()
                        pa_stabel.discard(medlem)
                        gruppe.add(medlem)
                        if medlem == node:
                            break
                    if len(gruppe) > 1:
                        grupper.append(gruppe)

    for node in sorted(graf):
        if node not in indeks:
            besok(node)
    return sorted((sorted(gruppe), _rundtur(graf, gruppe)) for gruppe in grupper)


def _rundtur(graf: dict[str, set[str]], gruppe: set[str]) -> list[str]:
    """A shortest closed path from the group's first module back to itself, inside the group."""
    start = min(gruppe)
    forrige = {start: None}
    ko = [start]
    while ko:
        node = ko.pop(0)
        for nabo in sorted(graf[node] & gruppe):
            if nabo == start:
                sti = [node]
                while forrige[sti[-1]] is not None:
                    sti.append(forrige[sti[-1]])
                return [*reversed(sti), start]
            if nabo not in forrige:
                forrige[nabo] = node
                ko.append(nabo)
    raise AssertionError(f"{sorted(gruppe)} er ingen sykel")


def importerte_apper(fil: Path) -> dict[str, int]:
    """The project's apps that `fil` imports, each with the line of its first import."""
    apper = {}
    for node in ast.walk(ast.parse(fil.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            navn = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            navn = [node.module]
        else:
            continue
        for app in {n.split(".")[0] for n in navn} & set(FLYT):
            apper[app] = min(apper.get(app, node.lineno), node.lineno)
    return apper


def test_imports_point_along_the_flow():
    brudd = []
    for pakke in FLYT:
        for relativ, fil in kildefiler(pakke):
            for ulovlig, linje in sorted(importerte_apper(fil).items()):
                if ulovlig not in TILLATT[pakke]:
                    brudd.append(f"{relativ}:{linje} importerer {ulovlig}")
    assert not brudd, "Avhengigheter mot strømmen:\n" + "\n".join(brudd)


def test_tests_point_along_the_flow_too():
    """An app's tests import only what the app itself may; a test that needs a later phase's
    objects belongs to that phase's tests, or to the root `tests/` that reads across."""
    brudd = []
    for pakke in FLYT:
        for relativ, fil in pythonfiler(pakke, tester=True):
            for ulovlig, linje in sorted(importerte_apper(fil).items()):
                if ulovlig not in TILLATT[pakke]:
                    brudd.append(f"{relativ}:{linje} importerer {ulovlig}")
    assert not brudd, "Tester mot strømmen:\n" + "\n".join(brudd)


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


def test_no_import_cycles():
    funnet = sykler(importgraf(FLYT + ANDRE_PAKKER))
    assert not funnet, "Importsykler (bryt én pil i hver):\n" + "\n".join(
        f"{', '.join(gruppe)}: {' → '.join(sti)}" for gruppe, sti in funnet
    )


# A string that names a later app: a URL name («velge:detalj»), a template or static path
# («velge/…»), a dotted path («velge.tasks.…»), an app label («velge»).
NAVNGIR_FASE = re.compile(rf"^({'|'.join(NEDSTROMS)})([:./]|$)")
# The same inside a template tag: {% url 'velge:…' %}, {% include "prosjekter/…" %}.
MAL_NAVNGIR_FASE = re.compile(rf"{{%[^%]*['\"]({'|'.join(NEDSTROMS)})[:/][^%]*%}}")


def strenger_i_koden(tre: ast.AST):
    """(line, text) of each string constant that is code, not a docstring or bare comment."""
    tekster = {
        id(node.value)
        for node in ast.walk(tre)
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
    }
    for node in ast.walk(tre):
        er_streng = isinstance(node, ast.Constant) and isinstance(node.value, str)
        if er_streng and id(node) not in tekster:
            yield node.lineno, node.value


def test_the_core_names_no_phase():
    brudd = []
    for relativ, fil in kildefiler("portefolje"):
        if relativ.startswith(KJERNENS_APPLISTER):
            continue
        tre = ast.parse(fil.read_text(encoding="utf-8"))
        for linje, tekst in strenger_i_koden(tre):
            if NAVNGIR_FASE.match(tekst):
                brudd.append(f"{relativ}:{linje} navngir {tekst!r}")
    for mal in sorted((ROT / "portefolje" / "templates").rglob("*")):
        if mal.is_file():
            for nr, linje in enumerate(mal.read_text(encoding="utf-8").splitlines(), start=1):
                for treff in MAL_NAVNGIR_FASE.finditer(linje):
                    brudd.append(f"{mal.relative_to(ROT).as_posix()}:{nr} {treff.group(0)}")
    assert not brudd, "Kjernen navngir en fase (la fasen registrere seg):\n" + "\n".join(brudd)


def lange_moduler_og_funksjoner() -> tuple[list[str], list[str]]:
    moduler, funksjoner = [], []
    for pakke in FLYT + ANDRE_PAKKER:
        for relativ, fil in kildefiler(pakke):
            tekst = fil.read_text(encoding="utf-8")
            if (linjer := len(tekst.splitlines())) > MAKS_LINJER_MODUL:
                moduler.append(f"{relativ}: {linjer} linjer")
            for node in ast.walk(ast.parse(tekst)):
                if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                    linjer = node.end_lineno - node.lineno + 1
                    if linjer > MAKS_LINJER_FUNKSJON:
                        funksjoner.append(f"{relativ}:{node.lineno} {node.name}: {linjer} linjer")
    return moduler, funksjoner


def test_no_long_modules():
    moduler, _ = lange_moduler_og_funksjoner()
    assert not moduler, f"Moduler over {MAKS_LINJER_MODUL} linjer:\n" + "\n".join(moduler)


def test_no_long_functions():
    _, funksjoner = lange_moduler_og_funksjoner()
    assert not funksjoner, f"Funksjoner over {MAKS_LINJER_FUNKSJON} linjer:\n" + "\n".join(
        funksjoner
    )


def test_every_apps_tests_are_collected_by_make_test():
    """`make test` (and CI) collects pytest's `testpaths`: an app missing there has tests that
    never run."""
    ini = configparser.ConfigParser()
    ini.read(ROT / "pytest.ini", encoding="utf-8")
    samlet = set(ini["pytest"]["testpaths"].split())
    med_tester = {pakke for pakke in FLYT if any((ROT / pakke).glob("tests/test_*.py"))}
    assert med_tester - samlet == set()
    assert "tests" in samlet


# The checks themselves, on a small tree of our own: a check that finds nothing proves nothing.


def test_an_import_inside_a_function_closes_a_cycle():
    moduler = {"pakke", "pakke.a", "pakke.b"}
    a = ast.parse("from pakke import b\n")
    b = ast.parse("def f():\n    from pakke.a import g\n    return g\n")
    assert alle_importer(a, "pakke.a", er_pakke=False, moduler=moduler) == {"pakke.b"}
    assert alle_importer(b, "pakke.b", er_pakke=False, moduler=moduler) == {"pakke.a"}
    graf = {"pakke.a": {"pakke.b"}, "pakke.b": {"pakke.a"}, "pakke.c": {"pakke.a"}}
    assert sykler(graf) == [(["pakke.a", "pakke.b"], ["pakke.a", "pakke.b", "pakke.a"])]


def test_relative_imports_are_resolved():
    moduler = {"app", "app.pakke", "app.pakke.modul", "app.pakke.sosken", "app.annen"}
    tre = ast.parse("from . import sosken\nfrom ..annen import x\nimport app.annen.y\n")
    navn = alle_importer(tre, "app.pakke.modul", er_pakke=False, moduler=moduler)
    assert navn == {"app.pakke.sosken", "app.annen"}


def test_a_longer_cycle_is_shown_as_one_closed_path():
    graf = {"a": {"b"}, "b": {"c"}, "c": {"a", "d"}, "d": set()}
    assert sykler(graf) == [(["a", "b", "c"], ["a", "b", "c", "a"])]
    assert sykler({"a": {"b"}, "b": set()}) == []


def test_a_url_name_or_template_path_naming_a_phase_is_caught():
    tre = ast.parse(
        '"""Docstrings may mention velge:detalj."""\n'
        'reverse("velge:detalj")\n'
        'render(r, "prosjekter/liste.html")\n'
        'reverse("portefolje:profil")\n'
    )
    treff = [tekst for _, tekst in strenger_i_koden(tre) if NAVNGIR_FASE.match(tekst)]
    assert treff == ["velge:detalj", "prosjekter/liste.html"]
    assert MAL_NAVNGIR_FASE.search("<a href=\"{% url 'velge:detalj' slug=p.slug %}\">")
    assert not MAL_NAVNGIR_FASE.search("{% url 'portefolje:profil' %}")
