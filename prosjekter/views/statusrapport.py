"""Status reports: a new one starts from the last; drafts are saved and published; published are
read-only (a POST to one is refused, whatever the URL)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from portefolje.eksport import filnavn, pdf_svar
from portefolje.overganger import UlovligOvergang
from portefolje.samtidighet import Konflikt
from portefolje.skjema import engangsnokkel, feil_til_skjema, opprett_en_gang
from prosjekter import permissions, services
from prosjekter.forms import NyStatusrapportForm, PubliserForm, StatusrapportForm
from prosjekter.models import Rapporttilstand
from prosjekter.overganger import kan_publisere
from prosjekter.oyeblikksbilde import bilde_les
from prosjekter.selectors.status import publiserte_rapporter
from prosjekter.views.felles import hent_prosjekt


def rapport_ny_view(request, pk):
    """«New status report»: the form, filled from the last published report; the draft is
    created on its first save. A project with a draft already continues that one."""
    prosjekt = hent_prosjekt(request, pk, skrive=True)
    utkast = prosjekt.statusrapporter.filter(tilstand=Rapporttilstand.UTKAST).first()
    if utkast is not None and request.method != "POST":
        return redirect("prosjekter:rapport", pk=prosjekt.pk, rapport_pk=utkast.pk)
    forslag = services.statusrapport_forslag(prosjekt=prosjekt, aktor=request.user)
    form = NyStatusrapportForm(request.POST or None, instance=forslag, bruker=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            rapport, _ny = opprett_en_gang(
                nokkel=engangsnokkel(request, form.cleaned_data.get("skjema_nokkel")),
                opprett=lambda: services.statusrapport_ny(
                    prosjekt=prosjekt, aktor=request.user, data=form.cleaned_data
                ),
            )
        except ValidationError as feil:
            feil_til_skjema(form, feil)
        else:
            return _lagret(request, prosjekt, rapport)
    return _skjema(request, prosjekt, forslag, form)


def rapport_view(request, pk, rapport_pk):
    """A published report to read; a draft to write, save and publish (its people only)."""
    prosjekt = hent_prosjekt(request, pk)
    rapport = get_object_or_404(prosjekt.statusrapporter, pk=rapport_pk)
    kan_redigere = permissions.kan_redigere(request.user, prosjekt)
    if request.method == "POST" and not kan_redigere:
        raise PermissionDenied
    if rapport.er_publisert:
        return _publisert(request, prosjekt, rapport)
    if not kan_redigere:
        raise PermissionDenied
    form = StatusrapportForm(request.POST or None, instance=rapport, bruker=request.user)
    if request.method == "POST" and form.is_valid():
        svar = _lagre_utkast(request, prosjekt, rapport, form)
        if svar is not None:
            return svar
    return _skjema(request, prosjekt, rapport, form)


def _skjema(request, prosjekt, rapport, form):
    # The period the report covers: from the last published report (or the project's start)
    # until today, when it is written.
    forrige = (
        publiserte_rapporter(prosjekt)
        .exclude(pk=rapport.pk)
        .values_list("publisert", flat=True)
        .first()
    )
    return render(
        request,
        "prosjekter/rapport.html",
        {
            "prosjekt": prosjekt,
            "rapport": rapport,
            "form": form,
            "forrige": timezone.localdate(forrige) if forrige else None,
            "periode_til": timezone.localdate(),
        },
    )


def _publisert(request, prosjekt, rapport):
    """A published report reads as it was published, with its snapshot; it is never changed."""
    if request.method == "POST":
        messages.error(request, _("This report is published and can no longer be changed."))
        return redirect("prosjekter:rapport", pk=prosjekt.pk, rapport_pk=rapport.pk)
    return render(
        request,
        "prosjekter/rapport_les.html",
        {"prosjekt": prosjekt, "rapport": rapport, "bilde": bilde_les(rapport.oyeblikksbilde)},
    )


def _lagre_utkast(request, prosjekt, rapport, form):
    """Save the draft. A redirect when done; None with the refusal on the form, to show it again
    with what was typed."""
    try:
        rapport = services.statusrapport_lagre(
            rapport=rapport,
            data=form.cleaned_data,
            versjon=form.cleaned_data["versjon"],
            aktor=request.user,
        )
    except Konflikt as feil:
        form.add_error(None, str(feil))
        return None
    except ValidationError as feil:
        form.add_error(None, feil)
        return None
    return _lagret(request, prosjekt, rapport)


def _lagret(request, prosjekt, rapport):
    """After a saved draft: «Save and publish» goes on to the one question before publishing."""
    if "publiser" in request.POST:
        return redirect("prosjekter:rapport-publiser", pk=prosjekt.pk, rapport_pk=rapport.pk)
    messages.success(request, _("The draft is saved."))
    return redirect("prosjekter:rapport", pk=prosjekt.pk, rapport_pk=rapport.pk)


def rapport_publiser_view(request, pk, rapport_pk):
    """The one question before publishing, «Publish this report? It is final.», asked on its own
    page (no script needed); its button publishes. A published report goes to its page."""
    prosjekt = hent_prosjekt(request, pk, skrive=True)
    rapport = get_object_or_404(prosjekt.statusrapporter, pk=rapport_pk)
    if rapport.er_publisert:
        messages.info(request, _("This report is already published."))
        return redirect("prosjekter:rapport", pk=prosjekt.pk, rapport_pk=rapport.pk)
    if not kan_publisere(rapport, request.user):
        raise PermissionDenied
    form = PubliserForm(request.POST or None, initial={"versjon": rapport.versjon})
    if request.method == "POST" and form.is_valid():
        try:
            services.statusrapport_publiser(
                rapport=rapport, versjon=form.cleaned_data["versjon"], aktor=request.user
            )
        except (Konflikt, UlovligOvergang) as feil:
            messages.error(request, str(feil))
            return redirect("prosjekter:rapport", pk=prosjekt.pk, rapport_pk=rapport.pk)
        messages.success(request, _("The status report is published."))
        return redirect(prosjekt)
    return render(
        request,
        "prosjekter/rapport_publiser.html",
        {"prosjekt": prosjekt, "rapport": rapport, "form": form},
    )


@require_safe
def rapport_pdf_view(request, pk, rapport_pk):
    """A published report as PDF/A for the archive: the same text as its page, as it stood."""
    prosjekt = hent_prosjekt(request, pk)
    rapporter = prosjekt.statusrapporter.select_related("skrevet_av")
    rapport = get_object_or_404(rapporter, pk=rapport_pk)
    if not rapport.er_publisert:
        raise Http404
    html = render_to_string(
        "prosjekter/rapport_pdf.html",
        {"prosjekt": prosjekt, "rapport": rapport, "bilde": bilde_les(rapport.oyeblikksbilde)},
        request=request,
    )
    return pdf_svar(
        html,
        stilark=["css/rapport-pdf.css"],
        navn=filnavn("statusrapport", prosjekt.nummer, timezone.localdate(rapport.publisert)),
    )
