"""Every URL pattern in the project, and the access rules the apps declare for them.

Shared by the permission walk (test_tilgangsvandring.py), the form fuzzing (test_skjema_fuzz.py)
and the accessibility scan (browser/test_uu.py), so that a new page is covered by all three as
soon as its URL pattern exists.

The rules live in each app's `<app>/tests/tilgang.py` (format: `portefolje/tests/tilgang.py`);
this module takes the union over the apps that have one.

The functions in `EKSEMPEL_KWARGS` are called after `demo_data` has run, with keyword arguments
only, and return the URL kwargs for an existing object:

    def _eksempel_innspill(**_):
        return {"pk": Innspill.objects.order_by("pk").values_list("pk", flat=True).first()}

They may use the keyword argument `brukere` (a dict username → User of every demo user) and should
accept and ignore any others (`**_`), so that more can be added later. Most look the object up in
the database themselves, by a natural key of the demo data where one exists.
"""

import inspect
from dataclasses import dataclass, field
from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.views import static as django_static

from portefolje import eksport
from tests.demodata import demo_data_lag

ADMIN_NAVNEROM = "admin"


@dataclass(frozen=True)
class Rute:
    """One URL pattern, with its full name (`namespace:name`) and the kwargs it needs."""

    navn: str | None
    monster: str
    krever: tuple[str, ...]
    visning: object = field(compare=False, repr=False)

    @property
    def er_admin(self) -> bool:
        return self.monster.startswith(f"{ADMIN_NAVNEROM}/") or (self.navn or "").startswith(
            f"{ADMIN_NAVNEROM}:"
        )

    @property
    def er_statisk(self) -> bool:
        """Media and static files served by Django itself (only with DEBUG on)."""
        modul = getattr(self.visning, "__module__", "")
        return self.visning is django_static.serve or modul.startswith("django.contrib.staticfiles")


def alle_ruter(urlconf=None) -> list[Rute]:
    """Walk the URLconf recursively through every include."""
    ruter = []

    def gaa(monstre, navnerom: tuple[str, ...], prefiks: str):
        for monster in monstre:
            if isinstance(monster, URLResolver):
                ns = navnerom + ((monster.namespace,) if monster.namespace else ())
                gaa(monster.url_patterns, ns, prefiks + str(monster.pattern))
            elif isinstance(monster, URLPattern):
                navn = ":".join(navnerom + (monster.name,)) if monster.name else None
                krever = tuple(monster.pattern.regex.groupindex)
                ruter.append(Rute(navn, prefiks + str(monster.pattern), krever, monster.callback))

    gaa(get_resolver(urlconf).url_patterns, (), "")
    return ruter


def vandringens_ruter(urlconf=None) -> list[Rute]:
    """The routes the walk checks: all but Django's admin and static/media serving."""
    return [r for r in alle_ruter(urlconf) if not r.er_admin and not r.er_statisk]


@dataclass
class Regler:
    offentlige: set[str] = field(default_factory=set)
    alle_ansatte: set[str] = field(default_factory=set)
    alle_ansatte_post: set[str] = field(default_factory=set)
    eksempler: dict = field(default_factory=dict)
    kilder: list[str] = field(default_factory=list)

    @property
    def alle_navn(self) -> set[str]:
        return self.offentlige | self.alle_ansatte | self.alle_ansatte_post | set(self.eksempler)


def prosjektets_apper():
    rot = str(settings.BASE_DIR)
    return [a for a in apps.get_app_configs() if str(a.path).startswith(rot)]


def regler() -> Regler:
    """The union of every project app's `tests/tilgang.py`."""
    samlet = Regler()
    for app in prosjektets_apper():
        modulnavn = f"{app.name}.tests.tilgang"
        try:
            modul = import_module(modulnavn)
        except ModuleNotFoundError as feil:
            if feil.name is not None and modulnavn.startswith(feil.name):
                continue
            raise
        samlet.kilder.append(modulnavn)
        samlet.offentlige |= set(getattr(modul, "OFFENTLIGE", ()))
        samlet.alle_ansatte |= set(getattr(modul, "ALLE_ANSATTE", ()))
        samlet.alle_ansatte_post |= set(getattr(modul, "ALLE_ANSATTE_POST", ()))
        samlet.eksempler.update(getattr(modul, "EKSEMPEL_KWARGS", {}))
    return samlet


def lag_demo_data() -> dict:
    """Give the database the demo content (built once per process, tests/demodata.py) and return
    the demo objects the examples are called with."""
    demo_data_lag()
    brukere = {b.username: b for b in get_user_model().objects.all()}
    return {"brukere": brukere}


# Every PDF WeasyPrint made in this test process, by its HTML and stylesheets.
_PDFER: dict[tuple[str, tuple[str, ...]], bytes] = {}


def hver_pdf_en_gang(monkeypatch) -> None:
    """WeasyPrint makes each distinct document once per test process: the same HTML with the
    same stylesheets gives the same PDF, and the walks meet the same report, note or timeline as
    one role after another, and one walk after another (a second of CPU or more each). The view,
    its permission check and its HTML run every time; a document that differs (another reader,
    another report) is made."""
    ekte = eksport.html_til_pdf

    def html_til_pdf(html: str, *, stilark: list[str]) -> bytes:
        nokkel = (html, tuple(stilark))
        if nokkel not in _PDFER:
            _PDFER[nokkel] = ekte(html, stilark=stilark)
        return _PDFER[nokkel]

    monkeypatch.setattr(eksport, "html_til_pdf", html_til_pdf)


def eksempel_kwargs(funksjon, demo: dict) -> dict:
    """Call an EKSEMPEL_KWARGS function with the demo objects it accepts."""
    parametre = inspect.signature(funksjon).parameters.values()
    if any(p.kind is inspect.Parameter.VAR_KEYWORD for p in parametre):
        return funksjon(**demo)
    navn = {p.name for p in parametre}
    return funksjon(**{k: v for k, v in demo.items() if k in navn})


def adresse(rute: Rute, regelverk: Regler, demo: dict, urlconf=None) -> str | None:
    """The URL to test for a route; None when it needs kwargs and nobody gave an example."""
    if rute.navn is None:
        return None
    if not rute.krever:
        return reverse(rute.navn, urlconf=urlconf)
    if rute.navn not in regelverk.eksempler:
        return None
    return reverse(
        rute.navn, kwargs=eksempel_kwargs(regelverk.eksempler[rute.navn], demo), urlconf=urlconf
    )
