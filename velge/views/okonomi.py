"""/portefoljer/<slug>/rammer/ and /scenarioer/: the chair's frames, the optimiser's proposal,
saved scenarios and the comparison of two or three side by side."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from konseptnotat import arsbelop
from konseptnotat.models import Konseptnotat, Status
from portefolje.models import Portefolje
from portefolje.samtidighet import Konflikt
from portefolje.skjema import engangsnokkel, feil_til_skjema, opprett_en_gang
from velge import permissions, plass, selectors, services_okonomi
from velge.forms import RammerForm, SammenlignForm, ScenarioForm
from velge.models import Scenario


def rammer_view(request, slug):
    """The chair sets the frames for this year and the økonomiplan's next three."""
    portefolje = get_object_or_404(Portefolje, slug=slug)
    if not permissions.kan_sette_rammer(request.user, portefolje):
        raise PermissionDenied
    ar = arsbelop.planar()
    rammer = plass.rammer_for(portefolje, ar)
    form = RammerForm(request.POST or None, ar=ar, rammer=rammer)
    if request.method == "POST" and form.is_valid():
        try:
            endret = services_okonomi.rammer_lagre(
                portefolje=portefolje,
                aktor=request.user,
                rammer=form.verdier(),
                versjoner=form.versjoner(),
            )
        except Konflikt as feil:
            form.add_error(None, str(feil))
        except ValidationError as feil:
            feil_til_skjema(form, feil)
        else:
            if endret:
                messages.success(request, _("The frames are saved."))
            else:
                messages.info(request, _("Nothing was changed."))
            return redirect("velge:scenarioer", slug=slug)
    from velge.models import Ramme

    historikk = Ramme.history.filter(portefolje=portefolje).select_related("history_user")[:20]
    return render(
        request,
        "velge/rammer.html",
        {"portefolje": portefolje, "form": form, "historikk": historikk},
    )


def _hent(slug, request):
    portefolje = get_object_or_404(Portefolje, slug=slug)
    if not permissions.kan_se_scenarioer(request.user, portefolje):
        raise PermissionDenied
    return portefolje


def scenarioer_view(request, slug):
    """The optimiser's proposal with the current frames and weights, what each choice
    displaces, the saved scenarios, and (chair, secretary) a form to save a new one."""
    portefolje = _hent(slug, request)
    kan_lagre = permissions.kan_lagre_scenario(request.user, portefolje)
    if request.method == "POST" and not kan_lagre:
        raise PermissionDenied
    grunnlag = plass.scenario_grunnlag(portefolje=portefolje, bruker=request.user)
    # The choices to force in or out: titles only, not the lists' annotations.
    notater = (
        Konseptnotat.objects.filter(portefolje=portefolje, status=Status.KLAR)
        .only("tittel")
        .order_by("tittel", "id")
    )
    form = None
    if kan_lagre:
        form = ScenarioForm(
            request.POST or None,
            notater=notater,
            kriterier=grunnlag["kriterier"],
            ar=grunnlag["ar"],
            rammer=grunnlag["rammer"],
        )
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            try:
                scenario, _ny = opprett_en_gang(
                    nokkel=engangsnokkel(request, data["skjema_nokkel"]),
                    opprett=lambda: services_okonomi.scenario_lagre(
                        portefolje=portefolje,
                        aktor=request.user,
                        navn=data["navn"],
                        beskrivelse=data["beskrivelse"],
                        tvunget_inn=data["tvunget_inn"],
                        tvunget_ut=data["tvunget_ut"],
                        vekter=form.vekter(),
                        rammer=form.rammer(),
                    ),
                )
            except ValidationError as feil:
                feil_til_skjema(form, feil)
            else:
                messages.success(request, _("The scenario is saved."))
                return redirect("velge:scenario", slug=slug, pk=scenario.pk)
    skjult = selectors.rangering_skjult(grunnlag["resultater"])
    return render(
        request,
        "velge/scenarioer.html",
        {
            "portefolje": portefolje,
            "r": None if skjult else plass.scenario_beregn(grunnlag=grunnlag),
            "skjult": skjult,
            "scenarioer": Scenario.objects.filter(portefolje=portefolje).select_related(
                "opprettet_av"
            ),
            "sammenlign": SammenlignForm(portefolje=portefolje),
            "form": form,
            "kan_sette_rammer": permissions.kan_sette_rammer(request.user, portefolje),
        },
    )


@require_safe
def scenario_view(request, slug, pk):
    portefolje = _hent(slug, request)
    scenario = get_object_or_404(
        Scenario.objects.prefetch_related("tvunget_inn", "tvunget_ut"), pk=pk, portefolje=portefolje
    )
    grunnlag = plass.scenario_grunnlag(portefolje=portefolje, bruker=request.user)
    skjult = selectors.rangering_skjult(grunnlag["resultater"])
    return render(
        request,
        "velge/scenario.html",
        {
            "portefolje": portefolje,
            "scenario": scenario,
            "r": None if skjult else plass.scenario_beregn(grunnlag=grunnlag, scenario=scenario),
            "skjult": skjult,
            "kriterier": grunnlag["kriterier"],
        },
    )


@require_safe
def sammenlign_view(request, slug):
    """Two or three scenarios side by side: which notes are in, total score, cost per year and
    capacity, against each scenario's frames."""
    portefolje = _hent(slug, request)
    form = SammenlignForm(request.GET or None, portefolje=portefolje)
    kontekst = {"portefolje": portefolje, "form": form}
    if form.is_valid():
        grunnlag = plass.scenario_grunnlag(portefolje=portefolje, bruker=request.user)
        if selectors.rangering_skjult(grunnlag["resultater"]):
            kontekst["skjult"] = True
        else:
            scenarioer = list(form.cleaned_data["s"].prefetch_related("tvunget_inn", "tvunget_ut"))
            resultater = [plass.scenario_beregn(grunnlag=grunnlag, scenario=s) for s in scenarioer]
            inne = [{n.notat.pk for n in r.valgt} for r in resultater]
            notater = [
                res for res in grunnlag["resultater"] if any(res.notat.pk in i for i in inne)
            ]
            notater.sort(key=lambda res: -(res.vektet or 0))
            kontekst.update(
                {
                    "resultater": resultater,
                    "ar": grunnlag["ar"],
                    "rader": [(res, [res.notat.pk in i for i in inne]) for res in notater],
                }
            )
    return render(request, "velge/sammenlign.html", kontekst)
