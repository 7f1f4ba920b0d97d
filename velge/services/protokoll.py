"""Approving a meeting's minutes, which puts its decisions on the public record."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from portefolje.revisjon import logg_hendelse
from velge import arkiv, permissions
from velge.models import Beslutning, Mote, Protokollgodkjenning


def protokoll_kan_endres(*, mote: Mote) -> None:
    """Refuse (ValidationError) a new decision in a meeting whose minutes are approved: what the
    minutes say, and what has been published from them, is final."""
    if Protokollgodkjenning.objects.filter(mote=mote).exists():
        raise ValidationError(
            _(
                "The minutes of this meeting are approved and published: record the decision in "
                "a later meeting."
            )
        )


@transaction.atomic
def protokoll_godkjenn(*, mote: Mote, aktor) -> Protokollgodkjenning:
    """The chair approves the meeting's minutes as drafted from its decisions (kommuneloven).

    From now on the meeting's decisions and their public justification are on the public record
    (`/resultater/`, the feed, archiving), each published now; the internal notes never are.
    Exemptions (unntatt offentlighet) still hold. The minutes and each decision are filed to
    the archive (velge.arkiv), sent once this transaction commits. Refuses (PermissionDenied)
    anyone who may not decide in the portfolio and (ValidationError, nothing changed) minutes of
    a meeting not held yet. Approving again changes nothing and returns the first approval.
    """
    if not permissions.kan_beslutte(aktor, mote.portefolje):
        raise PermissionDenied
    mote = Mote.objects.select_for_update().get(pk=mote.pk)
    if (tidligere := Protokollgodkjenning.objects.filter(mote=mote).first()) is not None:
        return tidligere
    if mote.dato > timezone.localdate():
        raise ValidationError(
            _("The meeting is on %(dato)s: its minutes can be approved once it has been held.")
            % {"dato": formats.date_format(mote.dato, "j. F Y")}
        )
    na = timezone.now()
    godkjenning = Protokollgodkjenning.objects.create(mote=mote, godkjent=na, godkjent_av=aktor)
    antall = Beslutning.objects.filter(mote=mote, publisert__isnull=True).update(publisert=na)
    logg_hendelse(
        aktor=aktor,
        objekt=mote,
        handling="protokoll_godkjent",
        beskrivelse=_("The minutes of %(mote)s were approved; %(antall)s decisions published.")
        % {"mote": mote, "antall": antall},
        data={"mote_id": mote.pk, "publisert": antall},
    )
    arkiv.protokoll_arkiver(godkjenning=godkjenning)
    return godkjenning
