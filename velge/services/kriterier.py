"""The chair's criteria and weights for a portfolio."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from portefolje.models import Portefolje
from portefolje.revisjon import logg_hendelse
from portefolje.samtidighet import Konflikt, laas_versjon, lagre_versjon
from velge import permissions
from velge.models import Kriterium

# What the chair edits on the criteria page.
KRITERIEFELT = [
    "navn",
    "beskrivelse",
    "vekt",
    "retning",
    "skala_1",
    "skala_2",
    "skala_3",
    "skala_4",
    "skala_5",
    "rekkefolge",
    "aktiv",
    "akse",
]


@transaction.atomic
def kriterier_lagre(
    *, portefolje: Portefolje, aktor, endringer: list[tuple[int | None, int | None, dict]]
) -> list[Kriterium]:
    """Save the chair's edits of the criteria of one portfolio: per changed row, (the
    criterion's id or None for a new one, the version the form was opened at, {field: value}).

    Refuses, with nothing changed: anyone but the chair; a criterion of another portfolio;
    active weights that would sum to zero (no share of the total could be computed); and a row
    someone else saved after the form was opened (Konflikt, with the portfolio's criteria as
    saved now). The portfolio row is locked so two chairs' saves run one after the other.
    """
    if not permissions.kan_redigere_kriterier(aktor, portefolje):
        raise PermissionDenied
    Portefolje.objects.select_for_update().get(pk=portefolje.pk)
    lagret = []
    # Existing rows in id order, so two saves lock them in the same order; new rows last.
    for pk, versjon, verdier in sorted(endringer, key=lambda e: (e[0] is None, e[0] or 0)):
        kriterium = _kriterium_for_endring(portefolje=portefolje, pk=pk, versjon=versjon)
        for felt in KRITERIEFELT:
            setattr(kriterium, felt, verdier[felt])
        if kriterium.pk is None:
            kriterium.save()
        else:
            lagre_versjon(kriterium)
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


def _kriterium_for_endring(*, portefolje: Portefolje, pk: int | None, versjon) -> Kriterium:
    """A new criterion of the portfolio, or the saved one locked at the version the form saw.
    A stale version raises Konflikt carrying every criterion as saved now, for the page."""
    if pk is None:
        return Kriterium(portefolje=portefolje)
    try:
        kriterium = laas_versjon(Kriterium, pk=pk, versjon=versjon)
    except Konflikt as feil:
        raise Konflikt(list(portefolje.kriterier.all())) from feil
    if kriterium.portefolje_id != portefolje.pk:
        raise ValidationError(_("Unknown criterion for this portfolio."))
    return kriterium
