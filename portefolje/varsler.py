"""Notifications in the portal. The reminder pass (prosjekter.tasks) adds e-mail on top."""

from django.db import IntegrityError, transaction

from portefolje.models import Varsel, VarselInnstilling, Varseltype
from portefolje.models.varsler import AV_SOM_STANDARD


def varsel_opprett(
    *,
    mottaker,
    type: str,
    objekt,
    tittel: str,
    tekst: str = "",
    lenke: str = "",
    periode: str = "",
    epost: bool = False,
) -> Varsel | None:
    """Claim and create one notification; None if this one was already claimed.

    The unique constraint on (recipient, kind, object, period) is the claim: a second call, from
    any process, gets None and must not send anything. `epost` marks the e-mail as wanted: the
    reminder pass queues it at once for its own claims, and sends the others' (e.g. Begrunne's
    «sent back») when it next runs and finds them unsent for ETTERSEND_ETTER_MINUTTER.
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
                epost_onsket=epost,
            )
    except IntegrityError:
        return None


def varselinnstillinger_for(*, bruker) -> dict[str, bool]:
    """The person's e-mail choice per kind, defaults filled in."""
    lagret = dict(bruker.varselinnstillinger.values_list("type", "epost"))
    return {type: lagret.get(type, type not in AV_SOM_STANDARD) for type in Varseltype.values}


def varselinnstillinger_lagre(*, bruker, valg: dict[str, bool]) -> None:
    """Save the person's e-mail choice per kind (only kinds in Varseltype)."""
    with transaction.atomic():
        for type, epost in valg.items():
            if type in Varseltype.values:
                VarselInnstilling.objects.update_or_create(
                    bruker=bruker, type=type, defaults={"epost": bool(epost)}
                )
