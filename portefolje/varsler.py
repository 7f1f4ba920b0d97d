"""Notifications in the portal. The reminder pass (prosjekter.tasks) adds e-mail on top."""

from django.db import IntegrityError, transaction

from portefolje.models import Varsel


def varsel_opprett(
    *, mottaker, type: str, objekt, tittel: str, tekst: str = "", lenke: str = "", periode: str = ""
) -> Varsel | None:
    """Claim and create one notification; None if this one was already claimed.

    The unique constraint on (recipient, kind, object, period) is the claim: a second call, from
    any process, gets None and must not send anything.
    """
    try:
        with transaction.atomic():
            return Varsel.objects.create(
                mottaker=mottaker,
                type=type,
                objekt_type=objekt._meta.label_lower,
                objekt_id=objekt.pk,
                periode=periode,
                tittel=tittel[:200],
                tekst=tekst,
                lenke=lenke,
            )
    except IntegrityError:
        return None
