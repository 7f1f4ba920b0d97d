"""Lists people shape: declared columns, chosen, ordered, sorted, filtered and grouped in the
address, so a view is a URL people can send.

A phase declares each list once (`Liste`: its columns, groupings, built-in views and page) and
registers it in its AppConfig.ready() with `liste_registrer`; the core knows a list only by its
key. What a person chooses lives in the query string:

- `kol=<key>`, once per column, in the order shown (none: the list's default columns);
- `grupper=<key>`: the rows grouped under a heading per value;
- `sorter=` and the filters: the list's own FilterSet (sorting through `portefolje.sortering`);
- `visning=<id>`: a saved view (`portefolje.models.Visning`); `visning=<code>`: a built-in one.
  Its query string is the base, and what the address sets on top of it wins;
- `sendt=1`: the list's own form sent every choice (prefilled from the view), so the address
  alone counts: a box the person unticked is not taken back from the view.

`oppsett(request, liste)` reads it back; `rader(...)` turns a page of objects into the cells
the shared table (`templates/partials/tabellvisning.html`) and the export both use, so the
XLSX has exactly the columns, filter and sort on screen.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from html import escape
from typing import Any
from urllib.parse import urlencode

from django.db.models import Case, F, IntegerField, Value, When
from django.http import QueryDict
from django.utils import timezone
from django.utils.formats import localize
from django.utils.safestring import SafeData, SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from portefolje.belop import kroner, tall
from portefolje.eksport import Kolonne as Eksportkolonne
from portefolje.models import Visning
from portefolje.permissions import kan_lese_visning
from portefolje.templatetags.farger import statusmerke

# Parameters that belong to one request, never to a view.
FLYKTIGE = ("side", "eksport", "visning", "flytt", "sendt")
# A query string longer than this is not a view anyone chose (the model's field holds 2000).
MAKS_SPORRING = 2000


@dataclass(frozen=True)
class Kolonne:
    """One column a person may choose.

    `verdi(objekt)` is the cell's value, as the page shows it and the export writes it; `art`
    says how it is shown: «tekst», «tall», «belop» (kroner), «dato» or «farge» (a status badge:
    `farge(objekt)` gives the colour beside the word `verdi` gives). `sortering` names the value
    the list's `SorteringMedId` sorts by (empty: not sortable); `standard` puts it in the
    default set; `radhode` makes it the row's heading, linked to `lenke(objekt)` when that gives
    an address; `merke(objekt)` a word shown as a badge after the value; `tilgang(user)` hides
    it from those who may not see it. `felt` names what the value reads from the list's query
    (fields, `relation__field` paths or annotations), so the query fetches only those.
    """

    nokkel: str
    tittel: Any
    verdi: Callable[[Any], Any]
    art: str = "tekst"
    farge: Callable[[Any], str | None] | None = None
    sortering: str = ""
    standard: bool = False
    bredde: int = 16
    radhode: bool = False
    lenke: Callable[[Any], str | None] | None = None
    merke: Callable[[Any], str] | None = None
    tilgang: Callable[[Any], bool] | None = None
    felt: tuple[str, ...] = ()


def etikett(felt: str, valg: dict | type) -> Callable[[Any], str]:
    """A cell value: the label of the object's `felt` among `valg` (a TextChoices class or a
    {value: label} dict), translated once per language rather than once per row (an export of
    20 000 rows spent more on re-translating lazy labels than on the rest)."""
    tabeller: dict[str, dict] = {}
    par = valg.items() if isinstance(valg, dict) else valg.choices

    def verdi(objekt) -> str:
        sprak = get_language()
        if sprak not in tabeller:
            tabeller[sprak] = {v: str(tekst) for v, tekst in par}
        return tabeller[sprak].get(getattr(objekt, felt), "")

    return verdi


@dataclass(frozen=True)
class Gruppering:
    """Rows grouped under a heading: sorted by `felt` first (in the order of the values in
    `rekkefolge` when given, e.g. the phases in the project model's order), the heading
    `tekst(objekt)`."""

    nokkel: str
    tittel: Any
    felt: str
    tekst: Callable[[Any], str]
    rekkefolge: tuple[str, ...] = ()

    def ordning(self):
        if not self.rekkefolge:
            return F(self.felt).asc(nulls_last=True)
        plass = [When(**{self.felt: v}, then=Value(i)) for i, v in enumerate(self.rekkefolge)]
        return Case(*plass, default=Value(len(plass)), output_field=IntegerField()).asc()


@dataclass(frozen=True)
class Innebygd:
    """A view the list comes with (a tab), as a query string."""

    tittel: Any
    sporring: str


@dataclass
class Liste:
    """A list people shape. `adresse()` is its page (the phase reverses its own URL)."""

    nokkel: str
    tittel: Any
    kolonner: list[Kolonne]
    adresse: Callable[[], str]
    grupperinger: list[Gruppering] = field(default_factory=list)
    innebygde: dict[str, Innebygd] = field(default_factory=dict)
    # The built-in view a bare address shows when no default view applies.
    forvalgt: str = ""

    def kolonne(self, nokkel: str) -> Kolonne | None:
        return next((k for k in self.kolonner if k.nokkel == nokkel), None)

    def sorterbare(self) -> tuple[str, ...]:
        """The values `?sorter=` accepts: for the list's `SorteringMedId`."""
        return tuple(dict.fromkeys(k.sortering for k in self.kolonner if k.sortering))


_lister: dict[str, Liste] = {}


def liste_registrer(liste: Liste) -> None:
    """A phase registers a list people can shape (in its AppConfig.ready())."""
    _lister[liste.nokkel] = liste


def liste_for(nokkel: str) -> Liste | None:
    return _lister.get(nokkel)


def tilgjengelige(liste: Liste, user) -> list[Kolonne]:
    """The columns this person may choose."""
    return [k for k in liste.kolonner if k.tilgang is None or k.tilgang(user)]


@dataclass
class Oppsett:
    """The view one request asks for: the chosen columns in order, the grouping, and the
    parameters the list's filters read (the saved or built-in view's, with the address's on
    top)."""

    liste: Liste
    kolonner: list[Kolonne]
    valgbare: list[tuple[Kolonne, bool]]
    gruppering: Gruppering | None
    parametre: QueryDict
    visning: Visning | None = None
    innebygd: str = ""
    melding: str = ""
    videre: str = ""  # where to send the browser after a «move column» button

    @property
    def fast(self) -> str:
        """The column that stays in view when the table scrolls sideways: the row's heading
        (the title) when chosen, else the first."""
        radhode = next((k for k in self.kolonner if k.radhode), None)
        return (radhode or self.kolonner[0]).nokkel if self.kolonner else ""

    @property
    def felt(self) -> set[str]:
        """What the chosen columns and the grouping read (`Kolonne.felt`, `Gruppering.felt`)."""
        felt = {f for k in self.kolonner for f in k.felt}
        if self.gruppering is not None:
            felt.add(self.gruppering.felt)
        return felt

    @property
    def sporring(self) -> str:
        """The choices as a query string, for saving as a view."""
        return urlencode(
            [(n, v) for n, vs in self.parametre.lists() if n not in FLYKTIGE for v in vs if v]
        )[:MAKS_SPORRING]

    @property
    def skjulte(self) -> list[tuple[str, str]]:
        """The columns and grouping as hidden fields, for a form that changes only the rest."""
        felt = [("kol", k.nokkel) for k in self.kolonner]
        if self.gruppering:
            felt.append(("grupper", self.gruppering.nokkel))
        return felt


def _grunnlag(request, liste: Liste) -> tuple[QueryDict, Visning | None, str, str]:
    """(base parameters, saved view, built-in code, message) for the address's `visning`."""
    kode = request.GET.get("visning", "")
    visning, melding = None, ""
    if kode.isdigit():
        visning = Visning.objects.select_related("portefolje").filter(pk=int(kode)).first()
        if visning is None or visning.liste != liste.nokkel:
            visning, melding = None, _("That view no longer exists. Showing the default view.")
        elif not kan_lese_visning(request.user, visning):
            visning, melding = None, _("That view is not shared with you. Showing the default.")
    elif kode in liste.innebygde:
        return QueryDict(liste.innebygde[kode].sporring), None, kode, ""
    elif not [n for n in request.GET if n not in ("side", "eksport")]:
        visning = standardvisning(request.user, liste.nokkel)
    if visning is not None:
        return QueryDict(visning.sporring), visning, "", ""
    if liste.forvalgt:
        return QueryDict(liste.innebygde[liste.forvalgt].sporring), None, liste.forvalgt, melding
    return QueryDict(), None, "", melding


def standardvisning(user, liste: str) -> Visning | None:
    """The default view of the first portfolio (by name) whose leader group the person sits in
    and that has one for this list."""
    if not user.is_authenticated:
        return None
    return (
        Visning.objects.filter(liste=liste, standard=True, portefolje__medlemskap__bruker=user)
        .select_related("portefolje")
        .order_by("portefolje__navn", "id")
        .first()
    )


def _flytt(kolonner: list[Kolonne], flytt: str) -> list[Kolonne]:
    """`flytt` is «<key>:opp» or «<key>:ned»: that column one place up or down."""
    nokkel, _skille, retning = flytt.partition(":")
    nokler = [k.nokkel for k in kolonner]
    if nokkel not in nokler:
        return kolonner
    i = nokler.index(nokkel)
    j = i - 1 if retning == "opp" else i + 1
    if 0 <= j < len(kolonner):
        kolonner = list(kolonner)
        kolonner[i], kolonner[j] = kolonner[j], kolonner[i]
    return kolonner


def oppsett(request, liste: Liste) -> Oppsett:
    """The view the request asks for (see the module's docstring)."""
    parametre, visning, innebygd, melding = _grunnlag(request, liste)
    parametre = QueryDict(mutable=True) if request.GET.get("sendt") else parametre.copy()
    for navn in request.GET:
        if navn not in FLYKTIGE:
            parametre.setlist(navn, request.GET.getlist(navn))
    mulige = {k.nokkel: k for k in tilgjengelige(liste, request.user)}
    valgt = [mulige[n] for n in dict.fromkeys(parametre.getlist("kol")) if n in mulige]
    if not valgt:
        valgt = [k for k in mulige.values() if k.standard]
    videre = ""
    if request.GET.get("flytt"):
        valgt = _flytt(valgt, request.GET["flytt"])
        parametre.setlist("kol", [k.nokkel for k in valgt])
        ny = [(n, v) for n, vs in parametre.lists() if n not in FLYKTIGE for v in vs]
        if request.GET.get("sendt"):
            ny.append(("sendt", "1"))
        if visning or innebygd:
            ny.append(("visning", str(visning.pk) if visning else innebygd))
        videre = f"{request.path}?{urlencode(ny)}#kolonnevalg"
    valgte = set(valgt)
    grupper = parametre.get("grupper", "")
    return Oppsett(
        liste=liste,
        kolonner=valgt,
        valgbare=[(k, True) for k in valgt]
        + [(k, False) for k in mulige.values() if k not in valgte],
        gruppering=next((g for g in liste.grupperinger if g.nokkel == grupper), None),
        parametre=parametre,
        visning=visning,
        innebygd=innebygd,
        melding=melding,
        videre=videre,
    )


def gruppert(qs, oppsett: Oppsett):
    """The rows ordered by the grouping's value first, then as the sort chose."""
    if oppsett.gruppering is None:
        return qs
    return qs.order_by(oppsett.gruppering.ordning(), *qs.query.order_by)


@dataclass
class Rad:
    objekt: Any
    celler: list[str]  # each cell's HTML, escaped
    gruppe: str | None = None  # the group's heading, on the first row of each group

    @property
    def html(self) -> SafeString:
        return mark_safe("".join(self.celler))  # noqa: S308 (each cell escaped by _e)


def _e(verdi) -> str:
    """`verdi` escaped as the template would (not twice when already safe). The standard
    library's escape, which Django's wraps: the lazy-string check around it cost more than
    the escaping, hundreds of times a page."""
    return verdi if isinstance(verdi, SafeData) else escape(str(verdi))


def _dato(verdi) -> str:
    # As the `date:"j.n.Y"` filter wrote it: day and month without leading zeros.
    if not isinstance(verdi, date):
        return "–"
    return f"{verdi.day}.{verdi.month}.{verdi.year:04d}"


def _tekst(verdi):
    # What `{{ verdi|default:"–" }}` shows: a number or date in the locale's format.
    if not verdi:
        return "–"
    return verdi if isinstance(verdi, str) else localize(verdi)


def _celle(kolonne: Kolonne, objekt, klasse: str) -> str:
    """One cell's HTML, escaped. Written in Python rather than by the template: a page of 50
    rows and ten columns rendered a template branch per cell, which cost more than the rest of
    the page."""
    verdi = kolonne.verdi(objekt)
    art = kolonne.art
    if art == "dato" and isinstance(verdi, datetime):
        verdi = timezone.localdate(verdi)
    if kolonne.radhode:
        lenke = kolonne.lenke(objekt) if kolonne.lenke else None
        merke = kolonne.merke(objekt) if kolonne.merke else ""
        innhold = _e(verdi if isinstance(verdi, str) else localize(verdi))
        if lenke:
            innhold = f'<a href="{_e(lenke)}">{innhold}</a>'
        if merke:
            innhold = f'{innhold} <span class="badge text-bg-dark">{_e(merke)}</span>'
        return f'<th scope="row" class="fast">{innhold}</th>'
    if art == "farge":
        if not verdi:
            return '<td><span class="text-body-secondary">–</span></td>'
        return f"<td>{statusmerke(kolonne.farge(objekt), verdi)}</td>"
    if art == "belop":
        return f'<td class="text-end text-nowrap">{_e(kroner(verdi))}</td>'
    if art == "tall":
        return f'<td class="text-end">{_e(tall(verdi) or "–")}</td>'
    if art == "dato":
        return f'<td class="text-nowrap">{_dato(verdi)}</td>'
    return f"<td{klasse}>{_e(_tekst(verdi))}</td>"


# The class attribute of a plain text cell: the column that stays in view, the first, the rest.
_FAST = ' class="fast text-nowrap"'
_FORSTE = ' class="text-nowrap"'
_ANDRE = ""


def _klasser(oppsett: Oppsett) -> list[str]:
    return [
        _FAST if k.nokkel == oppsett.fast else _FORSTE if i == 0 else _ANDRE
        for i, k in enumerate(oppsett.kolonner)
    ]


def rader(objekter: Iterable, oppsett: Oppsett) -> list[Rad]:
    """A page of objects as rows of cells for the shared table, group headings included."""
    ut, forrige = [], object()
    kolonner = list(zip(oppsett.kolonner, _klasser(oppsett), strict=True))
    for objekt in objekter:
        rad = Rad(objekt, [_celle(k, objekt, klasse) for k, klasse in kolonner])
        if oppsett.gruppering is not None:
            tekst = oppsett.gruppering.tekst(objekt) or "–"
            if tekst != forrige:
                rad.gruppe = forrige = tekst
        ut.append(rad)
    return ut


def eksportkolonner(oppsett: Oppsett) -> list[Eksportkolonne]:
    """The chosen columns, in order, for `portefolje.eksport.tabell_svar`."""
    return [Eksportkolonne(k.tittel, k.verdi, bredde=k.bredde) for k in oppsett.kolonner]
