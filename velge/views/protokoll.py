"""The minutes of a meeting: a page, and a DOCX file for the archive."""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from portefolje.eksport import docx_svar, filnavn
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
    return docx_svar(
        protokoll.som_docx(protokoll.protokoll_for(mote)),
        navn=filnavn("protokoll", mote.portefolje.slug, mote.dato),
    )
