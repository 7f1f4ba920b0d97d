"""What the workflows share: the refusal, locking, saving with a new version, telling the
submitter."""

import logging
import smtplib

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ideer.models import LUKKEDE_STATUSER, Innspill, StatusEndring
from portefolje.samtidighet import laas_versjon
from portefolje.varsler import varsel_opprett

logger = logging.getLogger(__name__)


class TriageFeil(Exception):
    """A triage step that cannot be done; the message is for the person who tried."""


# --- helpers


def _kvitteringslenke(innspill) -> str:
    return f"{settings.PORTAL_BASE_URL}/innspill/{innspill.kode}/"


def _varsle_innsender(innspill: Innspill, *, emne: str, tekst: str, type: str) -> None:
    """Tell the submitter: e-mail to a citizen who consented, a notification to an employee.

    E-mail goes out only after the transaction commits, so nobody is told about a change that
    was rolled back.
    """
    if innspill.innsender_id:
        varsel_opprett(
            mottaker=innspill.innsender,
            type=type,
            objekt=innspill,
            periode=str(innspill.versjon),
            tittel=f"{emne}: {innspill.tittel}",
            tekst=tekst,
            lenke=innspill.get_absolute_url(),
        )
    elif innspill.innsender_epost and innspill.samtykke_epost and not innspill.anonymisert:
        mottaker = innspill.innsender_epost
        brodtekst = "\n\n".join(
            [
                tekst,
                _("Follow your input here: %(lenke)s") % {"lenke": _kvitteringslenke(innspill)},
                _("Best regards,\nØvre Eiker kommune"),
            ]
        )
        emnelinje = f"{emne}: {innspill.tittel}"
        transaction.on_commit(
            lambda: _send_til_innbygger(emnelinje, brodtekst, mottaker, innspill.pk)
        )


def _send_til_innbygger(emne: str, tekst: str, mottaker: str, innspill_id: int) -> None:
    """E-mail a citizen after the change is saved. A mail server that is down must not undo the
    triage; the failure is logged for the operator (the answer is on the receipt page anyway)."""
    try:
        send_mail(emne, tekst, settings.DEFAULT_FROM_EMAIL, [mottaker])
    except (OSError, smtplib.SMTPException):
        logger.exception("E-post til innsenderen av innspill %s feilet", innspill_id)


def _lås(innspill: Innspill, versjon: int | None) -> Innspill:
    return laas_versjon(Innspill, pk=innspill.pk, versjon=versjon)


def _sett_status(innspill: Innspill, til: str, *, aktor, kommentar: str = "") -> None:
    """Move the input to a new status and record the step; the caller saves the row."""
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
    innspill.versjon += 1
    innspill.save(update_fields=[*felter, "versjon", "endret"])
