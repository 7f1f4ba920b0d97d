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
from velge import permissions, plass, selectors, services
from velge.forms import RammerForm, SammenlignForm, ScenarioForm
from velge.models import Ramme, Scenario


def rammer_view(request, slug):
    """The chair sets the frames for this year and the økonomiplan's next three.

    A save from a page opened before someone else saved a year's frame is refused (nothing
    saved): the page comes back with the person's input, the conflict message and the frames
    saved now for the years that moved, at the saved versions so a second save goes through."""
    portefolje = get_object_or_404(Portefolje, slug=slug)
    if not permissions.kan_sette_rammer(request.user, portefolje):
        raise PermissionDenied
    ar = arsbelop.planar()
    form = RammerForm(request.POST or None, ar=ar, rammer=plass.rammer_for(portefolje, ar))
    lagret_naa = None
    if request.method == "POST" and form.is_valid():
        try:
            endret = services.rammer_lagre(
                portefolje=portefolje,
                aktor=request.user,
                rammer=form.verdier(),
                versjoner=form.versjoner(),
            )
        except Konflikt as feil:
            form, lagret_naa = _rammer_etter_konflikt(request, portefolje, ar, form, feil)
        except ValidationError as feil:
            feil_til_skjema(form, feil)
        else:
            if endret:
                messages.success(request, _("The frames are saved."))
            else:
                messages.info(request, _("Nothing was changed."))
            return redirect("velge:scenarioer", slug=slug)
    historikk = Ramme.history.filter(portefolje=portefolje).select_related("history_user")[:20]
    return render(
        request,
        "velge/rammer.html",
        {
            "portefolje": portefolje,
            "form": form,
            "historikk": historikk,
            "lagret_naa": lagret_naa,
        },
        status=409 if lagret_naa is not None else 200,
    )


def _rammer_etter_konflikt(request, portefolje, ar, form, feil: Konflikt):
    """The form again after a refused stale save: the person's input kept, each year at the
    version saved now, the message on top; and the frames saved now of the years that moved,
    as [(year, {dimension: amount})]."""
    naa = plass.rammer_for(portefolje, ar)
    sendt = form.versjoner()
    data = request.POST.copy()
    for a in ar:
        data[f"{a}_versjon"] = str(naa[a]["versjon"])
    ny = RammerForm(data, ar=ar, rammer=naa)
    ny.is_valid()
    ny.add_error(None, str(feil))
    return ny, [(a, naa[a]) for a in ar if (sendt.get(a) or 0) != naa[a]["versjon"]]


def _forslag(grunnlag, *, bruker, portefolje, scenario=None) -> dict:
    """The proposal (`r`), or none when the viewer may not see it yet (`skjult`); marked
    `forelopig` when it builds on scores not yet revealed (velge.selectors.budsjettvisning)."""
    skjult, forelopig = selectors.budsjettvisning(
        resultater=grunnlag["resultater"], bruker=bruker, portefolje=portefolje
    )
    return {
        "r": None if skjult else plass.scenario_beregn(grunnlag=grunnlag, scenario=scenario),
        "skjult": skjult,
        "forelopig": forelopig,
    }


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
                    opprett=lambda: services.scenario_lagre(
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
    return render(
        request,
        "velge/scenarioer.html",
        {
            "portefolje": portefolje,
            **_forslag(grunnlag, bruker=request.user, portefolje=portefolje),
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
    return render(
        request,
        "velge/scenario.html",
        {
            "portefolje": portefolje,
            "scenario": scenario,
            **_forslag(grunnlag, bruker=request.user, portefolje=portefolje, scenario=scenario),
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
        skjult, kontekst["forelopig"] = selectors.budsjettvisning(
            resultater=grunnlag["resultater"], bruker=request.user, portefolje=portefolje
        )
        if skjult:
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
