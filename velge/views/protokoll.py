"""The minutes of a meeting: a page, the chair's approval, and a DOCX file for the archive."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from portefolje.eksport import docx_svar, filnavn
from portefolje.permissions import kan_se_arkiv
from velge import permissions, protokoll, services
from velge.forms import GodkjennProtokollForm
from velge.views import hent_mote


def _side(request, mote, *, form=None, status=200):
    kan_godkjenne = permissions.kan_beslutte(request.user, mote.portefolje)
    return render(
        request,
        "velge/protokoll.html",
        {
            "portefolje": mote.portefolje,
            "mote": mote,
            "p": protokoll.protokoll_for(mote),
            "kan_godkjenne": kan_godkjenne,
            "kan_se_arkiv": kan_se_arkiv(request.user, mote.portefolje),
            "mote_holdt": mote.dato <= timezone.localdate(),
            "godkjenn_form": form or (GodkjennProtokollForm() if kan_godkjenne else None),
        },
        status=status,
    )


@require_safe
def protokoll_view(request, slug, pk):
    return _side(request, hent_mote(slug, pk))


@require_POST
def protokoll_godkjenn_view(request, slug, pk):
    """The chair approves the minutes; the meeting's decisions are published now."""
    mote = hent_mote(slug, pk)
    if not permissions.kan_beslutte(request.user, mote.portefolje):
        raise PermissionDenied
    form = GodkjennProtokollForm(request.POST)
    if form.is_valid():
        try:
            services.protokoll_godkjenn(mote=mote, aktor=request.user)
        except ValidationError as feil:
            form.add_error(None, feil)
        else:
            messages.success(
                request,
                _(
                    "The minutes are approved. The decisions and their public justification are "
                    "now on the public record."
                ),
            )
            return redirect("velge:protokoll", slug=slug, pk=mote.pk)
    return _side(request, mote, form=form, status=400)


@require_safe
def protokoll_docx_view(request, slug, pk):
    mote = hent_mote(slug, pk)
    return docx_svar(
        protokoll.som_docx(protokoll.protokoll_for(mote)),
        navn=filnavn("protokoll", mote.portefolje.slug, mote.dato),
    )
