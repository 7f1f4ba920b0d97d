from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portefolje.forms_varsler import VarselInnstillingerForm
from portefolje.models import Varsel
from portefolje.spor import side_fra_get
from portefolje.varsler import varselinnstillinger_for, varselinnstillinger_lagre, varseltype_navn


def varsler_view(request):
    """The user's own notifications, newest first; `?uleste=1` shows only the unread."""
    varsler = Varsel.objects.filter(mottaker=request.user)
    bare_uleste = request.GET.get("uleste") == "1"
    if bare_uleste:
        varsler = varsler.uleste()
    side = Paginator(varsler, 25).get_page(side_fra_get(request))
    for varsel in side:
        varsel.typenavn = varseltype_navn(varsel.type)
    return render(request, "portefolje/varsler.html", {"side": side, "bare_uleste": bare_uleste})


@require_POST
def varsel_les_view(request, pk):
    """Mark one of the user's own notifications read and follow its link."""
    varsel = get_object_or_404(Varsel, pk=pk, mottaker=request.user)
    if varsel.lest is None:
        varsel.lest = timezone.now()
        varsel.save(update_fields=["lest"])
    if varsel.lenke and url_has_allowed_host_and_scheme(varsel.lenke, allowed_hosts=None):
        return redirect(varsel.lenke)
    return redirect("varsler")


@require_POST
def varsler_les_alle_view(request):
    Varsel.objects.filter(mottaker=request.user).uleste().update(lest=timezone.now())
    return redirect("varsler")


def varsler_innstillinger_view(request):
    """The user's own choice of e-mail per kind of notification."""
    if request.method == "POST":
        form = VarselInnstillingerForm(request.POST)
        if form.is_valid():
            varselinnstillinger_lagre(bruker=request.user, valg=form.cleaned_data)
            messages.success(request, _("Your notification settings are saved."))
            return redirect("varsler-innstillinger")
    else:
        form = VarselInnstillingerForm(initial=varselinnstillinger_for(bruker=request.user))
    return render(
        request,
        "portefolje/varselinnstillinger.html",
        {"form": form, "har_epost": bool(request.user.email)},
    )
