"""The print view for meeting packs, and the same page as a PDF (WeasyPrint)."""

from django.contrib.staticfiles import finders
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from konseptnotat import selectors
from konseptnotat.services import innhold_av
from konseptnotat.views.felles import hent_notat
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


def _ingen_nettverk(url, *args, **kwargs):
    # The PDF is made from our own escaped HTML and stylesheet: nothing may be fetched.
    raise ValueError(f"Henting av {url} er ikke tillatt i PDF-er.")


@require_safe
def pdf_view(request, pk):
    notat = hent_notat(request, pk)
    innhold, versjon = _innhold_og_versjon(request, notat)
    html = render_to_string(
        "konseptnotat/pdf.html",
        {"notat": notat, "innhold": innhold, "versjon": versjon},
        request=request,
    )
    try:
        import weasyprint
    except OSError:  # the system's Pango libraries are missing
        return HttpResponse(
            _("PDF is not available on this server. Use the print view and «Save as PDF»."),
            status=503,
            content_type="text/plain; charset=utf-8",
        )
    css = [weasyprint.CSS(filename=finders.find("css/konseptnotat.css"))]
    pdf = weasyprint.HTML(string=html, url_fetcher=_ingen_nettverk).write_pdf(stylesheets=css)
    svar = HttpResponse(pdf, content_type="application/pdf")
    navn = slugify(notat.tittel)[:60] or "konseptnotat"
    svar["Content-Disposition"] = f'attachment; filename="konseptnotat-{notat.pk}-{navn}.pdf"'
    return svar
