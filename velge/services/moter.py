"""Meetings and their agendas: create a meeting, put notes on it or take them off, reveal
the scores."""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from konseptnotat.models import Konseptnotat, Status
from konseptnotat.services import (
    versjon_frys,
)
from portefolje import hurtigbuffer
from portefolje.models import Portefolje
from portefolje.revisjon import logg_hendelse
from velge import permissions
from velge.models import Agendapunkt, Beslutning, Mote


@transaction.atomic
def mote_opprett(*, portefolje: Portefolje, aktor, dato: date, tittel: str = "", sted: str = ""):
    """Create a portfolio meeting (secretary, chair or development team)."""
    if not permissions.kan_redigere_agenda(aktor, portefolje):
        raise PermissionDenied
    mote = Mote.objects.create(portefolje=portefolje, dato=dato, tittel=tittel, sted=sted)
    logg_hendelse(
        aktor=aktor,
        objekt=mote,
        handling="mote_opprettet",
        beskrivelse=_("Meeting %(mote)s created.") % {"mote": mote},
    )
    return mote


def agenda_sett_inn(*, mote: Mote, notat: Konseptnotat, aktor) -> Agendapunkt:
    """Put `notat` last on the agenda with its version frozen. The caller checks who acts and
    holds the locks (adding by hand, and lifting a note to KLG's next meeting)."""
    if notat.status != Status.KLAR or notat.portefolje_id != mote.portefolje_id:
        raise ValidationError(
            _("Only notes that are ready for decision in this portfolio can go on the agenda.")
        )
    if Agendapunkt.objects.filter(mote=mote, notat=notat).exists():
        raise ValidationError(_("The note is already on this meeting's agenda."))
    versjon = versjon_frys(notat=notat, aktor=aktor)
    neste = (mote.agendapunkter.aggregate(m=Max("rekkefolge"))["m"] or 0) + 1
    return Agendapunkt.objects.create(mote=mote, notat=notat, rekkefolge=neste, versjon=versjon)


@transaction.atomic
def agenda_legg_til(*, mote: Mote, notat: Konseptnotat, aktor) -> Agendapunkt:
    """Put a ready note on the agenda; the version members will read is frozen now."""
    if not permissions.kan_redigere_agenda(aktor, mote.portefolje):
        raise PermissionDenied
    Mote.objects.select_for_update().get(pk=mote.pk)  # one agenda edit at a time
    notat = Konseptnotat.objects.select_for_update().get(pk=notat.pk)
    punkt = agenda_sett_inn(mote=mote, notat=notat, aktor=aktor)
    logg_hendelse(
        aktor=aktor,
        objekt=mote,
        handling="agenda_lagt_til",
        beskrivelse=_("«%(notat)s» put on the agenda.") % {"notat": notat},
        data={"notat_id": notat.pk},
    )
    return punkt


@transaction.atomic
def agenda_fjern(*, mote: Mote, notat: Konseptnotat, aktor) -> None:
    """Take an undecided note off the agenda (the note itself is untouched)."""
    if not permissions.kan_redigere_agenda(aktor, mote.portefolje):
        raise PermissionDenied
    Mote.objects.select_for_update().get(pk=mote.pk)
    if Beslutning.objects.filter(mote=mote, notat=notat).exists():
        raise ValidationError(
            _("The note has been decided in this meeting and stays on its agenda.")
        )
    slettet, _antall = Agendapunkt.objects.filter(mote=mote, notat=notat).delete()
    if not slettet:
        raise ValidationError(_("The note is not on this meeting's agenda."))
    logg_hendelse(
        aktor=aktor,
        objekt=mote,
        handling="agenda_fjernet",
        beskrivelse=_("«%(notat)s» taken off the agenda.") % {"notat": notat},
        data={"notat_id": notat.pk},
    )


@transaction.atomic
def mote_vis_vurderinger(*, mote: Mote, aktor) -> None:
    """The chair reveals every member's scores in this meeting, also to those yet to score."""
    if not permissions.kan_avslore(aktor, mote.portefolje):
        raise PermissionDenied
    Mote.objects.filter(pk=mote.pk).update(vurderinger_synlige=True)
    hurtigbuffer.endret()  # update() sends no signal: the notes' «revealed» is cached
    mote.vurderinger_synlige = True
    logg_hendelse(
        aktor=aktor,
        objekt=mote,
        handling="vurderinger_vist",
        beskrivelse=_("The chair revealed all scores."),
    )
