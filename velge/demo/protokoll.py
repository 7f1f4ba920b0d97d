"""The demo's minutes: those of meetings already held are approved by the chair the day after,
so their decisions are on the public record; coming meetings' minutes stay drafts."""

from datetime import datetime, time, timedelta

from django.utils import timezone

from velge import services
from velge.models import Beslutning, Mote, Protokollgodkjenning


def opprett(portefoljer, idag) -> int:
    """Approve the minutes of the held meetings with decisions; returns how many were approved."""
    holdte = (
        Mote.objects.filter(portefolje__in=portefoljer, dato__lt=idag, beslutninger__isnull=False)
        .exclude(protokollgodkjenning__isnull=False)
        .select_related("portefolje")
        .distinct()
    )
    antall = 0
    for mote in holdte:
        services.protokoll_godkjenn(mote=mote, aktor=mote.portefolje.leder)
        # Demo only: approved the day after the meeting, as a chair would have done.
        dagen_etter = timezone.make_aware(datetime.combine(mote.dato + timedelta(days=1), time(9)))
        tidspunkt = min(dagen_etter, timezone.now())
        Protokollgodkjenning.objects.filter(mote=mote).update(godkjent=tidspunkt)
        Beslutning.objects.filter(mote=mote).update(publisert=tidspunkt)
        antall += 1
    return antall
