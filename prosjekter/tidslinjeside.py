"""What the timeline page (`/prosjekter/tidslinje/`) and its PDF show, for one reader and one
query string: the filter, the counts, one page of rows (or all of them for the PDF) and the
picture drawn from them.

What every reader's timeline is computed from is kept in the cache under the data version
(`portefolje.hurtigbuffer`): the order of all projects with the start plans' proposals, each set
of rows and its rendered picture and table, and the late dependencies per project. What each
reader may see is never cached: the reader's projects are found by the visibility rule on every
request (one light query), and only their rows are taken from the cache.
`ProsjekterConfig.ready` connects `endret()` to every model these are built from.
"""

import hashlib
from datetime import date
from types import SimpleNamespace

from django.core.paginator import Paginator
from django.http import QueryDict
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import get_language

from portefolje.hurtigbuffer import bufret
from portefolje.spor import heltall_fra_get, side_fra_get
from prosjekter import selectors
from prosjekter.filters import TidslinjeFilter
from prosjekter.models import Prosjekt, Tilstand
from prosjekter.selectors.tidslinje import Tidslinjeorden, merk_lesbare_programmer
from prosjekter.tidslinje import ZOOM, Akse, tegn, vindu

# The page draws this many projects at a time: a thousand bars are neither readable nor quick
# at scale. The counts above the picture, and the PDF for the meeting pack, cover them all.
PER_SIDE = 50

# The query string's keys that change what the timeline shows (the page number does not change
# the PDF, which holds every row).
UTVALG = ("portefolje", "tjenesteomrade", "fase", "tilstand", "program", "zoom", "flytt")


def utvalg_fra(get) -> str:
    """The query string of what is shown, in a fixed order: the key of a timeline PDF."""
    deler = QueryDict(mutable=True)
    for nokkel in UTVALG:
        verdi = get.get(nokkel, "").strip()
        if verdi:
            deler[nokkel] = verdi
    return deler.urlencode()[:500]


def bilde_for(rader, *, zoom: str = "ar", forskyvning: int = 0) -> dict:
    """The picture of these rows: the axis's window from their dates, then every shape."""
    idag = timezone.localdate()
    datoer = [d for r in rader for d in (r.start, r.slutt) if d]
    fra, til = vindu(zoom=zoom, idag=idag, datoer=datoer, forskyvning=forskyvning)
    return tegn(rader, akse=Akse(fra, til, zoom), idag=idag)


def _navn(hva: str, *deler) -> str:
    # Today is part of every name: the start plans' proposals begin at this month.
    return ":".join(["tidslinje", hva, str(timezone.localdate()), *map(str, deler)])


def _alle_nokler() -> tuple[dict, dict, int]:
    return selectors.tidslinjenokler(Prosjekt.objects.all())


def _orden(prosjekter) -> Tidslinjeorden:
    """The timeline's order for the reader's projects: the reader's ids and states (one light
    query), sorted by the cached keys of every project."""
    nokler, planer, _planlagte = bufret(_navn("nokler"), _alle_nokler)
    synlige = list(prosjekter.order_by().values_list("pk", "tilstand"))
    if any(pk not in nokler for pk, _tilstand in synlige):
        # Saved after the keys were computed, in this same request's transaction.
        nokler, planer, _planlagte = selectors.tidslinjenokler(prosjekter)
    return Tidslinjeorden(
        ider=sorted((pk for pk, _tilstand in synlige), key=nokler.__getitem__),
        planer=planer,
        planlagte=sum(1 for _pk, tilstand in synlige if tilstand == Tilstand.IKKE_STARTET),
    )


def _rader(orden: Tidslinjeorden, ider: list[int]) -> list:
    """The rows of these projects (all visible to the reader: `ider` come from the reader's
    query in this request), cached per set of projects and language (the rows hold texts)."""
    if not ider:
        return []
    return bufret(
        _navn("rader", get_language(), _fingeravtrykk(ider)),
        lambda: selectors.tidslinjerader(Prosjekt.objects.all(), orden=orden, ider=ider),
    )


def _fingeravtrykk(deler) -> str:
    return hashlib.sha256(",".join(map(str, deler)).encode()).hexdigest()


def tegning(side: dict) -> str:
    """The picture and the table of the page's rows as HTML, rendered once for the same rows,
    window and day, language and programmes the reader may open (their names are links): the
    rows are the reader's own, found by the visibility rule in this request."""
    rader = side["rader"]
    navn = _navn(
        "html",
        get_language(),
        side["zoom"],
        side["flytt"],
        _fingeravtrykk(r.prosjekt.pk for r in rader),
        _fingeravtrykk(sorted({r.gruppe for r in rader if r.program_lesbar})),
    )
    return bufret(
        navn, lambda: render_to_string("prosjekter/partials/tidslinje_tegning.html", side)
    )


def _glipper(ider: list[int]) -> int:
    per_prosjekt = bufret(
        _navn("glipper"), lambda: selectors.glipper_per_prosjekt(Prosjekt.objects.all())
    )
    return sum(per_prosjekt.get(pk, 0) for pk in ider)


def innhold(get, bruker, *, per_side: int | None = None, side: str | None = None):
    """(The template's context, the HTTP status) for `bruker` and the query string `get`."""
    filter_ = TidslinjeFilter(get, queryset=Prosjekt.objects.synlige_for(bruker), bruker=bruker)
    status, orden, rader, glipper, sideobjekt = 200, Tidslinjeorden(), [], 0, None
    if not filter_.is_valid():
        # A choice outside what the reader may see: say so at the field and show nothing,
        # rather than quietly showing everything else.
        status = 400
    else:
        prosjekter = filter_.qs
        if not filter_.form.cleaned_data.get("tilstand"):
            prosjekter = prosjekter.exclude(tilstand__in=[Tilstand.AVSLUTTET, Tilstand.STOPPET])
        orden = _orden(prosjekter)
        ider = orden.ider
        if per_side:
            sideobjekt = Paginator(orden.ider, per_side).get_page(side)
            ider = list(sideobjekt.object_list)
        rader = _rader(orden, ider)
        merk_lesbare_programmer(rader, bruker)
        glipper = _glipper(orden.ider)
    zoom = get.get("zoom") if get.get("zoom") in ZOOM else "ar"
    forskyvning = heltall_fra_get(
        SimpleNamespace(GET=get), "flytt", standard=0, minst=-40, hoyst=40
    )
    idag: date = timezone.localdate()
    return {
        "filter": filter_,
        "rader": rader,
        "side": sideobjekt,
        "antall": len(orden.ider),
        "bilde": bilde_for(rader, zoom=zoom, forskyvning=forskyvning),
        "zoom": zoom,
        "flytt": forskyvning,
        "glipper": glipper,
        "planlagte": orden.planlagte,
        "idag": idag,
    }, status


def side_for(request, *, per_side: int = PER_SIDE):
    """The page's context (with the rendered picture and table, `tegning`) and status."""
    side, status = innhold(request.GET, request.user, per_side=per_side, side=side_fra_get(request))
    side["tegning"] = tegning(side)
    return side, status
