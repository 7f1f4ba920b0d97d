"""Workflows for concept notes. Other phases (Velge) call these; they never write notes directly."""

from decimal import Decimal

from django.db import transaction

from konseptnotat.mal import INNHOLDSFELTER
from konseptnotat.models import Konseptnotat, KonseptnotatVersjon, Status
from portefolje.revisjon import logg_hendelse


def _som_json(verdi):
    if isinstance(verdi, Decimal):
        return str(verdi)
    return verdi


def innhold_av(notat: Konseptnotat) -> dict:
    """A snapshot of the note's answers, as stored in a version (JSON-safe)."""
    innhold = {}
    for felt in INNHOLDSFELTER:
        if felt == "berorte_seksjoner":
            innhold[felt] = sorted(notat.berorte_seksjoner.values_list("navn", flat=True))
        else:
            innhold[felt] = _som_json(getattr(notat, felt))
    return innhold


def versjon_lagre(*, notat: Konseptnotat, aktor) -> KonseptnotatVersjon:
    """Keep what the note says now as its version number `notat.versjon`."""
    versjon, _ = KonseptnotatVersjon.objects.update_or_create(
        notat=notat,
        nummer=notat.versjon,
        defaults={"innhold": innhold_av(notat), "lagret_av": aktor},
    )
    return versjon


@transaction.atomic
def versjon_frys(*, notat: Konseptnotat, aktor) -> KonseptnotatVersjon:
    """Freeze the version that goes to a portfolio meeting or decision.

    Returns the latest version, saved first if the note has changed since, marked frozen; a
    frozen version is never changed again.
    """
    notat = Konseptnotat.objects.select_for_update().get(pk=notat.pk)
    siste = notat.versjoner.order_by("-nummer").first()
    if siste is None or siste.innhold != innhold_av(notat):
        if siste is not None and siste.nummer >= notat.versjon:
            notat.versjon = siste.nummer + 1
            notat.save(update_fields=["versjon"])
        siste = versjon_lagre(notat=notat, aktor=aktor)
    if not siste.frosset:
        siste.frosset = True
        siste.save(update_fields=["frosset"])
    return siste


@transaction.atomic
def notat_sett_behandlet(*, notat: Konseptnotat, aktor) -> None:
    """Called by the portfolio's decision (Velge): the note has been decided on."""
    Konseptnotat.objects.filter(pk=notat.pk).update(status=Status.BEHANDLET)
    notat.status = Status.BEHANDLET
    logg_hendelse(
        aktor=aktor, objekt=notat, handling="behandlet", beskrivelse="Konseptnotatet er behandlet."
    )


@transaction.atomic
def notat_send_til_revisjon(*, notat: Konseptnotat, aktor, kommentar: str) -> None:
    """Send the note back to its owner with a comment (development team or a portfolio)."""
    Konseptnotat.objects.filter(pk=notat.pk).update(status=Status.TIL_REVISJON)
    notat.status = Status.TIL_REVISJON
    logg_hendelse(
        aktor=aktor,
        objekt=notat,
        handling="til_revisjon",
        beskrivelse=f"Sendt tilbake til revisjon: {kommentar}",
    )


@transaction.atomic
def notat_flytt_til_portefolje(*, notat: Konseptnotat, portefolje, aktor) -> None:
    """Move a ready note to another portfolio, e.g. when a section lifts it to KLG."""
    Konseptnotat.objects.filter(pk=notat.pk).update(portefolje=portefolje, status=Status.KLAR)
    notat.portefolje, notat.status = portefolje, Status.KLAR
    logg_hendelse(
        aktor=aktor,
        objekt=notat,
        handling="flyttet",
        beskrivelse=f"Flyttet til porteføljen {portefolje}.",
    )
