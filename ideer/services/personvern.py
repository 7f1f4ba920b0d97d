"""Forgetting citizens' personal data when the retention time has passed."""

import calendar
from datetime import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ideer.models import Innspill
from portefolje.models import Hendelse
from portefolje.revisjon import logg_hendelse
from portefolje.varsler import varsler_glem_adresser


def _maaneder_tilbake(tidspunkt: datetime, maaneder: int) -> datetime:
    aar, maaned = divmod(tidspunkt.year * 12 + tidspunkt.month - 1 - maaneder, 12)
    dag = min(tidspunkt.day, calendar.monthrange(aar, maaned + 1)[1])
    return tidspunkt.replace(year=aar, month=maaned + 1, day=dag)


def _fjern_personspor(innspill: Innspill) -> None:
    """What else a citizen left: earlier field-history rows with the name and e-mail, the
    attachments (a photo or letter is personal data) and their file names in the audit trail.

    The audit lines are the one place the trail is rewritten: the law on retention outranks
    «never changed», and only the file name goes, not that a file was added.
    """
    innspill.history.update(innsender_navn="", innsender_epost="")
    for vedlegg in innspill.vedlegg.all():
        navn, lagring = vedlegg.fil.name, vedlegg.fil.storage
        vedlegg.delete()
        transaction.on_commit(lambda navn=navn, lagring=lagring: lagring.delete(navn))
    Hendelse.objects.for_objekt(innspill).filter(handling="vedlegg_lagt_ved").update(
        beskrivelse=_(
            "Attachment added (removed with the personal data after the retention period)"
        )
    )


def innspill_anonymiser_utlopte(*, maaneder: int | None = None, na: datetime | None = None) -> int:
    """Remove citizens' names and e-mail from inputs closed longer than the retention period,
    with their attachments and file names (also from field history and the audit trail).

    The text stays: it is part of the municipality's case history. Returns how many inputs
    were anonymised. Safe to run any number of times.
    """
    maaneder = settings.INNSPILL_OPPBEVARING_MAANEDER if maaneder is None else maaneder
    na = na or timezone.now()
    grense = _maaneder_tilbake(na, maaneder)
    antall = 0
    kandidater = Innspill.objects.filter(
        lukket__lt=grense, anonymisert__isnull=True, innsender__isnull=True
    ).values_list("pk", flat=True)
    for pk in kandidater.iterator():
        with transaction.atomic():
            innspill = Innspill.objects.select_for_update().get(pk=pk)
            if innspill.anonymisert or not innspill.lukket or innspill.lukket >= grense:
                continue
            innspill.innsender_navn = ""
            innspill.innsender_epost = ""
            innspill.samtykke_epost = False
            innspill.anonymisert = na
            innspill.save(
                update_fields=["innsender_navn", "innsender_epost", "samtykke_epost", "anonymisert"]
            )
            varsler_glem_adresser(objekt=innspill)
            _fjern_personspor(innspill)
            logg_hendelse(
                aktor=None,
                objekt=innspill,
                handling="anonymisert",
                beskrivelse=_("Name and e-mail removed after %(maaneder)s months (retention)")
                % {"maaneder": maaneder},
            )
            antall += 1
    return antall
