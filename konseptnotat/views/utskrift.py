"""The print view for meeting packs, and the same page as a PDF (`portefolje.eksport`)."""

from django.http import Http404
from django.shortcuts import render
from django.template.loader import render_to_string
from django.views.decorators.http import require_safe

from konseptnotat import selectors
from konseptnotat.services import innhold_av
from konseptnotat.views.felles import hent_notat
from portefolje.eksport import filnavn, pdf_svar
from portefolje.spor import heltall_fra_get


def _innhold_og_versjon(request, notat):
    """`?versjon=<n>` prints that version (e.g. the frozen one); otherwise the note as saved."""
    if request.GET.get("versjon"):
        nummer = heltall_fra_get(request, "versjon", standard=0)
        versjon = selectors.versjon(notat, nummer)
        if versjon is None:
            raise Http404
        return versjon.innhold, versjon
    return innhold_av(notat), selectors.versjon(notat, notat.versjon)


@require_safe
def utskrift_view(request, pk):
    notat = hent_notat(request, pk)
    innhold, versjon = _innhold_og_versjon(request, notat)
    return render(
        request,
        "konseptnotat/utskrift.html",
        {"notat": notat, "innhold": innhold, "versjon": versjon},
    )


@require_safe
def pdf_view(request, pk):
    notat = hent_notat(request, pk)
    innhold, versjon = _innhold_og_versjon(request, notat)
    html = render_to_string(
        "konseptnotat/pdf.html",
        {"notat": notat, "innhold": innhold, "versjon": versjon},
        request=request,
    )
    return pdf_svar(
        html,
        stilark=["css/konseptnotat.css"],
        navn=filnavn("konseptnotat", notat.pk, notat.tittel[:60].lower()),
    )
