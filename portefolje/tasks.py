"""The core's Celery tasks: the hourly reminder pass, one notification's e-mail, sending to the
archive and its sweep, and the daily clean-up of one-time form keys.

Every e-mail the portal sends, for every phase and for citizens, goes through
`send_varsel_epost`. Tasks take ids only and stay small: the work is in `portefolje.paminnelser`
and `portefolje.epost`.
"""

import logging
import smtplib

from celery import shared_task

from portefolje.arkiv.tjenester import arkivforsendelse_send, arkivforsendelser_feie
from portefolje.epost import varsel_epost_send
from portefolje.models import Arkivforsendelse
from portefolje.paminnelser import paminnelser_kjor
from portefolje.skjema import skjemanokler_rydd

logger = logging.getLogger("portefolje.paminnelser")


@shared_task(name="portefolje.tasks.kjor_paminnelser", ignore_result=True)
def kjor_paminnelser() -> dict:
    """The reminder pass (Celery beat, every hour): claims due reminders, queues their e-mails,
    and queues again any e-mail still unsent. Running it twice at once, or again after a
    restart, sends nothing twice."""
    resultat = paminnelser_kjor()
    logger.info("kjor_paminnelser: %s", resultat.som_dict())
    return resultat.som_dict()


@shared_task(
    name="portefolje.tasks.send_varsel_epost",
    ignore_result=True,
    acks_late=True,
    # The mail server down or refusing for a while: retry with growing pauses (1 s, 2 s, 4 s …
    # up to 10 min, with jitter). After the last try the claim stays unsent, and the hourly pass
    # queues it again.
    autoretry_for=(OSError, smtplib.SMTPException),
    retry_backoff=True,
    retry_backoff_max=600,
    retry_jitter=True,
    max_retries=6,
)
def send_varsel_epost(varsel_id: int) -> str:
    """Send one claimed notification's e-mail, at most once (see portefolje.epost)."""
    utfall = varsel_epost_send(varsel_id=varsel_id)
    logger.info("send_varsel_epost(%s): %s", varsel_id, utfall)
    return utfall


@shared_task(name="portefolje.tasks.rydd_skjemanokler")
def rydd_skjemanokler() -> int:
    """Daily: remove one-time form keys too old to meet a repeated post. Safe to run twice."""
    return skjemanokler_rydd()


@shared_task(
    bind=True,
    name="portefolje.tasks.send_arkivforsendelse",
    ignore_result=True,
    acks_late=True,
    max_retries=None,
)
def send_arkivforsendelse(self, forsendelse_id: int) -> None:
    """Send one archive item (portefolje.arkiv). A failure is recorded on the item and tried
    again after a growing pause, until the service says stop; safe to deliver twice."""
    forsendelse = Arkivforsendelse.objects.filter(pk=forsendelse_id).first()
    if forsendelse is None:
        return
    vent = arkivforsendelse_send(forsendelse=forsendelse)
    if vent is not None:
        raise self.retry(countdown=vent)


@shared_task(name="portefolje.tasks.feie_arkivforsendelser", ignore_result=True)
def feie_arkivforsendelser() -> dict:
    """Every five minutes: queue again archive items left waiting, and mark received those the
    archive has taken (portefolje.arkiv.tjenester.arkivforsendelser_feie)."""
    return arkivforsendelser_feie()
