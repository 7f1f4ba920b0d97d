"""The guide's comments on a note's sections, and resolving them."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from konseptnotat.mal import SEKSJON_ETTER_NOKKEL
from konseptnotat.models import (
    Kommentar,
    Konseptnotat,
)
from konseptnotat.services.felles import NotatFeil, _varsle_forfattere
from konseptnotat.varsler import KONSEPTNOTAT_KOMMENTAR
from portefolje.revisjon import logg_hendelse


@transaction.atomic
def kommentar_opprett(*, notat: Konseptnotat, seksjon: str, tekst: str, aktor) -> Kommentar:
    """Guidance on one section (`mal.Seksjon.nokkel`, or "" for the whole note).

    The owner and co-authors are notified in the portal (not the one who wrote it).
    """
    if seksjon and seksjon not in SEKSJON_ETTER_NOKKEL:
        raise NotatFeil(_("Unknown section."))
    tekst = tekst.strip()
    if not tekst:
        raise NotatFeil(_("Write a comment."))
    kommentar = Kommentar.objects.create(
        notat=notat, seksjon=seksjon, forfatter=aktor, tekst=tekst, versjon=notat.versjon
    )
    logg_hendelse(
        aktor=aktor,
        objekt=notat,
        handling="kommentar",
        beskrivelse=_("Comment on %(seksjon)s.")
        % {"seksjon": SEKSJON_ETTER_NOKKEL[seksjon].tittel if seksjon else _("the whole note")},
        data={"kommentar": kommentar.pk},
    )

    def seksjonstittel():
        return str(SEKSJON_ETTER_NOKKEL[seksjon].tittel if seksjon else _("the whole note"))

    _varsle_forfattere(
        notat=notat,
        aktor=aktor,
        type=KONSEPTNOTAT_KOMMENTAR,
        tittel=lambda: (
            _("New comment on «%(tittel)s»: %(seksjon)s")
            % {"tittel": notat.tittel, "seksjon": seksjonstittel()}
        ),
        tekst=tekst[:500],
        periode=f"kommentar-{kommentar.pk}",
    )
    return kommentar


@transaction.atomic
def kommentar_los(*, kommentar: Kommentar, aktor) -> Kommentar:
    """Mark a comment resolved (idempotent)."""
    laast = Kommentar.objects.select_for_update().get(pk=kommentar.pk)
    if laast.lost is None:
        laast.lost = timezone.now()
        laast.lost_av = aktor
        laast.save(update_fields=["lost", "lost_av"])
        logg_hendelse(
            aktor=aktor,
            objekt=laast.notat,
            handling="kommentar_lost",
            beskrivelse=_("Comment resolved."),
            data={"kommentar": laast.pk},
        )
    return laast
