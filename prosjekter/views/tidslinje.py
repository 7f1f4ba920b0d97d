"""The portfolio timeline (`/prosjekter/tidslinje/`), its PDF for the meeting pack, and the
timeline on a project's page.

Server-rendered SVG, not a JavaScript timeline: no script to load or keep up to date, nothing
for the CSP to allow, the same picture on screen, on paper and in the PDF (WeasyPrint draws
inline SVG), and every shape is a link or has a `<title>`. The table under it holds the same
rows; the picture is drawn from them.
"""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.views.decorators.http import require_safe

from portefolje.eksport import filnavn, pdf_svar
from portefolje.spor import heltall_fra_get, side_fra_get
from prosjekter import selectors
from prosjekter.filters import TidslinjeFilter
from prosjekter.models import Prosjekt, Tilstand
from prosjekter.selectors.tidslinje import Tidslinjeorden, merk_lesbare_programmer
from prosjekter.tidslinje import ZOOM, Akse, tegn, vindu


def bilde_for(rader, *, zoom: str = "ar", forskyvning: int = 0) -> dict:
    """The picture of these rows: the axis's window from their dates, then every shape."""
    idag = timezone.localdate()
    datoer = [d for r in rader for d in (r.start, r.slutt) if d]
    fra, til = vindu(zoom=zoom, idag=idag, datoer=datoer, forskyvning=forskyvning)
    return tegn(rader, akse=Akse(fra, til, zoom), idag=idag)


# The page draws this many projects at a time: a thousand bars are neither readable nor quick
# at scale. The counts above the picture, and the PDF for the meeting pack, cover them all.
PER_SIDE = 50


def _innhold(request, *, per_side: int | None = None) -> tuple[dict, int]:
    filter_ = TidslinjeFilter(
        request.GET, queryset=Prosjekt.objects.synlige_for(request.user), bruker=request.user
    )
    status, prosjekter, orden, rader = 200, None, Tidslinjeorden(), []
    if not filter_.is_valid():
        # A choice outside what the reader may see: say so at the field and show nothing,
        # rather than quietly showing everything else.
        status = 400
    else:
        prosjekter = filter_.qs
        if not filter_.form.cleaned_data.get("tilstand"):
            prosjekter = prosjekter.exclude(tilstand__in=[Tilstand.AVSLUTTET, Tilstand.STOPPET])
        # The order of them all is cheap; the full rows are built for the page's projects only.
        orden = selectors.tidslinjeorden(prosjekter)
    zoom = request.GET.get("zoom") if request.GET.get("zoom") in ZOOM else "ar"
    forskyvning = heltall_fra_get(request, "flytt", standard=0, minst=-40, hoyst=40)
    side, ider = None, orden.ider
    if per_side:
        side = Paginator(orden.ider, per_side).get_page(side_fra_get(request))
        ider = list(side.object_list)
    glipper = 0
    if prosjekter is not None:
        rader = selectors.tidslinjerader(prosjekter, orden=orden, ider=ider)
        merk_lesbare_programmer(rader, request.user)
        glipper = selectors.antall_glipper(prosjekter)
    return {
        "filter": filter_,
        "rader": rader,
        "side": side,
        "antall": len(orden.ider),
        "bilde": bilde_for(rader, zoom=zoom, forskyvning=forskyvning),
        "zoom": zoom,
        "flytt": forskyvning,
        "glipper": glipper,
        "planlagte": orden.planlagte,
        "idag": timezone.localdate(),
    }, status


@require_safe
def tidslinje_view(request):
    """Every employee may open it; it shows the projects the reader may read."""
    innhold, status = _innhold(request, per_side=PER_SIDE)
    return render(request, "prosjekter/tidslinje.html", innhold, status=status)


@require_safe
def tidslinje_pdf_view(request):
    """The same timeline and table as a PDF (A3 landscape) for the meeting pack; 503 when the
    server lacks Pango (the print view, A3 landscape, does the same)."""
    innhold, status = _innhold(request)
    if status != 200:
        return render(request, "prosjekter/tidslinje.html", innhold, status=status)
    html = render_to_string("prosjekter/tidslinje_pdf.html", innhold, request=request)
    return pdf_svar(
        html,
        stilark=["css/farger.css", "css/tidslinje.css"],
        navn=filnavn("tidslinje", timezone.localdate()),
    )


def prosjekt_tidslinje(prosjekt, bruker) -> dict:
    """A project's page: its own row on the timeline, and its dependencies both ways."""
    rader = selectors.tidslinjerader(Prosjekt.objects.filter(pk=prosjekt.pk))
    merk_lesbare_programmer(rader, bruker)
    return {
        "tidslinje_rader": rader,
        "tidslinje_bilde": bilde_for(rader),
        **selectors.avhengigheter_for(prosjekt),
    }
