"""/rapporter/beslutningskvalitet/: looking back on the portfolio's decisions («did the notes
we chose deliver what they promised?»), for the portfolios' roles and the development team."""

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from portefolje.diagram import Diagram, Serie
from portefolje.spor import side_fra_get
from rapporter import beslutningskvalitet as bk
from rapporter import selectors


def _diagram(grupper) -> Diagram:
    """Drawn from the same band rows as the table beside it."""
    return Diagram(
        id="beslutningskvalitet-skarband",
        tittel=_(
            "Benefit realisation and cost against expected, per score band, the same figures "
            "as in the table"
        ),
        type="bar",
        etiketter=[g.navn for g in grupper],
        serier=[
            Serie(navn=_("Benefit realisation (mean)"), verdier=[g.gevinst for g in grupper]),
            Serie(
                navn=_("Cost as a percentage of expected (mean)"),
                verdier=[g.kostnad for g in grupper],
            ),
        ],
        enhet="%",
    )


@require_safe
def beslutningskvalitet_view(request):
    if not bk.kan_se(request.user):
        raise PermissionDenied
    portefoljer = bk.synlige_portefoljer(request.user)
    slug = request.GET.get("portefolje", "")
    valgt = next((p for p in portefoljer if p.slug == slug), None)
    utvalg = [valgt] if valgt else portefoljer
    rader, antall_godkjente = selectors.beslutningskvalitet(request.user, utvalg)
    skarband = bk.etter_skarband(rader)
    return render(
        request,
        "rapporter/beslutningskvalitet.html",
        {
            "portefoljer": portefoljer,
            "valgt": valgt,
            "alle": bk.alle(rader),
            # A pattern across bands needs enough projects in every band, not only in total.
            "for_fa": any(g.fa for g in skarband),
            "antall_godkjente": antall_godkjente,
            "skarband": skarband,
            "per_portefolje": bk.etter_portefolje(rader),
            "diagram": _diagram(skarband),
            "side": Paginator(rader, 50).get_page(side_fra_get(request)),
            "fa_grense": bk.FA_PROSJEKTER,
        },
    )
