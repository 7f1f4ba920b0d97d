"""Saved views: a list's choices (`portefolje.tabellvisning`) kept under a name, private or shared
with a portfolio, and one default view per list and portfolio."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from portefolje.forms_visninger import VisningNyForm
from portefolje.models import Portefolje, Visning
from portefolje.permissions import (
    kan_dele_visning_med,
    kan_endre_visning,
    kan_sette_standardvisning,
)
from portefolje.samtidighet import laas_versjon, lagre_versjon
from portefolje.tabellvisning import MAKS_SPORRING, Oppsett, liste_for


def visninger_for(user, liste: str) -> list[Visning]:
    """The views of `liste` the person may open: their own and those shared with their
    portfolios, by name (one query)."""
    return list(
        Visning.objects.synlige_for(user)
        .filter(liste=liste)
        .select_related("portefolje")
        .order_by("navn", "id")
    )


def sidekontekst(request, oppsett: Oppsett) -> dict:
    """What a list page shows about views: the chosen one, the saved ones the reader may open
    (`partials/visningsmeny.html`), and the form that saves what is on screen."""
    return {
        "oppsett": oppsett,
        "visninger": visninger_for(request.user, oppsett.liste.nokkel),
        "lagre_form": VisningNyForm(
            bruker=request.user,
            initial={"liste": oppsett.liste.nokkel, "sporring": oppsett.sporring},
        ),
    }


def _sjekk_deling(*, eier, portefolje: Portefolje | None, standard: bool) -> None:
    if portefolje is not None and not kan_dele_visning_med(eier, portefolje):
        raise ValidationError(
            {"portefolje": _("You can share a view only with a portfolio you are a member of.")}
        )
    if standard and portefolje is None:
        raise ValidationError(
            {"standard": _("A default view is shared with a portfolio: choose the portfolio.")}
        )
    if standard and not kan_sette_standardvisning(eier, portefolje):
        raise ValidationError(
            {"standard": _("Only the leader of the portfolio chooses its default view.")}
        )


def _ny_standard(*, visning: Visning) -> None:
    """Make `visning` its portfolio's only default for its list. The portfolio's row is locked
    first, so two leaders choosing at once take turns and leave one default."""
    Portefolje.objects.select_for_update().filter(pk=visning.portefolje_id).first()
    gamle = Visning.objects.filter(
        liste=visning.liste, portefolje=visning.portefolje, standard=True
    )
    if visning.pk:
        gamle = gamle.exclude(pk=visning.pk)
    for gammel in gamle:
        gammel.standard = False
        lagre_versjon(gammel, felter=["standard"])


@transaction.atomic
def visning_opprett(
    *,
    eier,
    liste: str,
    navn: str,
    sporring: str,
    portefolje: Portefolje | None = None,
    standard: bool = False,
) -> Visning:
    """Save a view of `liste` under `navn`, private or shared with `portefolje`.

    Refuses (ValidationError) a list no phase registered, a query string longer than a view
    holds, sharing with a portfolio the owner is not a member of, and a default view chosen by
    anyone but the portfolio's leader. A new default replaces the portfolio's old one.
    """
    if liste_for(liste) is None:
        raise ValidationError(_("There is no such list."))
    if len(sporring) > MAKS_SPORRING:
        raise ValidationError(_("This view holds more choices than can be saved."))
    _sjekk_deling(eier=eier, portefolje=portefolje, standard=standard)
    visning = Visning(
        eier=eier,
        liste=liste,
        navn=navn,
        sporring=sporring,
        portefolje=portefolje,
        standard=standard,
    )
    if standard:
        _ny_standard(visning=visning)
    visning.save()
    return visning


@transaction.atomic
def visning_endre(
    *,
    visning: Visning,
    bruker,
    versjon: int,
    navn: str,
    portefolje: Portefolje | None,
    standard: bool,
) -> Visning:
    """Rename a view, share or unshare it, make it (or no longer) its portfolio's default.

    Refuses anyone but the owner (PermissionDenied), a form opened before someone else saved
    (`Konflikt`), and what `visning_opprett` refuses about sharing and defaults.
    """
    if not kan_endre_visning(bruker, visning):
        raise PermissionDenied
    _sjekk_deling(eier=bruker, portefolje=portefolje, standard=standard)
    laast = laas_versjon(Visning, pk=visning.pk, versjon=versjon)
    laast.navn, laast.portefolje, laast.standard = navn, portefolje, standard
    if standard:
        _ny_standard(visning=laast)
    lagre_versjon(laast, felter=["navn", "portefolje", "standard"])
    return laast


@transaction.atomic
def visning_slett(*, visning: Visning, bruker) -> None:
    """Delete a saved view (a choice of columns, not a record anyone is accountable for).

    Refuses anyone but the owner (PermissionDenied).
    """
    if not kan_endre_visning(bruker, visning):
        raise PermissionDenied
    Visning.objects.filter(pk=visning.pk).delete()
