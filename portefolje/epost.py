"""The portal's e-mail: one notification's e-mail, in the recipient's written language, sent once.

`varsel_epost_send` is the only place the portal sends e-mail, for every phase and for citizens
alike. It locks the notification's row (SKIP LOCKED) and sends only if no e-mail went out yet,
then records the time in the same transaction: two workers (or a retry and the reminder pass's
catch-up) never both send, and a failure leaves the row unsent for the next attempt.

The row is marked sent as soon as the mail server accepts the message (250 after DATA), and the
connection's QUIT waits until that mark is committed: a server slow to answer QUIT (up to
EMAIL_TIMEOUT) no longer widens the window. What remains:
- the process dies in the milliseconds between the server's 250 and the COMMIT of the mark;
- the server accepted the message, but its 250 was lost on the way (a dropped connection, a
  timeout while waiting for it): we cannot tell that from a refusal, so the retry sends again.
SMTP has no way to ask the server whether it already holds a message, so these cannot be closed
from our side; each needs a crash or a network fault in a window of one round trip.
"""

import logging
import re
import smtplib

from django.conf import settings
from django.core import mail
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from portefolje.koe import oppgave_koe
from portefolje.models import Varsel
from portefolje.sprak import paa_sprak

logger = logging.getLogger("portefolje.epost")

SENDT = "sendt"
ALLEREDE_SENDT = "allerede_sendt"
OPPTATT = "opptatt"
IKKE_ONSKET = "ikke_onsket"
INGEN_ADRESSE = "ingen_adresse"
FINNES_IKKE = "finnes_ikke"

# C0 and C1 control characters, DEL, and the Unicode line and paragraph separators.
_KONTROLLTEGN = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def rens_header(verdi: str) -> str:
    """A header value (subject, display name) on one line: control characters and line breaks
    become spaces, runs of spaces one. What people typed («Hei\\r\\nBcc: …») cannot add a
    header, and Django never refuses the message for it."""
    return " ".join(_KONTROLLTEGN.sub(" ", str(verdi)).split())


def absolutt_lenke(lenke: str) -> str:
    """A link stored as a path, made absolute with the portal's address (PORTAL_BASE_URL)."""
    if not lenke:
        return settings.PORTAL_BASE_URL + "/"
    if lenke.startswith(("http://", "https://")):
        return lenke
    return settings.PORTAL_BASE_URL + (lenke if lenke.startswith("/") else "/" + lenke)


def varsel_epost_bygg(*, varsel: Varsel) -> EmailMultiAlternatives:
    """The e-mail for one notification, from portefolje/epost/varsel{.txt,.html,_emne.txt},
    in the written language the notification was made in (the recipient's)."""
    with paa_sprak(varsel.sprak):
        kontekst = {
            "varsel": varsel,
            "mottaker": varsel.mottaker,
            "lenke": absolutt_lenke(varsel.lenke),
            "innstillinger": absolutt_lenke("/varsler/innstillinger/"),
            "portal": settings.PORTAL_BASE_URL,
        }
        emne = rens_header(render_to_string("portefolje/epost/varsel_emne.txt", kontekst))
        tekst = render_to_string("portefolje/epost/varsel.txt", kontekst)
        html = render_to_string("portefolje/epost/varsel.html", kontekst)
    melding = EmailMultiAlternatives(
        subject=emne,
        body=tekst,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[varsel.adresse],
    )
    melding.attach_alternative(html, "text/html")
    return melding


def _laas_usendt(varsel_id: int) -> Varsel | str:
    """The notification's row, locked (SKIP LOCKED), if its e-mail is to be sent now; otherwise
    what happened instead. Call inside a transaction."""
    varsel = (
        Varsel.objects.select_for_update(skip_locked=True, of=("self",))
        .select_related("mottaker")
        .filter(pk=varsel_id)
        .first()
    )
    if varsel is None:
        if Varsel.objects.filter(pk=varsel_id).exists():
            logger.info("Varsel %s: en annen prosess sender e-posten nå", varsel_id)
            return OPPTATT
        logger.warning("Varsel %s finnes ikke; ingen e-post", varsel_id)
        return FINNES_IKKE
    if varsel.epost_sendt is not None:
        logger.info("Varsel %s: e-posten er allerede sendt, sender ikke igjen", varsel_id)
        return ALLEREDE_SENDT
    if not varsel.epost_onsket:
        return IKKE_ONSKET
    mottaker = varsel.mottaker
    if not varsel.adresse or (mottaker is not None and not mottaker.is_active):
        # The address was removed after the claim: the portal notification is what remains.
        varsel.epost_onsket = False
        varsel.save(update_fields=["epost_onsket"])
        logger.warning(
            "Varsel %s: %s har ingen e-postadresse eller er deaktivert; bare i portalen",
            varsel_id,
            mottaker.username if mottaker else "innsenderen",
        )
        return INGEN_ADRESSE
    return varsel


def varsel_epost_send(*, varsel_id: int) -> str:
    """Send one claimed notification's e-mail unless it has been sent; returns what happened.

    Locks the row with SKIP LOCKED: if another worker holds it, that one is sending, so this one
    returns OPPTATT at once. A mail server error propagates (the task retries it) and rolls the
    transaction back, so the row stays unsent. Refuses to send what is not wanted, what has no
    address any more, or to a deactivated user.

    The row is marked sent as soon as the mail server has accepted the message (its 250 after
    DATA), and the mark is committed before the connection is closed: QUIT, which may hang for
    as long as EMAIL_TIMEOUT, is outside the window. What remains (see the module docstring):
    the milliseconds between the server's 250 and the COMMIT, and a 250 lost on the network.
    """
    forbindelse = mail.mailers.default
    try:
        with transaction.atomic():
            varsel = _laas_usendt(varsel_id)
            if isinstance(varsel, str):
                return varsel
            # An open connection is left open by send_messages(): it returns on the server's
            # answer to DATA, without QUIT.
            forbindelse.open()
            forbindelse.send_messages([varsel_epost_bygg(varsel=varsel)])
            varsel.epost_sendt = timezone.now()
            # A citizen's address is kept only until their e-mail is sent.
            varsel.mottaker_epost = ""
            varsel.save(update_fields=["epost_sendt", "mottaker_epost"])
    finally:
        # QUIT only after the mark is committed (or, on an error, rolled back).
        _lukk(forbindelse)
    mottaker = varsel.mottaker
    logger.info(
        "Varsel %s (%s) sendt på e-post til %s",
        varsel_id,
        varsel.type,
        mottaker.username if mottaker else "innsenderen",
    )
    return SENDT


def _lukk(forbindelse) -> None:
    """Close the mail connection; a server that hangs or drops on QUIT changes nothing now."""
    try:
        forbindelse.close()
    except (OSError, smtplib.SMTPException):
        logger.warning("E-posttjeneren svarte ikke på QUIT; meldingen var allerede levert")


# The task that sends one notification's e-mail (portefolje.tasks), named rather than imported:
# the outbox is below the tasks that use it.
SEND_OPPGAVE = "portefolje.tasks.send_varsel_epost"


def epost_koe(varsel_id: int) -> None:
    """Queue one notification's e-mail when the surrounding transaction commits. With the broker
    down the claim stays unsent and the next reminder pass queues it again
    (portefolje.paminnelser.epost_ettersend): a request that saved its change never fails for
    the mail, and nothing is lost or sent twice."""
    oppgave_koe(SEND_OPPGAVE, varsel_id, ved_feil="neste påminnelsesrunde prøver igjen")
