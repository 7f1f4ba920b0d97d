"""Impartiality: a member declares themselves disqualified on a note; the chair sets the
portfolio's decision rule (quorum and deputy chair)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from portefolje.models import Portefolje
from velge import permissions, selectors, services
from velge.forms import BeslutningsregelForm, InhabilitetForm
from velge.models import Agendapunkt
from velge.views import hent_mote


def inhabil_view(request, slug, pk, notat_pk):
    """The form on the scoring page, and its own page when the reason is missing."""
    mote = hent_mote(slug, pk)
    portefolje = mote.portefolje
    if not permissions.kan_vurdere(request.user, portefolje):
        raise PermissionDenied
    punkt = get_object_or_404(
        Agendapunkt.objects.select_related("notat"), mote=mote, notat_id=notat_pk
    )
    notat = punkt.notat
    form = InhabilitetForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.inhabilitet_erklaer(
                mote=mote, notat=notat, medlem=request.user, grunn=form.cleaned_data["grunn"]
            )
        except ValidationError as feil:
            form.add_error(None, feil if hasattr(feil, "error_dict") else feil.messages)
        else:
            messages.success(
                request,
                _("You are recorded as disqualified on «%(notat)s».") % {"notat": notat},
            )
            return redirect("velge:mote", slug=slug, pk=mote.pk)
    return render(
        request,
        "velge/inhabil.html",
        {"portefolje": portefolje, "mote": mote, "notat": notat, "inhabil_form": form},
    )


def beslutningsregel_view(request, slug):
    portefolje = get_object_or_404(Portefolje, slug=slug)
    if not permissions.kan_beslutte(request.user, portefolje):
        raise PermissionDenied
    regel = selectors.regel_for(portefolje)
    form = BeslutningsregelForm(
        request.POST or None,
        portefolje=portefolje,
        initial={
            "kvorum": regel.kvorum,
            "stedfortreder": regel.stedfortreder,
            "protokoll": regel.protokoll,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.beslutningsregel_lagre(
                portefolje=portefolje,
                kvorum=form.cleaned_data["kvorum"],
                stedfortreder=form.cleaned_data["stedfortreder"],
                aktor=request.user,
                protokoll=form.cleaned_data["protokoll"],
            )
        except ValidationError as feil:
            form.add_error(None, feil if hasattr(feil, "error_dict") else feil.messages)
        else:
            messages.success(request, _("The decision rule is saved."))
            return redirect(portefolje.get_absolute_url())
    return render(request, "velge/beslutningsregel.html", {"portefolje": portefolje, "form": form})
