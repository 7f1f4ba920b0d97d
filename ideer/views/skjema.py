"""The two ways in: the employee form, and the public form with its receipt page."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ideer import hooks
from ideer.forms import UKJENT_KODE, FolgInnspillForm, InnspillForm, OffentligInnspillForm
from ideer.models import STATUS_FOR_INNSENDER, Innspill, Kanal
from ideer.services import innspill_opprett
from portefolje.klient import klientadresse, over_grensen
from portefolje.skjema import ALLEREDE_LAGRET, engangsnokkel, feil_til_skjema

# At most this many inputs per address per hour through the public form.
MAKS_PER_TIME = 5
# Lookups by receipt code per address and hour: plenty for a person, nothing for a guesser.
MAKS_OPPSLAG_PER_TIME = 30


@require_http_methods(["GET", "POST"])
def ny_view(request):
    """The employee form: one idea or order, registered the same way as all others."""
    form = InnspillForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = {f: form.cleaned_data[f] for f in form.Meta.fields if f != "seksjoner"}
        try:
            innspill, ny = innspill_opprett(
                data=data,
                kanal=Kanal.PORTAL,
                aktor=request.user,
                innsender=request.user,
                seksjoner=form.cleaned_data["seksjoner"],
                vedlegg=form.cleaned_data["vedlegg"],
                skjema_nokkel=engangsnokkel(request, form.cleaned_data["skjema_nokkel"]),
            )
        except ValidationError as feil:
            feil_til_skjema(form, feil)
        else:
            if ny:
                messages.success(request, _("Thank you! Your input is registered."))
            else:
                messages.info(request, ALLEREDE_LAGRET)
            return redirect(innspill)
    return render(request, "ideer/ny.html", {"form": form})


@login_not_required
@require_http_methods(["GET", "POST"])
def offentlig_ny_view(request):
    """The public form for citizens and businesses: no login, few fields, spam traps."""
    form = OffentligInnspillForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        nokkel = f"ideer:offentlig:{klientadresse(request) or 'ukjent'}"
        if over_grensen(nokkel, grense=MAKS_PER_TIME, sekunder=3600):
            form.add_error(
                None,
                _(
                    "We have received many inputs from your address in a short time. "
                    "Please try again in an hour."
                ),
            )
            status = 429
        else:
            try:
                innspill, _ny = innspill_opprett(
                    data=form.innspill_data(),
                    kanal=Kanal.OFFENTLIG_SKJEMA,
                    vedlegg=form.cleaned_data["vedlegg"],
                    skjema_nokkel=engangsnokkel(request, form.cleaned_data["skjema_nokkel"]),
                )
            except ValidationError as feil:
                feil_til_skjema(form, feil)
                status = 409
            else:
                return redirect("ideer:kvittering", kode=innspill.kode)
    return render(
        request,
        "ideer/offentlig_ny.html",
        {"form": form, "oppbevaring_maaneder": settings.INNSPILL_OPPBEVARING_MAANEDER},
        status=status,
    )


@login_not_required
def kvittering_view(request, kode):
    """Receipt: status, history and public answer of one input. Never any personal data."""
    # Only the fact that it was merged: the other input may be internal (its title too).
    innspill = get_object_or_404(
        Innspill.objects.only(
            "tittel",
            "status",
            "offentlig_svar",
            "opprettet",
            "kode",
            "avvisningsgrunn",
            "parkert_til",
            "slatt_sammen_med_id",
        ),
        kode=kode.upper(),
    )
    historikk = innspill.statushistorikk.only("til_status", "tidspunkt")
    return render(
        request,
        "ideer/kvittering.html",
        {
            "innspill": innspill,
            "historikk": historikk,
            "forklaring": STATUS_FOR_INNSENDER.get(innspill.status, ""),
            # The public decision and project it became, from the public results (offentlig).
            "resultater": hooks.resultater_for(innspill=innspill),
        },
    )


@login_not_required
@require_http_methods(["GET"])
def folg_view(request):
    """«Følg innspillet ditt»: type the receipt code, go to the input's public page. A GET form,
    so it works from a bookmark and without script. Unknown and malformed codes get the same
    message; lookups are rate-limited per address."""
    form = FolgInnspillForm(request.GET or None)
    status = 200
    if form.is_bound:
        nokkel = f"ideer:folg:{klientadresse(request) or 'ukjent'}"
        if over_grensen(nokkel, grense=MAKS_OPPSLAG_PER_TIME, sekunder=3600):
            form.add_error(
                None, _("You have tried many codes in a short time. Please try again in an hour.")
            )
            status = 429
        elif form.is_valid():
            kode = form.cleaned_data["kode"]
            if Innspill.objects.filter(kode=kode).exists():
                return redirect("ideer:kvittering", kode=kode)
            form.add_error("kode", UKJENT_KODE)
        else:
            # A malformed code reads as an unknown one: no hint about which codes exist.
            form.errors["kode"] = form.error_class([UKJENT_KODE])
    if form.errors:
        form.fields["kode"].widget.attrs["autofocus"] = True
    return render(request, "ideer/folg.html", {"form": form}, status=status)
