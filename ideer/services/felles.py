"""What the workflows share: the refusal, locking, saving with a new version, telling the
submitter."""

import logging

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from ideer.models import LUKKEDE_STATUSER, Innspill, StatusEndring
from ideer.overganger import STATUS
from portefolje.samtidighet import laas_versjon, lagre_versjon
from portefolje.varsler import varsel_opprett

logger = logging.getLogger(__name__)


class TriageFeil(Exception):
    """A triage step that cannot be done; the message is for the person who tried."""


# --- helpers


def _kvitteringslenke(innspill) -> str:
    return f"{settings.PORTAL_BASE_URL}/innspill/{innspill.kode}/"


def _varsle_innsender(innspill: Innspill, *, emne, tekst, type: str) -> None:
    """Tell the submitter: a notification to an employee, an e-mail to a citizen who consented.

    Both go through the core's one path (portefolje.varsler): the e-mail is queued when the
    transaction commits and sent by a retried task, never in the request, so nobody is told
    about a change that was rolled back and a mail server that is down never fails the triage.
    Written in the submitter's language: an employee's own, a citizen's the one they wrote the
    input in. `emne` is a lazy text or a callable; `tekst` a callable, or what someone wrote.
    """

    def tittel():
        return f"{emne() if callable(emne) else emne}: {innspill.tittel}"

    def brodtekst():
        return str(tekst() if callable(tekst) else tekst)

    felles = {
        "type": type,
        "objekt": innspill,
        "periode": str(innspill.versjon),
        "tittel": tittel,
    }
    if innspill.innsender_id:
        varsel_opprett(
            mottaker=innspill.innsender,
            tekst=brodtekst,
            lenke=innspill.get_absolute_url(),
            **felles,
        )
    elif innspill.innsender_epost and innspill.samtykke_epost and not innspill.anonymisert:

        def til_innbygger():
            return "\n\n".join(
                [
                    brodtekst(),
                    _("Follow your input here: %(lenke)s") % {"lenke": _kvitteringslenke(innspill)},
                    _("Best regards,\nØvre Eiker kommune"),
                ]
            )

        varsel_opprett(
            mottaker_epost=innspill.innsender_epost,
            tekst=til_innbygger,
            lenke=_kvitteringslenke(innspill),
            sprak=innspill.sprak or None,
            **felles,
        )


def _lås(innspill: Innspill, versjon: int | None) -> Innspill:
    return laas_versjon(Innspill, pk=innspill.pk, versjon=versjon)


def _sett_status(innspill: Innspill, til: str, *, aktor, kommentar: str = "") -> None:
    """Move the input to a new status and record the step; the caller saves the row.

    Refuses (`UlovligOvergang`) a move that `ideer/overganger.py` does not declare from where
    the input stands, or that `aktor` may not make.
    """
    STATUS.sjekk(innspill, til, aktor)
    fra = innspill.status
    innspill.status = til
    if til in LUKKEDE_STATUSER:
        innspill.lukket = innspill.lukket or timezone.now()
    else:
        innspill.lukket = None
    if fra != til:
        StatusEndring.objects.create(
            innspill=innspill,
            fra_status=fra,
            til_status=til,
            endret_av=aktor if getattr(aktor, "is_authenticated", False) else None,
            kommentar=kommentar,
        )


def _lagre(innspill: Innspill, felter: list[str]) -> None:
    lagre_versjon(innspill, felter=felter)
