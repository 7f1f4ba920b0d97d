"""Triage by the development team: status, answer, rejection, merge, assignment, ordering a note."""

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ideer.models import Innspill, Status
from ideer.paminnelser import (
    INNSPILL_AVVIST,
    INNSPILL_BESVART,
    INNSPILL_FIKK_DUPLIKAT,
    INNSPILL_SLATT_SAMMEN,
    KONSEPTNOTAT_BESTILT,
)
from ideer.services.felles import TriageFeil, _lagre, _lås, _sett_status, _varsle_innsender
from portefolje import personer
from portefolje.revisjon import logg_hendelse
from portefolje.samtidighet import laas_versjoner
from portefolje.varsler import varsel_opprett


@transaction.atomic
def innspill_endre_status(
    *,
    innspill: Innspill,
    status: str,
    aktor,
    versjon: int | None = None,
    kommentar: str = "",
    parkert_til=None,
) -> Innspill:
    """Change the status (under consideration, answered, parked) with history.

    Refuses the statuses that have their own action (reject, merge, order a concept note) and,
    with `UlovligOvergang`, any move not declared from the input's current status.
    """
    if status in (Status.AVVIST, Status.SLATT_SAMMEN, Status.KONSEPTNOTAT_BESTILT):
        raise TriageFeil(_("Use the dedicated action for this status."))
    if status == Status.PARKERT and not parkert_til:
        raise TriageFeil(_("Give the date the input is parked until."))
    innspill = _lås(innspill, versjon)
    fra = innspill.get_status_display()
    _sett_status(innspill, status, aktor=aktor, kommentar=kommentar)
    innspill.parkert_til = parkert_til if status == Status.PARKERT else None
    _lagre(innspill, ["status", "lukket", "parkert_til"])
    logg_hendelse(
        aktor=aktor,
        objekt=innspill,
        handling="status_endret",
        beskrivelse=_("Status changed from %(fra)s to %(til)s")
        % {"fra": fra, "til": innspill.get_status_display()},
        data={"status": status, "kommentar": kommentar},
    )
    return innspill


@transaction.atomic
def innspill_besvar(
    *, innspill: Innspill, svar: str, aktor, lukk: bool = False, versjon: int | None = None
) -> Innspill:
    """Write the public answer; it shows on the receipt page and goes to the submitter."""
    innspill = _lås(innspill, versjon)
    # Saving the answer box again (it is pre-filled with the old answer) must not send the same
    # answer to the submitter again: only a changed answer is sent.
    svar_endret = svar.strip() != (innspill.offentlig_svar or "").strip()
    innspill.offentlig_svar = svar
    felter = ["offentlig_svar"]
    if lukk:
        _sett_status(innspill, Status.BESVART, aktor=aktor)
        felter += ["status", "lukket"]
    _lagre(innspill, felter)
    logg_hendelse(
        aktor=aktor,
        objekt=innspill,
        handling="besvart",
        beskrivelse=_("Public answer written"),
        data={"svar": svar, "lukket": lukk},
    )
    if svar_endret and svar.strip():
        _varsle_innsender(
            innspill, emne=gettext_lazy("Answer to your input"), tekst=svar, type=INNSPILL_BESVART
        )
    return innspill


@transaction.atomic
def innspill_avvis(
    *, innspill: Innspill, grunn: str, aktor, versjon: int | None = None
) -> Innspill:
    """Reject with a reason. Orders imposed by law or political decision cannot be rejected here."""
    innspill = _lås(innspill, versjon)
    if innspill.palagt:
        raise TriageFeil(
            _("This order is imposed by law or political decision. Only KLG can reject it.")
        )
    if not grunn.strip():
        raise TriageFeil(_("Give a reason for the rejection."))
    innspill.avvisningsgrunn = grunn
    _sett_status(innspill, Status.AVVIST, aktor=aktor, kommentar=grunn)
    _lagre(innspill, ["status", "lukket", "avvisningsgrunn"])
    logg_hendelse(
        aktor=aktor,
        objekt=innspill,
        handling="avvist",
        beskrivelse=_("Rejected: %(grunn)s") % {"grunn": grunn},
    )
    _varsle_innsender(
        innspill, emne=gettext_lazy("Your input was rejected"), tekst=grunn, type=INNSPILL_AVVIST
    )
    return innspill


@transaction.atomic
def innspill_slaa_sammen(
    *, innspill: Innspill, inn_i: Innspill, aktor, versjon: int | None = None
) -> Innspill:
    """Merge a duplicate into the input that is kept; both submitters are told.

    Refuses (`TriageFeil`) a merge into itself, into a merged input or of an imposed order, and
    (`Konflikt`) a form opened before someone else changed the duplicate.
    """
    innspill, beholdt = _laas_for_sammenslaing(innspill, inn_i, versjon)
    innspill.slatt_sammen_med = beholdt
    _sett_status(
        innspill,
        Status.SLATT_SAMMEN,
        aktor=aktor,
        kommentar=_("Merged into «%(tittel)s»") % {"tittel": beholdt.tittel},
    )
    _lagre(innspill, ["status", "lukket", "slatt_sammen_med"])
    _lagre(beholdt, [])
    for objekt, tekst in [
        (innspill, _("Merged into «%(tittel)s»") % {"tittel": beholdt.tittel}),
        (beholdt, _("«%(tittel)s» was merged into this input") % {"tittel": innspill.tittel}),
    ]:
        logg_hendelse(
            aktor=aktor,
            objekt=objekt,
            handling="slatt_sammen",
            beskrivelse=tekst,
            data={"slatt_sammen": innspill.pk, "beholdt": beholdt.pk},
        )
    _varsle_sammenslaing(innspill, beholdt)
    return innspill


def _laas_for_sammenslaing(innspill: Innspill, inn_i: Innspill, versjon: int | None):
    """Both inputs of a merge, locked (the duplicate checked against `versjon`), or a refusal."""
    if innspill.pk == inn_i.pk:
        raise TriageFeil(_("An input cannot be merged into itself."))
    try:
        laste = laas_versjoner(Innspill, {innspill.pk: versjon, inn_i.pk: None})
    except Innspill.DoesNotExist:
        raise TriageFeil(_("The input to merge into does not exist.")) from None
    innspill, beholdt = laste[innspill.pk], laste[inn_i.pk]
    if beholdt.status == Status.SLATT_SAMMEN:
        raise TriageFeil(
            _("«%(tittel)s» is itself merged into another input. Merge into that one instead.")
            % {"tittel": beholdt.tittel}
        )
    if innspill.palagt:
        raise TriageFeil(
            _("This order is imposed by law or political decision. Merge others into it instead.")
        )
    return innspill, beholdt


def _varsle_sammenslaing(innspill: Innspill, beholdt: Innspill) -> None:
    """Both submitters are told: the duplicate's that it is handled with the kept one, and the
    kept one's that a similar input joined it."""
    _varsle_innsender(
        innspill,
        emne=gettext_lazy("Your input was merged with a similar one"),
        tekst=lambda: (
            _("Your input is handled together with «%(tittel)s», which deals with the same need.")
            % {"tittel": beholdt.tittel}
        ),
        type=INNSPILL_SLATT_SAMMEN,
    )
    _varsle_innsender(
        beholdt,
        emne=gettext_lazy("A similar input was merged into yours"),
        tekst=lambda: (
            _("«%(tittel)s» is now handled together with your input.") % {"tittel": innspill.tittel}
        ),
        type=INNSPILL_FIKK_DUPLIKAT,
    )


@transaction.atomic
def innspill_tildel(
    *, innspill: Innspill, seksjoner, portefolje, aktor, versjon: int | None = None
) -> Innspill:
    """Assign the sections affected and the portfolio that will decide.

    Refuses (TriageFeil) an assignment of nothing: no section and no portfolio.
    """
    if not seksjoner and portefolje is None:
        raise TriageFeil(
            _("Choose at least one section affected, or the portfolio that will decide.")
        )
    innspill = _lås(innspill, versjon)
    innspill.portefolje = portefolje
    _lagre(innspill, ["portefolje"])
    innspill.seksjoner.set(seksjoner)
    logg_hendelse(
        aktor=aktor,
        objekt=innspill,
        handling="tildelt",
        beskrivelse=_("Assigned to %(seksjoner)s; portfolio: %(portefolje)s")
        % {
            "seksjoner": ", ".join(s.navn for s in seksjoner) or "–",
            "portefolje": portefolje or "–",
        },
        data={
            "seksjoner": [s.pk for s in seksjoner],
            "portefolje": portefolje.pk if portefolje else None,
        },
    )
    return innspill


@transaction.atomic
def innspill_bestill_konseptnotat(
    *, innspill: Innspill, initiativtaker, aktor, versjon: int | None = None
) -> Innspill:
    """Ask a named initiator for a concept note (the Begrunne phase turns it into one).

    Refuses a rejected, merged or answered input (`UlovligOvergang`).
    """
    innspill = _lås(innspill, versjon)
    if innspill.status in (Status.AVVIST, Status.SLATT_SAMMEN):
        raise TriageFeil(_("A rejected or merged input cannot get a concept note."))
    innspill.initiativtaker = initiativtaker
    navn = personer.navn(initiativtaker)
    _sett_status(
        innspill,
        Status.KONSEPTNOTAT_BESTILT,
        aktor=aktor,
        kommentar=_("Concept note ordered from %(navn)s") % {"navn": navn},
    )
    _lagre(innspill, ["initiativtaker", "status", "lukket"])
    logg_hendelse(
        aktor=aktor,
        objekt=innspill,
        handling="konseptnotat_bestilt",
        beskrivelse=_("Concept note ordered from %(navn)s") % {"navn": navn},
        data={"initiativtaker": initiativtaker.pk},
    )
    varsel_opprett(
        mottaker=initiativtaker,
        type=KONSEPTNOTAT_BESTILT,
        objekt=innspill,
        periode=str(innspill.versjon),
        tittel=lambda: _("Concept note wanted: %(tittel)s") % {"tittel": innspill.tittel},
        tekst=lambda: _("The development team asks you to write a concept note for this input."),
        lenke=f"/konseptnotater/ny/?innspill={innspill.pk}",
    )
    return innspill
