"""Impartiality and the portfolio's decision rule: a member declares themselves disqualified on
a note; the chair sets the quorum and names a deputy."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from konseptnotat.models import Konseptnotat
from portefolje.models import Medlemskap
from portefolje.revisjon import logg_hendelse
from velge import permissions, selectors
from velge.models import (
    Agendapunkt,
    Beslutning,
    Beslutningsregel,
    Inhabilitet,
    Kvorum,
    Mote,
    Protokollregel,
)


def inhabilitet_erklaer(*, mote: Mote, notat: Konseptnotat, medlem, grunn: str) -> Inhabilitet:
    """A member (or the chair) declares themselves disqualified on a note on the meeting's
    agenda, with the reason the minutes record. From then on their scores of the note do not
    count, they are not offered it to score, and they do not decide on it.

    Refuses anyone who does not score in the portfolio (PermissionDenied), and (ValidationError,
    nothing changed) an empty reason, a note off the agenda or already decided, and a second
    declaration on the same note.
    """
    if not permissions.kan_vurdere(medlem, mote.portefolje):
        raise PermissionDenied
    grunn = (grunn or "").strip()
    if not grunn:
        raise ValidationError({"grunn": _("Say why you are disqualified.")})
    if not Agendapunkt.objects.filter(mote=mote, notat=notat).exists():
        raise ValidationError(_("The note is not on this meeting's agenda."))
    if Beslutning.objects.filter(mote=mote, notat=notat).exists():
        raise ValidationError(_("The note has already been decided."))
    igjen = ValidationError(_("You are already disqualified on this note."))
    if selectors.er_inhabil(bruker=medlem, notat=notat):
        raise igjen
    try:
        with transaction.atomic():
            inhabilitet = Inhabilitet.objects.create(notat=notat, medlem=medlem, grunn=grunn)
    except IntegrityError:  # the same declaration sent twice at once
        raise igjen from None
    logg_hendelse(
        aktor=medlem,
        objekt=inhabilitet,
        handling="inhabilitet_erklart",
        beskrivelse=_("Declared disqualified on «%(notat)s»: %(grunn)s")
        % {"notat": notat, "grunn": grunn},
        data={"notat_id": notat.pk, "mote_id": mote.pk},
    )
    return inhabilitet


@transaction.atomic
def beslutningsregel_lagre(
    *, portefolje, kvorum: str, stedfortreder, aktor, protokoll: str | None = None
) -> Beslutningsregel:
    """The chair sets the portfolio's quorum, names the deputy who chairs the items the chair
    is disqualified on (None: no deputy), and chooses how minutes are approved (`protokoll`, a
    velge.models.Protokollregel; None leaves it as it is).

    Refuses anyone but the chair (PermissionDenied), and (ValidationError, nothing changed) an
    unknown rule and a deputy who does not score in the portfolio or is the chair.
    """
    if not permissions.kan_beslutte(aktor, portefolje):
        raise PermissionDenied
    if kvorum not in Kvorum.values:
        raise ValidationError({"kvorum": _("Choose one of the rules.")})
    if protokoll is not None and protokoll not in Protokollregel.values:
        raise ValidationError({"protokoll": _("Choose one of the rules.")})
    if stedfortreder is not None and (
        not Medlemskap.objects.filter(
            portefolje=portefolje,
            bruker=stedfortreder,
            rolle__in=selectors.STEMMEBERETTIGEDE,
        ).exists()
        or permissions.er_leder(stedfortreder, portefolje)
    ):
        raise ValidationError(
            {"stedfortreder": _("Choose a member of the portfolio other than the chair.")}
        )
    regel, _ny = Beslutningsregel.objects.select_for_update().get_or_create(portefolje=portefolje)
    regel.kvorum, regel.stedfortreder = kvorum, stedfortreder
    if protokoll is not None:
        regel.protokoll = protokoll
    regel.save()
    logg_hendelse(
        aktor=aktor,
        objekt=regel,
        handling="beslutningsregel_lagret",
        beskrivelse=_(
            "Decision rule for %(portefolje)s: %(kvorum)s; deputy chair: %(navn)s; minutes: "
            "%(protokoll)s"
        )
        % {
            "portefolje": portefolje,
            "kvorum": regel.get_kvorum_display(),
            "navn": stedfortreder or "–",
            "protokoll": regel.get_protokoll_display(),
        },
        data={
            "kvorum": kvorum,
            "stedfortreder_id": getattr(stedfortreder, "pk", None),
            "protokoll": regel.protokoll,
        },
    )
    return regel
