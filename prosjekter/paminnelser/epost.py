"""One notification's e-mail: rendered in Norwegian (plain text and HTML) and sent once.

`varsel_epost_send` is the only place e-mail for a notification is sent. It locks the row and
sends only if no e-mail went out yet, then records the time in the same transaction: two
workers (or a retry and the pass's re-queue) never both send, and a failure leaves the row
unsent for the next attempt.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from portefolje.models import Varsel

logger = logging.getLogger("prosjekter.paminnelser")

SENDT = "sendt"
ALLEREDE_SENDT = "allerede_sendt"
OPPTATT = "opptatt"
IKKE_ONSKET = "ikke_onsket"
INGEN_ADRESSE = "ingen_adresse"
FINNES_IKKE = "finnes_ikke"


def absolutt_lenke(lenke: str) -> str:
    """A link stored as a path, made absolute with the portal's address (PORTAL_BASE_URL)."""
    if not lenke:
        return settings.PORTAL_BASE_URL + "/"
    if lenke.startswith(("http://", "https://")):
        return lenke
    return settings.PORTAL_BASE_URL + (lenke if lenke.startswith("/") else "/" + lenke)


def varsel_epost_bygg(*, varsel: Varsel) -> EmailMultiAlternatives:
    """The e-mail for one notification, from prosjekter/epost/varsel.{txt,html,emne.txt}."""
    with translation.override(settings.LANGUAGE_CODE):
        kontekst = {
            "varsel": varsel,
            "mottaker": varsel.mottaker,
            "lenke": absolutt_lenke(varsel.lenke),
            "innstillinger": absolutt_lenke("/varsler/innstillinger/"),
            "portal": settings.PORTAL_BASE_URL,
        }
        emne = " ".join(render_to_string("prosjekter/epost/varsel_emne.txt", kontekst).split())
        tekst = render_to_string("prosjekter/epost/varsel.txt", kontekst)
        html = render_to_string("prosjekter/epost/varsel.html", kontekst)
    melding = EmailMultiAlternatives(
        subject=emne,
        body=tekst,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[varsel.mottaker.email],
    )
    melding.attach_alternative(html, "text/html")
    return melding


def varsel_epost_send(*, varsel_id: int) -> str:
    """Send one claimed notification's e-mail unless it has been sent; returns what happened.

    Locks the row with SKIP LOCKED: if another worker holds it, that one is sending, so this one
    returns OPPTATT at once. A mail server error propagates (the task retries it) and rolls the
    transaction back, so the row stays unsent.
    """
    with transaction.atomic():
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
        if not varsel.mottaker.email or not varsel.mottaker.is_active:
            # The address was removed after the claim: the portal notification is what remains.
            varsel.epost_onsket = False
            varsel.save(update_fields=["epost_onsket"])
            logger.warning(
                "Varsel %s: %s har ingen e-postadresse eller er deaktivert; bare i portalen",
                varsel_id,
                varsel.mottaker.username,
            )
            return INGEN_ADRESSE
        varsel_epost_bygg(varsel=varsel).send()
        varsel.epost_sendt = timezone.now()
        varsel.save(update_fields=["epost_sendt"])
    logger.info(
        "Varsel %s (%s) sendt på e-post til %s", varsel_id, varsel.type, varsel.mottaker.username
    )
    return SENDT
