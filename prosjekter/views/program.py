"""Programmes: the list, one programme's page (rolled up), create, change, add and remove
projects. The chair of the programme's portfolio and the development team change them."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portefolje.samtidighet import Konflikt
from portefolje.skjema import engangsnokkel, feil_til_skjema, opprett_en_gang
from prosjekter import permissions, selectors, services
from prosjekter.forms import ProgramForm, ProgramprosjektForm
from prosjekter.models import Program, Prosjekt
from prosjekter.tidslinjeside import bilde_for


def _hent(request, pk, *, endre=False) -> Program:
    program = get_object_or_404(Program.objects.select_related("portefolje", "eier"), pk=pk)
    tillatt = (
        permissions.kan_endre_program(request.user, program)
        if endre
        else permissions.kan_lese_program(request.user, program)
    )
    if not tillatt:
        raise PermissionDenied
    return program


def program_liste_view(request):
    """Every employee may open it; it lists the programmes the reader may read."""
    programmer = selectors.programmer_med_antall(
        Program.objects.synlige_for(request.user).filter(arkivert=False)
    )
    return render(
        request,
        "prosjekter/program_liste.html",
        {
            "programmer": list(programmer),
            "kan_opprette": permissions.kan_opprette_program(request.user),
        },
    )


def program_ny_view(request):
    if not permissions.kan_opprette_program(request.user):
        raise PermissionDenied
    form = ProgramForm(request.POST or None, bruker=request.user)
    if request.method == "POST" and form.is_valid():
        data = {f: form.cleaned_data[f] for f in form._meta.fields}
        try:
            program, _ny = opprett_en_gang(
                nokkel=engangsnokkel(request, form.cleaned_data.get("skjema_nokkel")),
                opprett=lambda: services.program_opprett(data=data, aktor=request.user),
            )
        except ValidationError as feil:
            feil_til_skjema(form, feil)
        else:
            messages.success(request, _("The programme is created."))
            return redirect(program)
    return render(
        request, "prosjekter/program_skjema.html", {"form": form, "tittel": _("New programme")}
    )


def program_rediger_view(request, pk):
    program = _hent(request, pk, endre=True)
    form = ProgramForm(request.POST or None, instance=program, bruker=request.user)
    if request.method == "POST" and form.is_valid():
        data = {f: form.cleaned_data[f] for f in form._meta.fields}
        try:
            services.program_lagre(
                program=program,
                data=data,
                versjon=form.cleaned_data["versjon"],
                aktor=request.user,
            )
        except Konflikt as feil:
            form.add_error(None, str(feil))
            data = form.data.copy()
            data["versjon"] = str(feil.objekt.versjon)
            form = ProgramForm(data, instance=feil.objekt, bruker=request.user)
            form.is_valid()
            form.add_error(None, str(feil))
        except ValidationError as feil:
            feil_til_skjema(form, feil)
        else:
            messages.success(request, _("The programme is saved."))
            return redirect(program)
    return render(
        request,
        "prosjekter/program_skjema.html",
        {"form": form, "program": program, "tittel": _("Edit programme")},
        status=400 if form.errors else 200,
    )


def program_view(request, pk, *, skjema=None, status=200):
    program = _hent(request, pk)
    opprulling = selectors.program_opprulling(program)
    # The picture links every project it draws: only those the reader may open.
    rader = selectors.tidslinjerader(
        Prosjekt.objects.synlige_for(request.user).filter(programtilknytning__program=program)
    )
    for rad in rader:
        rad.program_lesbar = True  # the reader is on the programme's page
    kan_endre = permissions.kan_endre_program(request.user, program)
    return render(
        request,
        "prosjekter/program.html",
        {
            "program": program,
            **opprulling,
            "rader": rader,
            "bilde": bilde_for(rader),
            "glipper": [a for r in rader for a in r.avhengigheter if a.glipp],
            "kan_endre": kan_endre,
            "leggtil": skjema or (ProgramprosjektForm(program=program) if kan_endre else None),
            "lesbare": set(
                Prosjekt.objects.synlige_for(request.user)
                .filter(programtilknytning__program=program)
                .values_list("pk", flat=True)
            ),
        },
        status=status,
    )


@require_POST
def program_legg_til_view(request, pk):
    program = _hent(request, pk, endre=True)
    form = ProgramprosjektForm(request.POST, program=program)
    if form.is_valid():
        try:
            services.program_legg_til(
                program=program, prosjekt=form.cleaned_data["prosjekt"], aktor=request.user
            )
        except ValidationError as feil:
            feil_til_skjema(form, feil)
        else:
            messages.success(request, _("The project is added to the programme."))
            return redirect(f"{program.get_absolute_url()}#prosjekter")
    return program_view(request, pk, skjema=form, status=400)


@require_POST
def program_fjern_view(request, pk, prosjekt_pk):
    program = _hent(request, pk, endre=True)
    prosjekt = get_object_or_404(Prosjekt, pk=prosjekt_pk)
    try:
        services.program_fjern(program=program, prosjekt=prosjekt, aktor=request.user)
    except ValidationError as feil:
        messages.error(request, " ".join(feil.messages))
    else:
        messages.success(request, _("The project is taken out of the programme."))
    return redirect(f"{program.get_absolute_url()}#prosjekter")
