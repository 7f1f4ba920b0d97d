"""The chair's criteria and weights for a portfolio."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from portefolje.models import Portefolje
from portefolje.revisjon import logg_hendelse
from velge import permissions
from velge.models import Kriterium


@transaction.atomic
def kriterier_lagre(*, portefolje: Portefolje, aktor, skjemaer) -> list[Kriterium]:
    """Save the chair's edits of the criteria (model forms, already valid) for one portfolio.

    Refuses if the active weights would sum to zero: no share of the total could be computed.
    The portfolio row is locked so two chairs' tabs cannot interleave their edits.
    """
    if not permissions.kan_redigere_kriterier(aktor, portefolje):
        raise PermissionDenied
    Portefolje.objects.select_for_update().get(pk=portefolje.pk)
    lagret = []
    for skjema in skjemaer:
        kriterium = skjema.save(commit=False)
        kriterium.portefolje = portefolje
        kriterium.save()
        lagret.append(kriterium)
    if (
        sum(
            Kriterium.objects.filter(portefolje=portefolje, aktiv=True).values_list(
                "vekt", flat=True
            )
        )
        <= 0
    ):
        # The exception rolls back what was saved above: a refusal, nothing changed.
        raise ValidationError(_("The weights of the active criteria must not sum to zero."))
    logg_hendelse(
        aktor=aktor,
        objekt=portefolje,
        handling="kriterier_endret",
        beskrivelse=_("Criteria and weights changed."),
        data={k.navn: k.vekt for k in lagret},
    )
    return lagret
