"""The minutes of a meeting: a page, the chair's approval, and a DOCX file for the archive."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from portefolje.eksport import docx_svar, filnavn
from portefolje.permissions import kan_se_arkiv
from velge import permissions, protokoll, selectors, services
from velge.forms import GodkjennProtokollForm
from velge.models import Protokollgodkjenning, Protokollregel
from velge.views import hent_mote


def _side(request, mote, *, form=None, status=200):
    kan_godkjenne = permissions.kan_beslutte(request.user, mote.portefolje)
    i_neste_mote = selectors.regel_for(mote.portefolje).protokoll == Protokollregel.NESTE_MOTE
    if form is None and kan_godkjenne and not i_neste_mote:
        form = GodkjennProtokollForm()
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
            "godkjenn_form": form,
            "i_neste_mote": i_neste_mote,
            "neste_mote": selectors.moter_rundt(mote)[1] if i_neste_mote else None,
        },
        status=status,
    )


def forrige_protokoll(request, mote) -> dict | None:
    """For the meeting page, when the portfolio approves minutes in its next meeting: the
    previous meeting, its approval (None while a draft), and for the chair of a meeting that is
    held, the form that approves them as an item in this one."""
    if selectors.regel_for(mote.portefolje).protokoll != Protokollregel.NESTE_MOTE:
        return None
    forrige = selectors.moter_rundt(mote)[0]
    if forrige is None:
        return None
    godkjenning = (
        Protokollgodkjenning.objects.filter(mote=forrige).select_related("godkjent_av").first()
    )
    mote_holdt = mote.dato <= timezone.localdate()
    kan = permissions.kan_beslutte(request.user, mote.portefolje) and mote_holdt
    return {
        "mote": forrige,
        "godkjenning": godkjenning,
        "mote_holdt": mote_holdt,
        "form": GodkjennProtokollForm(initial={"i_mote": mote.pk})
        if kan and godkjenning is None
        else None,
    }


@require_safe
def protokoll_view(request, slug, pk):
    return _side(request, hent_mote(slug, pk))


@require_POST
def protokoll_godkjenn_view(request, slug, pk):
    """The chair approves the minutes, after the meeting or as an item in the next one (then
    from that meeting's page); the meeting's decisions are published now."""
    mote = hent_mote(slug, pk)
    if not permissions.kan_beslutte(request.user, mote.portefolje):
        raise PermissionDenied
    form = GodkjennProtokollForm(request.POST)
    if form.is_valid():
        i_mote = form.cleaned_data["i_mote"]
        try:
            services.protokoll_godkjenn(mote=mote, aktor=request.user, i_mote=i_mote)
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
            if i_mote is not None:  # approved as an item: back to the meeting it was in
                return redirect("velge:mote", slug=slug, pk=i_mote.pk)
            return redirect("velge:protokoll", slug=slug, pk=mote.pk)
    return _side(request, mote, form=form, status=400)


@require_safe
def protokoll_docx_view(request, slug, pk):
    mote = hent_mote(slug, pk)
    return docx_svar(
        protokoll.som_docx(protokoll.protokoll_for(mote)),
        navn=filnavn("protokoll", mote.portefolje.slug, mote.dato),
    )
