"""Approving a meeting's minutes, which puts its decisions on the public record."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from portefolje.revisjon import logg_hendelse
from velge import arkiv, permissions, selectors
from velge.models import Beslutning, Mote, Protokollgodkjenning, Protokollregel


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
def protokoll_godkjenn(*, mote: Mote, aktor, i_mote: Mote | None = None) -> Protokollgodkjenning:
    """The chair approves the meeting's minutes as drafted from its decisions (kommuneloven):
    after the meeting, or, when the portfolio's rule says so (`Protokollregel.NESTE_MOTE`), as an
    item in its next meeting (`i_mote`). Every road to approved minutes ends here.

    From now on the meeting's decisions and their public justification are on the public record
    (`/resultater/`, the feed, archiving), each published now; the internal notes never are.
    Exemptions (unntatt offentlighet) still hold. The minutes and each decision are filed to
    the archive (velge.arkiv), sent once this transaction commits. Refuses (PermissionDenied)
    anyone who may not decide in the portfolio and (ValidationError, nothing changed) minutes of
    a meeting not held yet, and an approval the portfolio's rule does not allow: outside the
    next meeting when the rule says the next meeting, in a meeting that is not the next one or
    not held yet, or in a meeting when the rule says the chair approves after. Approving again
    changes nothing and returns the first approval.
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
    _etter_regelen(mote=mote, i_mote=i_mote)
    na = timezone.now()
    godkjenning = Protokollgodkjenning.objects.create(
        mote=mote, godkjent=na, godkjent_av=aktor, godkjent_i_mote=i_mote
    )
    antall = Beslutning.objects.filter(mote=mote, publisert__isnull=True).update(publisert=na)
    logg_hendelse(
        aktor=aktor,
        objekt=mote,
        handling="protokoll_godkjent",
        beskrivelse=_("The minutes of %(mote)s were approved; %(antall)s decisions published.")
        % {"mote": mote, "antall": antall},
        data={
            "mote_id": mote.pk,
            "publisert": antall,
            "i_mote_id": getattr(i_mote, "pk", None),
        },
    )
    arkiv.protokoll_arkiver(godkjenning=godkjenning)
    return godkjenning


def _etter_regelen(*, mote: Mote, i_mote: Mote | None) -> None:
    """Refuse (ValidationError) an approval the portfolio's rule for minutes does not allow."""
    if selectors.regel_for(mote.portefolje).protokoll == Protokollregel.LEDER:
        if i_mote is not None:
            raise ValidationError(
                _("In this portfolio the chair approves the minutes after the meeting.")
            )
        return
    if i_mote is None:
        raise ValidationError(
            _(
                "In this portfolio the minutes are approved as an item in the next meeting: "
                "approve them from that meeting's page."
            )
        )
    if selectors.moter_rundt(mote)[1] != i_mote:
        raise ValidationError(_("The minutes are approved in the meeting that follows."))
    if i_mote.dato > timezone.localdate():
        raise ValidationError(
            _("The next meeting is on %(dato)s: approve the minutes in it, when it is held.")
            % {"dato": formats.date_format(i_mote.dato, "j. F Y")}
        )
