"""Notifications in the portal, and the one path their e-mail takes.

Each phase registers the kinds of notification it makes (`varseltype_registrer`, in its
AppConfig.ready(), the way it registers start-page blocks); the core names none of them. The
registry gives the settings page, the bell and the admin a label and a description per kind,
and says whether a kind is e-mailed when the person has not chosen.

`varsel_opprett` is the only way a notification is made. It claims the notification (a unique
row) and, when the e-mail is wanted, queues it after the transaction commits
(`portefolje.epost.epost_koe` → the task `portefolje.tasks.send_varsel_epost`, through
`portefolje.koe`). The path runs one way: rules (portefolje.paminnelser) → notifications (here)
→ outbox (portefolje.epost) → task (portefolje.tasks), and no module imports one before it.
A citizen without an account gets the same kind of row with `mottaker_epost` instead of a recipient.
"""

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import translation

from portefolje import epost as utboks
from portefolje.models import Varsel, VarselInnstilling
from portefolje.sprak import sprak_eller_standard, sprak_for


@dataclass(frozen=True)
class Varseltype:
    """One kind of notification, registered by the phase that makes it."""

    kode: str
    navn: str
    beskrivelse: str = ""
    # E-mailed unless the person turns it off (True), or only when they turn it on (False).
    epost_standard: bool = True


_typer: dict[str, Varseltype] = {}


def varseltype_registrer(kode: str, *, navn, beskrivelse="", epost_standard: bool = True) -> str:
    """Register one kind of notification; returns its code, for the phase's own constant.

    Registering the same code again with the same meaning is harmless (a module imported twice);
    two phases claiming one code is a programming error.
    """
    ny = Varseltype(kode, navn, beskrivelse, epost_standard)
    gammel = _typer.get(kode)
    if gammel is not None and gammel != ny:
        raise ValueError(f"Varseltypen {kode!r} er allerede registrert med en annen betydning")
    _typer[kode] = ny
    return kode


def varseltyper() -> list[Varseltype]:
    """Every registered kind, in registration order (the phases' flow order)."""
    return list(_typer.values())


def varseltype(kode: str) -> Varseltype | None:
    return _typer.get(kode)


def varseltype_navn(kode: str) -> str:
    """The kind's label for the bell and the admin; the code itself when nobody registered it."""
    type = _typer.get(kode)
    return str(type.navn) if type else kode


def epost_standard(kode: str) -> bool:
    type = _typer.get(kode)
    return type.epost_standard if type else False


def epost_pa(innstillinger: dict, bruker_id: int, type: str) -> bool:
    """Whether `bruker_id` wants `type` by e-mail, given {(bruker_id, type): epost} rows."""
    return innstillinger.get((bruker_id, type), epost_standard(type))


def vil_ha_epost(bruker, type: str) -> bool:
    """One person's wish for one kind: an address, active, and the setting (or its default)."""
    if not bruker.email or not bruker.is_active:
        return False
    valgt = (
        VarselInnstilling.objects.filter(bruker=bruker, type=type)
        .values_list("epost", flat=True)
        .first()
    )
    return epost_standard(type) if valgt is None else valgt


def _epost_onsket(*, mottaker, type: str, epost: bool | None) -> bool:
    """Whether this notification is e-mailed: always to a citizen (their address is there only
    because they asked), else the caller's choice or, when None, the person's settings."""
    if mottaker is None:
        return True
    if epost is None:
        return vil_ha_epost(mottaker, type)
    return epost and bool(mottaker.email)


def _paa_mottakerens_sprak(*, mottaker, sprak: str | None, tittel, tekst) -> tuple[str, str, str]:
    """(language, title, text): `tittel` and `tekst` rendered in the recipient's language."""
    if sprak is None:
        sprak = sprak_for(mottaker) if mottaker is not None else translation.get_language()
    sprak = sprak_eller_standard(sprak)
    with translation.override(sprak):
        tittel = str(tittel() if callable(tittel) else tittel)
        tekst = str(tekst() if callable(tekst) else tekst)
    return sprak, tittel, tekst


def _krev(**felt) -> Varsel | None:
    """Insert the row in its own savepoint; None when the unique claim is taken already."""
    try:
        with transaction.atomic():
            return Varsel.objects.create(**felt)
    except IntegrityError:
        return None


def varsel_opprett(
    *,
    type: str,
    objekt,
    tittel: str,
    mottaker=None,
    mottaker_epost: str = "",
    tekst: str = "",
    lenke: str = "",
    periode: str = "",
    epost: bool | None = None,
    koe_epost: bool = True,
    sprak: str | None = None,
) -> Varsel | None:
    """Claim and create one notification; None if this one was already claimed.

    The unique constraint on (recipient, kind, object, period) is the claim: a second call, from
    any process, gets None and sends nothing. `mottaker` is a user; `mottaker_epost` an address
    without an account (a citizen who consented), which is always e-mailed and never shown in a
    bell. `epost`: None lets the person's settings decide; False keeps it in the portal; True
    e-mails it if the person has an address. A wanted e-mail is queued when the surrounding
    transaction commits; if it cannot be queued, the next reminder pass sends it (epost_ettersend).
    `koe_epost=False` is for the reminder pass alone, which sends in its own process when run
    synchronously (`manage.py send_reminders`).
    `tittel` and `tekst` may be callables: they are then called with the recipient's language
    active (`sprak`; by default the person's own, `portefolje.sprak.sprak_for`, or for a citizen
    the language active now), so each person reads the notification, and its e-mail, in their
    written language.
    Refuses (ValueError) a notification with neither or both kinds of recipient.
    """
    if (mottaker is None) == (not mottaker_epost):
        raise ValueError("Et varsel trenger enten en bruker eller en e-postadresse som mottaker")
    onsket = _epost_onsket(mottaker=mottaker, type=type, epost=epost)
    sprak, tittel, tekst = _paa_mottakerens_sprak(
        mottaker=mottaker, sprak=sprak, tittel=tittel, tekst=tekst
    )
    varsel = _krev(
        mottaker=mottaker,
        mottaker_epost=mottaker_epost,
        type=type,
        objekt_type=objekt._meta.label_lower,
        objekt_id=objekt.pk,
        periode=periode,
        tittel=tittel[:200],
        tekst=tekst,
        lenke=lenke,
        epost_onsket=onsket,
        sprak=sprak,
    )
    if varsel is not None and onsket and koe_epost:
        utboks.epost_koe(varsel.pk)
    return varsel


def varsler_glem_adresser(*, objekt) -> int:
    """Forget the citizens' addresses on `objekt`'s notifications (retention: the input is
    anonymised). What the notification said stays; nothing more is sent to them."""
    return Varsel.objects.filter(
        objekt_type=objekt._meta.label_lower, objekt_id=objekt.pk, mottaker__isnull=True
    ).update(mottaker_epost="", epost_onsket=False)


def varselinnstillinger_for(*, bruker) -> dict[str, bool]:
    """The person's e-mail choice per registered kind, defaults filled in."""
    lagret = dict(bruker.varselinnstillinger.values_list("type", "epost"))
    return {t.kode: lagret.get(t.kode, t.epost_standard) for t in varseltyper()}


def varselinnstillinger_lagre(*, bruker, valg: dict[str, bool]) -> None:
    """Save the person's e-mail choice per kind; refuses (ignores) kinds nobody registered."""
    with transaction.atomic():
        for type, epost in valg.items():
            if type in _typer:
                VarselInnstilling.objects.update_or_create(
                    bruker=bruker, type=type, defaults={"epost": bool(epost)}
                )
