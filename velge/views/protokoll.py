"""The minutes of a meeting: a page, and a DOCX file for the archive."""

from django.http import HttpResponse
from django.shortcuts import render
from django.utils.text import slugify
from django.views.decorators.http import require_safe

from velge import protokoll
from velge.views import hent_mote


@require_safe
def protokoll_view(request, slug, pk):
    mote = hent_mote(slug, pk)
    return render(
        request,
        "velge/protokoll.html",
        {"portefolje": mote.portefolje, "mote": mote, "p": protokoll.protokoll_for(mote)},
    )


@require_safe
def protokoll_docx_view(request, slug, pk):
    mote = hent_mote(slug, pk)
    innhold = protokoll.som_docx(protokoll.protokoll_for(mote))
    filnavn = f"protokoll-{slugify(mote.portefolje.slug)}-{mote.dato:%Y-%m-%d}.docx"
    svar = HttpResponse(
        innhold,
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    svar["Content-Disposition"] = f'attachment; filename="{filnavn}"'
    return svar
