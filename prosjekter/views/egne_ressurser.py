"""Each person's own line duties and absence, which count towards their load beside projects."""

from django.contrib import messages
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from portefolje.skjema import opprett_en_gang
from prosjekter import services
from prosjekter.forms import EgenAllokeringForm
from prosjekter.models import Allokeringstype, Ressursallokering


def _mine(request):
    return Ressursallokering.objects.filter(
        person=request.user,
        type__in=[Allokeringstype.LINJE, Allokeringstype.FRAVAER],
        arkivert=False,
    ).order_by("fra")


def egne_ressurser_view(request):
    form = EgenAllokeringForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        allokering = form.save(commit=False)
        allokering.person = request.user
        allokering.status = "tildelt"
        opprett_en_gang(
            nokkel=form.cleaned_data["skjema_nokkel"],
            opprett=lambda: services.element_lagre(objekt=allokering, aktor=request.user, ny=True),
        )
        messages.success(request, _("Saved."))
        return redirect("prosjekter:mine-ressurser")
    return render(
        request, "prosjekter/egne_ressurser.html", {"form": form, "allokeringer": _mine(request)}
    )


def egen_ressurs_arkiver_view(request, pk):
    # Looked up first, so someone else's row is «not found» whatever the method.
    allokering = get_object_or_404(_mine(request), pk=pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    allokering.arkivert = True
    services.element_lagre(objekt=allokering, aktor=request.user, ny=False)
    messages.success(request, _("Archived."))
    return redirect("prosjekter:mine-ressurser")
