"""The audit trail: one explicit call per change, from the service that makes it."""

from portefolje.models import Hendelse


def logg_hendelse(*, aktor, objekt, handling: str, beskrivelse: str, data: dict | None = None):
    """Record that `aktor` (a user, or None for the public and the system) did `handling`."""
    return Hendelse.objects.create(
        aktor=aktor if getattr(aktor, "is_authenticated", False) else None,
        objekt_type=objekt._meta.label_lower,
        objekt_id=objekt.pk,
        handling=handling,
        beskrivelse=beskrivelse,
        data=data or {},
    )
