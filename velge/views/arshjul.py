"""/portefoljer/<slug>/arshjul/<år>/: the portfolio's yearly cycle, read by every employee and
kept by the chair and the secretary."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from portefolje.models import Portefolje
from portefolje.samtidighet import Konflikt
from portefolje.skjema import engangsnokkel, feil_til_skjema, opprett_en_gang
from velge import permissions, selectors_arshjul, services_arshjul
from velge.forms_arshjul import ArshjulForm, ArshjulpunktForm
from velge.models_arshjul import FASTE_PUNKTER, Arshjulpunkt

# Years a page can be asked for: the address is typed by people, and a year outside these is
# no year anyone plans (404, never a server error).
FORSTE_AR, SISTE_AR = 2000, 2100


def _portefolje_og_ar(slug, ar):
    if not FORSTE_AR <= ar <= SISTE_AR:
        raise Http404
    return get_object_or_404(Portefolje, slug=slug)


def _side(request, portefolje, ar, *, form=None, punktform=None, forskjeller=None):
    hjul, linjer = selectors_arshjul.arshjul_for(portefolje=portefolje, ar=ar)
    kan_redigere = permissions.kan_redigere_arshjul(request.user, portefolje)
    idag = timezone.localdate()
    planlegges = kan_redigere and services_arshjul.ar_feil(ar=ar, idag=idag) is None
    if planlegges and form is None:
        form = ArshjulForm(
            ar=ar,
            initial={
                **{felt: getattr(hjul, felt) for felt, _n in FASTE_PUNKTER if hjul},
                "versjon": hjul.versjon if hjul else 0,
            },
        )
    if planlegges and punktform is None:
        punktform = ArshjulpunktForm(ar=ar)
    return render(
        request,
        "velge/arshjul.html",
        {
            "portefolje": portefolje,
            "ar": ar,
            "hjul": hjul,
            "linjer": linjer,
            "form": form if planlegges else None,
            # A form refused because the year cannot be planned (passed): its message, shown
            # above the dates since the form itself is not offered.
            "avvist": form.non_field_errors() if form is not None and not planlegges else None,
            "punktform": punktform if planlegges else None,
            "forskjeller": forskjeller,
            "kan_redigere": kan_redigere,
            "passert": ar < idag.year,
            "forrige_ar": ar - 1 if ar > FORSTE_AR else None,
            "neste_ar": ar + 1 if ar < SISTE_AR else None,
        },
    )


@require_safe
def arshjul_i_ar_view(request, slug):
    get_object_or_404(Portefolje, slug=slug)
    return redirect("velge:arshjul", slug=slug, ar=timezone.localdate().year)


@require_http_methods(["GET", "HEAD", "POST"])
def arshjul_view(request, slug, ar):
    """GET: the year's cycle. POST: the chair or secretary saves the fixed dates."""
    portefolje = _portefolje_og_ar(slug, ar)
    if request.method != "POST":
        return _side(request, portefolje, ar)
    if not permissions.kan_redigere_arshjul(request.user, portefolje):
        raise PermissionDenied
    form = ArshjulForm(request.POST, ar=ar)
    if not form.is_valid():
        return _side(request, portefolje, ar, form=form)
    data = form.cleaned_data
    try:
        services_arshjul.arshjul_lagre(
            portefolje=portefolje,
            ar=ar,
            datoer={felt: data.get(felt) for felt, _n in FASTE_PUNKTER},
            versjon=data["versjon"],
            aktor=request.user,
        )
    except Konflikt as feil:
        # Their dates stay in the form; what is saved now is listed above it to compare.
        gjeldende = feil.objekt
        forskjeller = []
        if gjeldende is not None:
            forskjeller = [
                (navn, formats.date_format(d, "j. F Y") if (d := getattr(gjeldende, felt)) else "–")
                for felt, navn in FASTE_PUNKTER
            ]
            kopi = request.POST.copy()
            kopi["versjon"] = str(gjeldende.versjon)
            form = ArshjulForm(kopi, ar=ar)
            form.is_valid()
        form.add_error(None, str(feil))
        return _side(request, portefolje, ar, form=form, forskjeller=forskjeller)
    except ValidationError as feil:
        feil_til_skjema(form, feil)
        return _side(request, portefolje, ar, form=form)
    messages.success(request, _("The yearly cycle for %(ar)s is saved.") % {"ar": ar})
    return redirect("velge:arshjul", slug=slug, ar=ar)


@require_POST
def punkt_ny_view(request, slug, ar):
    """The chair or secretary adds a named point to the year's cycle."""
    portefolje = _portefolje_og_ar(slug, ar)
    if not permissions.kan_redigere_arshjul(request.user, portefolje):
        raise PermissionDenied
    punktform = ArshjulpunktForm(request.POST, ar=ar)
    if not punktform.is_valid():
        return _side(request, portefolje, ar, punktform=punktform)
    data = punktform.cleaned_data
    try:
        opprett_en_gang(
            nokkel=engangsnokkel(request, data.get("skjema_nokkel")),
            opprett=lambda: services_arshjul.arshjulpunkt_legg_til(
                portefolje=portefolje,
                ar=ar,
                navn=data["navn"],
                dato=data["dato"],
                aktor=request.user,
            ),
        )
    except ValidationError as feil:
        punktform.add_error(None, feil)
        return _side(request, portefolje, ar, punktform=punktform)
    messages.success(
        request, _("«%(navn)s» is added to the yearly cycle.") % {"navn": data["navn"]}
    )
    return redirect("velge:arshjul", slug=slug, ar=ar)


@require_POST
def punkt_fjern_view(request, slug, ar, pk):
    portefolje = _portefolje_og_ar(slug, ar)
    if not permissions.kan_redigere_arshjul(request.user, portefolje):
        raise PermissionDenied
    punkt = get_object_or_404(
        Arshjulpunkt.objects.select_related("arshjul__portefolje"),
        pk=pk,
        arshjul__portefolje=portefolje,
        arshjul__ar=ar,
    )
    services_arshjul.arshjulpunkt_fjern(punkt=punkt, aktor=request.user)
    messages.success(
        request, _("«%(navn)s» is taken out of the yearly cycle.") % {"navn": punkt.navn}
    )
    return redirect("velge:arshjul", slug=slug, ar=ar)
