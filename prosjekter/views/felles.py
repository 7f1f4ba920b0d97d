"""Helpers shared by Styre's views: fetching a project with a permission check first, and the
edit screen with what is saved now beside a refused stale save."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render
from django.utils import formats
from django.utils.translation import gettext

from portefolje import personer
from portefolje.samtidighet import Konflikt
from prosjekter import permissions
from prosjekter.models import Prosjekt


def hent_prosjekt(request, pk, *, skrive: bool = False) -> Prosjekt:
    """The project, or 403 when the user may not read it (or write to it, with `skrive`)."""
    prosjekt = get_object_or_404(
        Prosjekt.objects.select_related(
            "portefolje__forelder",
            "prosjektleder",
            "prosjekteier",
            "gevinstansvarlig",
            "beslutning__mote",
        ),
        pk=pk,
    )
    tillatt = (
        permissions.kan_redigere(request.user, prosjekt)
        if skrive
        else permissions.kan_lese(request.user, prosjekt)
    )
    if not tillatt:
        raise PermissionDenied
    return prosjekt


def _vis(objekt, felt: str) -> str:
    """One saved value as people read it: the choice's label, the person's name, «(empty)»."""
    verdi = getattr(objekt, felt)
    if hasattr(objekt, f"get_{felt}_display"):
        verdi = getattr(objekt, f"get_{felt}_display")()
    elif hasattr(verdi, "get_full_name"):
        verdi = personer.navn(verdi)
    if verdi in (None, ""):
        return gettext("(empty)")
    return formats.localize(verdi) if not isinstance(verdi, str) else verdi


def skjema_etter_konflikt(form, feil: Konflikt, **ekstra):
    """The person's form again after a refused stale save: their input kept, the message on top,
    and the fields where what is saved now differs from what they typed, for them to compare.

    The form now carries the saved version, so their next save (after comparing) goes through.
    `ekstra` are the form class's own keyword arguments (e.g. `prosjekt`).
    """
    gjeldende = feil.objekt
    # Compared before the new form is validated: validating copies the input onto its instance.
    forskjeller = [
        (form.fields[felt].label, _vis(gjeldende, felt))
        for felt in form._meta.fields
        if felt in form.cleaned_data and form.cleaned_data[felt] != getattr(gjeldende, felt)
    ]
    data = form.data.copy()
    data["versjon"] = str(gjeldende.versjon)
    ny = type(form)(data, instance=gjeldende, **ekstra)
    ny.is_valid()
    ny.add_error(None, str(feil))
    return ny, forskjeller


def skjema_side(request, prosjekt, form, tittel, *, arkiver_url="", forskjeller=None):
    """The one template every project edit screen uses; 409 when it shows a conflict."""
    return render(
        request,
        "prosjekter/skjema.html",
        {
            "prosjekt": prosjekt,
            "form": form,
            "tittel": tittel,
            "arkiver_url": arkiver_url,
            "forskjeller": forskjeller,
        },
        status=409 if forskjeller is not None else 200,
    )
