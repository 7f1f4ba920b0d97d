"""A note's versions: the snapshot of its answers, saving one, freezing one for a meeting."""

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from konseptnotat.mal import INNHOLDSFELTER
from konseptnotat.models import (
    Konseptnotat,
    KonseptnotatVersjon,
)
from konseptnotat.services.felles import _som_json
from portefolje.revisjon import logg_hendelse
from portefolje.samtidighet import laas_versjon, lagre_versjon


def innhold_av(notat: Konseptnotat) -> dict:
    """A snapshot of the note's answers, as stored in a version (JSON-safe)."""
    innhold = {}
    for felt in INNHOLDSFELTER:
        if felt == "berorte_seksjoner":
            innhold[felt] = sorted(s.navn for s in notat.berorte_seksjoner.all())
        else:
            innhold[felt] = _som_json(getattr(notat, felt))
    return innhold


def versjon_lagre(*, notat: Konseptnotat, aktor) -> KonseptnotatVersjon:
    """Keep what the note says now as its version number `notat.versjon`.

    A frozen version is never changed: if `notat.versjon` names one and the text differs, the
    note moves on to a new version number first.
    """
    innhold = innhold_av(notat)
    eksisterende = notat.versjoner.filter(nummer=notat.versjon).first()
    if eksisterende is not None and eksisterende.frosset:
        if eksisterende.innhold == innhold:
            return eksisterende
        hoyeste = notat.versjoner.aggregate(m=Max("nummer"))["m"]
        lagre_versjon(notat, felter=[], til=hoyeste + 1)
    versjon, _created = KonseptnotatVersjon.objects.update_or_create(
        notat=notat,
        nummer=notat.versjon,
        defaults={"innhold": innhold, "lagret_av": aktor},
    )
    return versjon


@transaction.atomic
def versjon_frys(*, notat: Konseptnotat, aktor) -> KonseptnotatVersjon:
    """Freeze the version that goes to a portfolio meeting or decision.

    Returns the latest version, saved first if the note has changed since, marked frozen; a
    frozen version is never changed again.
    """
    notat = laas_versjon(Konseptnotat, pk=notat.pk, versjon=None)
    siste = notat.versjoner.order_by("-nummer").first()
    if siste is None or siste.innhold != innhold_av(notat):
        if siste is not None and siste.nummer >= notat.versjon:
            lagre_versjon(notat, felter=[], til=siste.nummer + 1)
        siste = versjon_lagre(notat=notat, aktor=aktor)
    if not siste.frosset:
        siste.frosset = True
        siste.save(update_fields=["frosset"])
        logg_hendelse(
            aktor=aktor,
            objekt=notat,
            handling="versjon_frosset",
            beskrivelse=_("Version %(nummer)s is frozen.") % {"nummer": siste.nummer},
            data={"versjon": siste.nummer},
        )
    return siste
