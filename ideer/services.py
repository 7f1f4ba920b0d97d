"""Samle's workflows: register an input, triage it, keep its history, forget personal data.

Every write runs inside `transaction.atomic()`; triage locks the row (`select_for_update`) and
checks its version, so two people triaging the same input at once never overwrite each other.
Every change is written to the audit trail (portefolje.revisjon).
"""

import calendar
import logging
import smtplib
from datetime import datetime

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ideer.models import (
    LUKKEDE_STATUSER,
    Innspill,
    Kanal,
    Status,
    StatusEndring,
    Vedlegg,
    trygt_filnavn,
)
from portefolje.models import Hendelse
from portefolje.revisjon import logg_hendelse
from portefolje.samtidighet import Konflikt, laas_versjon
from portefolje.skjema import opprett_en_gang
from portefolje.varsler import varsel_opprett

logger = logging.getLogger(__name__)


class TriageFeil(Exception):
    """A triage step that cannot be done; the message is for the person who tried."""


# --- helpers


def _kvitteringslenke(innspill) -> str:
    return f"{settings.PORTAL_BASE_URL}/innspill/{innspill.kode}/"


def _varsle_innsender(innspill: Innspill, *, emne: str, tekst: str, type: str) -> None:
    """Tell the submitter: e-mail to a citizen who consented, a notification to an employee.

    E-mail goes out only after the transaction commits, so nobody is told about a change that
    was rolled back.
    """
    if innspill.innsender_id:
        varsel_opprett(
            mottaker=innspill.innsender,
            type=type,
            objekt=innspill,
            periode=str(innspill.versjon),
            tittel=f"{emne}: {innspill.tittel}",
            tekst=tekst,
            lenke=innspill.get_absolute_url(),
        )
    elif innspill.innsender_epost and innspill.samtykke_epost and not innspill.anonymisert:
        mottaker = innspill.innsender_epost
        brodtekst = "\n\n".join(
            [
                tekst,
                _("Follow your input here: %(lenke)s") % {"lenke": _kvitteringslenke(innspill)},
                _("Best regards,\nØvre Eiker kommune"),
            ]
        )
        emnelinje = f"{emne}: {innspill.tittel}"
        transaction.on_commit(
            lambda: _send_til_innbygger(emnelinje, brodtekst, mottaker, innspill.pk)
        )


def _send_til_innbygger(emne: str, tekst: str, mottaker: str, innspill_id: int) -> None:
    """E-mail a citizen after the change is saved. A mail server that is down must not undo the
    triage; the failure is logged for the operator (the answer is on the receipt page anyway)."""
    try:
        send_mail(emne, tekst, settings.DEFAULT_FROM_EMAIL, [mottaker])
    except (OSError, smtplib.SMTPException):
        logger.exception("E-post til innsenderen av innspill %s feilet", innspill_id)


def _lås(innspill_id: int, versjon: int | None) -> Innspill:
    return laas_versjon(Innspill, pk=innspill_id, versjon=versjon)


def _sett_status(innspill: Innspill, til: str, *, aktor, kommentar: str = "") -> None:
    """Move the input to a new status and record the step; the caller saves the row."""
    fra = innspill.status
    innspill.status = til
    if til in LUKKEDE_STATUSER:
        innspill.lukket = innspill.lukket or timezone.now()
    else:
        innspill.lukket = None
    if fra != til:
        StatusEndring.objects.create(
            innspill=innspill,
            fra_status=fra,
            til_status=til,
            endret_av=aktor if getattr(aktor, "is_authenticated", False) else None,
            kommentar=kommentar,
        )


def _lagre(innspill: Innspill, felter: list[str]) -> None:
    innspill.versjon += 1
    innspill.save(update_fields=[*felter, "versjon", "endret"])


# --- registering


@transaction.atomic
def innspill_opprett(
    *,
    data: dict,
    kanal: str,
    aktor=None,
    innsender=None,
    seksjoner=(),
    vedlegg=None,
    skjema_nokkel=None,
) -> tuple[Innspill, bool]:
    """Register one input from a form; returns (input, created).

    `data` holds the model's own fields (kind, title, need, ...). A second post with the same
    `skjema_nokkel` (a double click, or parallel posts) returns the first input and creates
    nothing (`portefolje.skjema.opprett_en_gang`). `vedlegg` is an optional (uploaded file,
    file type) pair already checked by the form.
    """
    return opprett_en_gang(
        nokkel=skjema_nokkel,
        opprett=lambda: _innspill_opprett(
            data=data,
            kanal=kanal,
            aktor=aktor,
            innsender=innsender,
            seksjoner=seksjoner,
            vedlegg=vedlegg,
        ),
    )


def _innspill_opprett(*, data, kanal, aktor, innsender, seksjoner, vedlegg) -> Innspill:
    innspill = Innspill(**data, kanal=kanal, innsender=innsender)
    innspill.full_clean(exclude=["seksjoner"])
    innspill.save()
    if seksjoner:
        innspill.seksjoner.set(seksjoner)
    StatusEndring.objects.create(
        innspill=innspill,
        fra_status=Status.NY,
        til_status=Status.NY,
        endret_av=innsender,
        kommentar=_("Received"),
    )
    if vedlegg:
        fil, filtype = vedlegg
        innspill_legg_ved(innspill=innspill, fil=fil, filtype=filtype, aktor=aktor)
    Innspill.objects.filter(pk=innspill.pk).oppdater_sokevektor()
    logg_hendelse(
        aktor=aktor,
        objekt=innspill,
        handling="innspill_opprettet",
        beskrivelse=_("Input received through %(kanal)s") % {"kanal": Kanal(kanal).label},
        data={"kanal": kanal},
    )
    return innspill


def innspill_legg_ved(*, innspill: Innspill, fil, filtype: str, aktor=None) -> Vedlegg:
    """Store an attachment already checked by `ideer.filer.valider_vedlegg`."""
    vedlegg = Vedlegg(
        innspill=innspill,
        filnavn=trygt_filnavn(fil.name, filtype),
        filtype=filtype,
        storrelse=fil.size,
        lastet_opp_av=aktor if getattr(aktor, "is_authenticated", False) else None,
    )
    vedlegg.fil.save(fil.name, fil, save=False)
    vedlegg.save()
    logg_hendelse(
        aktor=aktor,
        objekt=innspill,
        handling="vedlegg_lagt_ved",
        beskrivelse=_("Attachment added: %(navn)s") % {"navn": vedlegg.filnavn},
    )
    return vedlegg


# --- triage


@transaction.atomic
def innspill_endre_status(
    *,
    innspill_id: int,
    status: str,
    aktor,
    versjon: int | None = None,
    kommentar: str = "",
    parkert_til=None,
) -> Innspill:
    """Change the status (new, under consideration, answered, parked) with history."""
    if status in (Status.AVVIST, Status.SLATT_SAMMEN, Status.KONSEPTNOTAT_BESTILT):
        raise TriageFeil(_("Use the dedicated action for this status."))
    if status == Status.PARKERT and not parkert_til:
        raise TriageFeil(_("Give the date the input is parked until."))
    innspill = _lås(innspill_id, versjon)
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
    *, innspill_id: int, svar: str, aktor, lukk: bool = False, versjon: int | None = None
) -> Innspill:
    """Write the public answer; it shows on the receipt page and goes to the submitter."""
    innspill = _lås(innspill_id, versjon)
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
    _varsle_innsender(innspill, emne=_("Answer to your input"), tekst=svar, type="innspill_besvart")
    return innspill


@transaction.atomic
def innspill_avvis(*, innspill_id: int, grunn: str, aktor, versjon: int | None = None) -> Innspill:
    """Reject with a reason. Orders imposed by law or political decision cannot be rejected here."""
    innspill = _lås(innspill_id, versjon)
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
        innspill, emne=_("Your input was rejected"), tekst=grunn, type="innspill_avvist"
    )
    return innspill


@transaction.atomic
def innspill_slaa_sammen(
    *, innspill_id: int, inn_i_id: int, aktor, versjon: int | None = None
) -> Innspill:
    """Merge a duplicate into the input that is kept; both submitters are told."""
    if innspill_id == inn_i_id:
        raise TriageFeil(_("An input cannot be merged into itself."))
    # Lock both rows in a fixed order so two merges in opposite directions cannot deadlock.
    laste = {
        i.pk: i
        for i in Innspill.objects.select_for_update()
        .filter(pk__in=[innspill_id, inn_i_id])
        .order_by("pk")
    }
    innspill, beholdt = laste.get(innspill_id), laste.get(inn_i_id)
    if beholdt is None or innspill is None:
        raise TriageFeil(_("The input to merge into does not exist."))
    if versjon is not None and innspill.versjon != versjon:
        raise Konflikt(innspill)
    if beholdt.status == Status.SLATT_SAMMEN:
        raise TriageFeil(
            _("«%(tittel)s» is itself merged into another input. Merge into that one instead.")
            % {"tittel": beholdt.tittel}
        )
    if innspill.palagt:
        raise TriageFeil(
            _("This order is imposed by law or political decision. Merge others into it instead.")
        )
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
    _varsle_innsender(
        innspill,
        emne=_("Your input was merged with a similar one"),
        tekst=_("Your input is handled together with «%(tittel)s», which deals with the same need.")
        % {"tittel": beholdt.tittel},
        type="innspill_slatt_sammen",
    )
    _varsle_innsender(
        beholdt,
        emne=_("A similar input was merged into yours"),
        tekst=_("«%(tittel)s» is now handled together with your input.")
        % {"tittel": innspill.tittel},
        type="innspill_fikk_duplikat",
    )
    return innspill


@transaction.atomic
def innspill_tildel(
    *, innspill_id: int, seksjoner, portefolje, aktor, versjon: int | None = None
) -> Innspill:
    """Assign the sections affected and the portfolio that will decide."""
    innspill = _lås(innspill_id, versjon)
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
    *, innspill_id: int, initiativtaker, aktor, versjon: int | None = None
) -> Innspill:
    """Ask a named initiator for a concept note (the Begrunne phase turns it into one)."""
    innspill = _lås(innspill_id, versjon)
    if innspill.status in (Status.AVVIST, Status.SLATT_SAMMEN):
        raise TriageFeil(_("A rejected or merged input cannot get a concept note."))
    innspill.initiativtaker = initiativtaker
    navn = initiativtaker.get_full_name() or initiativtaker.username
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
        type="konseptnotat_bestilt",
        objekt=innspill,
        periode=str(innspill.versjon),
        tittel=_("Concept note wanted: %(tittel)s") % {"tittel": innspill.tittel},
        tekst=_("The development team asks you to write a concept note for this input."),
        lenke=f"/konseptnotater/ny/?innspill={innspill.pk}",
    )
    return innspill


# --- personal data


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
