"""Which approved projects start when: start plan per portfolio, capacity, start decisions."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portefolje.models import Portefolje
from portefolje.skjema import ALLEREDE_LAGRET, engangsnokkel, opprett_en_gang
from prosjekter import permissions, selectors, services
from prosjekter.forms import KapasitetForm, RessursbehovForm, StartvedtakForm
from prosjekter.models import Kapasitet
from prosjekter.views.felles import hent_prosjekt


def _portefolje(request, slug, *, bestemme=False):
    portefolje = get_object_or_404(Portefolje, slug=slug)
    tillatt = (
        permissions.kan_bestemme_start(request.user, portefolje)
        if bestemme
        else permissions.kan_se_startplan(request.user, portefolje)
    )
    if not tillatt:
        raise PermissionDenied
    return portefolje


def startplan_view(request, slug):
    portefolje = _portefolje(request, slug)
    plan = selectors.startplan(portefolje)
    kan_bestemme = permissions.kan_bestemme_start(request.user, portefolje)
    for p in plan["prosjekter"]:
        forslag = p.forslag.start
        p.vedtaksform = StartvedtakForm(initial={"vedtatt_start": forslag}, prefix=f"p{p.pk}")
    return render(
        request,
        "prosjekter/startplan.html",
        {
            "portefolje": portefolje,
            "kan_bestemme": kan_bestemme,
            "kapasitetsform": KapasitetForm() if kan_bestemme else None,
            "kapasiteter": Kapasitet.objects.filter(portefolje=portefolje),
            **plan,
        },
    )


@require_POST
def startvedtak_view(request, slug, pk):
    portefolje = _portefolje(request, slug, bestemme=True)
    prosjekt = get_object_or_404(portefolje.prosjekter, pk=pk)
    form = StartvedtakForm(request.POST, prefix=f"p{prosjekt.pk}")
    if form.is_valid():
        plan = selectors.startplan(portefolje)
        forslag = next((p.forslag.start for p in plan["prosjekter"] if p.pk == prosjekt.pk), None)
        try:
            # Once per rendered form: a double click or parallel posts record one decision.
            _vedtak, ny = opprett_en_gang(
                nokkel=engangsnokkel(request, form.cleaned_data["skjema_nokkel"]),
                opprett=lambda: services.startvedtak_registrer(
                    prosjekt=prosjekt,
                    vedtatt_start=form.cleaned_data["vedtatt_start"],
                    foreslatt_start=forslag,
                    begrunnelse=form.cleaned_data["begrunnelse"],
                    aktor=request.user,
                ),
            )
        except ValidationError as feil:
            messages.error(request, " ".join(feil.messages))
        else:
            if ny:
                messages.success(request, _("The start month is decided."))
            else:
                messages.info(request, ALLEREDE_LAGRET)
    else:
        feil = [f"{form.fields[f].label}: {' '.join(e)}" for f, e in form.errors.items()]
        messages.error(request, _("The start decision was not saved. ") + " ".join(feil))
    return redirect("prosjekter:startplan", slug=portefolje.slug)


@require_POST
def kapasitet_view(request, slug):
    portefolje = _portefolje(request, slug, bestemme=True)
    form = KapasitetForm(request.POST)
    if form.is_valid():
        services.kapasitet_lagre(
            portefolje=portefolje,
            fra_maned=form.cleaned_data["fra_maned"],
            personprosent=form.cleaned_data["personprosent"],
            aktor=request.user,
        )
        messages.success(request, _("The capacity is saved."))
    else:
        feil = [f"{form.fields[f].label}: {' '.join(e)}" for f, e in form.errors.items()]
        messages.error(request, _("The capacity was not saved. ") + " ".join(feil))
    return redirect("prosjekter:startplan", slug=portefolje.slug)


def ressursbehov_view(request, pk):
    """The project's estimated need per month, which the start plan builds on."""
    prosjekt = hent_prosjekt(request, pk, skrive=True)
    behov = [r.personprosent for r in prosjekt.ressursbehov.order_by("maned_nr")]
    while behov and behov[-1] == 0:  # months dropped from the estimate
        behov.pop()
    tekst = ", ".join(str(v) for v in behov)
    form = RessursbehovForm(request.POST or None, initial={"behov": tekst})
    if request.method == "POST" and form.is_valid():
        services.ressursbehov_lagre(
            prosjekt=prosjekt, behov=form.cleaned_data["behov"], aktor=request.user
        )
        messages.success(request, _("The resource need is saved."))
        return redirect(prosjekt)
    return render(
        request,
        "prosjekter/skjema.html",
        {"prosjekt": prosjekt, "form": form, "tittel": _("Estimated resource need")},
    )
