"""Årshjulet's workflows: the chair or the secretary sets the year's dates and named points.

Each service checks who acts first, refuses bad input with a ValidationError per field (nothing
changed), and records the change in the audit trail; the year's row carries a version, so two
people editing at once never overwrite each other (portefolje.samtidighet).
"""

from datetime import date

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from portefolje.revisjon import logg_hendelse
from portefolje.samtidighet import Konflikt, laas_versjon, lagre_versjon
from velge import permissions
from velge.models import FASTE_PUNKTER, MOTEPUNKTER, Arshjul, Arshjulpunkt, Mote

# The earliest and latest year a cycle can be for: far enough to plan an økonomiplan, near
# enough that a typo (20227) is caught as one.
ARS_GRENSE = 10


def _dato(d: date) -> str:
    return formats.date_format(d, "j. F Y")


def ar_feil(*, ar: int, idag: date) -> str | None:
    """Why a cycle cannot be planned for `ar`, or None."""
    if ar < idag.year:
        return _("%(ar)s has passed. Plan this year or a later one.") % {"ar": ar}
    if ar > idag.year + ARS_GRENSE:
        return _("%(ar)s is too far ahead. Plan at most %(antall)s years ahead.") % {
            "ar": ar,
            "antall": ARS_GRENSE,
        }
    return None


def datofeil(*, ar: int, datoer: dict, idag: date) -> dict[str, str]:
    """What is wrong with the year's fixed dates, as {field: message} (empty when all is well).

    Every date lies in the year, and the cycle runs in order: the deadline for concept notes
    comes before the scoring meeting, the scoring meeting on or before the decision meeting,
    and the decision meeting on or before the budget proposal. Pure: no database.
    """
    feil = {}
    navn = dict(FASTE_PUNKTER)
    for felt, _etikett in FASTE_PUNKTER:
        d = datoer.get(felt)
        if d is not None and d.year != ar:
            feil[felt] = _("The date must be in %(ar)s.") % {"ar": ar}
    forrige = None  # (field, date) of the latest point set so far
    for felt, _etikett in FASTE_PUNKTER:
        d = datoer.get(felt)
        if d is None or felt in feil:
            continue
        if forrige is not None:
            for_felt, for_dato = forrige
            # Notes must be ready before they are scored: the deadline is strictly earlier.
            for_tidlig = d <= for_dato if for_felt == "notatfrist" else d < for_dato
            if for_tidlig:
                mal = (
                    _("%(punkt)s must come after %(forrige)s (%(dato)s).")
                    if for_felt == "notatfrist"
                    else _("%(punkt)s cannot come before %(forrige)s (%(dato)s).")
                )
                feil[felt] = mal % {
                    "punkt": navn[felt],
                    "forrige": str(navn[for_felt]).lower(),
                    "dato": _dato(for_dato),
                }
                continue
        forrige = (felt, d)
    return feil


def _motetittel(felt: str) -> str:
    # The meeting's title is stored and read by everyone: written in the municipality's language
    # (LANGUAGE_CODE), not in the chair's own choice, nor in English when no language is active
    # (demo_data, the shell).
    with translation.override(settings.LANGUAGE_CODE):
        return str(dict(FASTE_PUNKTER)[felt])


def _sett_moter(*, hjul: Arshjul, gamle: dict, aktor, idag: date) -> list[Mote]:
    """Put the cycle's meetings in the calendar: a meeting on the scoring and decision dates
    (one if they are the same day), so the secretary can fill its agenda and the members get
    the meeting's reminders (mote_ikke_vurdert). An empty meeting the cycle made on a date that
    moved, moves with it; a meeting with an agenda or decisions stays where it was held."""
    nye = []
    for felt in MOTEPUNKTER:
        dato, gammel = getattr(hjul, felt), gamle.get(felt)
        if dato is None or dato == gammel or dato < idag:
            continue
        if Mote.objects.filter(portefolje=hjul.portefolje, dato=dato).exists():
            continue
        flytt = (
            Mote.objects.filter(
                portefolje=hjul.portefolje,
                dato=gammel,
                tittel=_motetittel(felt),
                agendapunkter__isnull=True,
                beslutninger__isnull=True,
            ).first()
            if gammel
            else None
        )
        if flytt is not None:
            flytt.dato = dato
            flytt.save(update_fields=["dato"])
            continue
        mote = Mote.objects.create(portefolje=hjul.portefolje, dato=dato, tittel=_motetittel(felt))
        logg_hendelse(
            aktor=aktor,
            objekt=mote,
            handling="mote_opprettet",
            beskrivelse=_("Meeting %(mote)s created from the yearly cycle.") % {"mote": mote},
        )
        nye.append(mote)
    return nye


@transaction.atomic
def arshjul_lagre(
    *, portefolje, ar: int, datoer: dict, versjon: int | None, aktor, idag: date | None = None
) -> Arshjul:
    """Set the portfolio's fixed dates for `ar` (any may be empty).

    Refuses someone who is neither chair nor secretary (PermissionDenied); a year that has
    passed or is absurdly far ahead, a date outside the year, or dates out of the cycle's order
    (ValidationError, per field); a form opened before someone else saved (`Konflikt`;
    `versjon` 0 means «there was no cycle for the year yet»). Nothing is saved when it refuses.
    """
    if not permissions.kan_redigere_arshjul(aktor, portefolje):
        raise PermissionDenied
    idag = idag or timezone.localdate()
    if feil := ar_feil(ar=ar, idag=idag):
        raise ValidationError(feil)
    if feil := datofeil(ar=ar, datoer=datoer, idag=idag):
        raise ValidationError(feil)
    hjul = Arshjul.objects.filter(portefolje=portefolje, ar=ar).first()
    if hjul is None:
        if versjon not in (None, 0):
            raise Konflikt()
        try:
            with transaction.atomic():
                hjul = Arshjul.objects.create(portefolje=portefolje, ar=ar, versjon=0)
        except IntegrityError:
            raise Konflikt(Arshjul.objects.get(portefolje=portefolje, ar=ar)) from None
        versjon = 0
    hjul = laas_versjon(Arshjul, pk=hjul.pk, versjon=versjon)
    gamle = {felt: getattr(hjul, felt) for felt, _n in FASTE_PUNKTER}
    for felt, _n in FASTE_PUNKTER:
        setattr(hjul, felt, datoer.get(felt))
    lagre_versjon(hjul)
    _sett_moter(hjul=hjul, gamle=gamle, aktor=aktor, idag=idag)
    logg_hendelse(
        aktor=aktor,
        objekt=hjul,
        handling="arshjul_endret",
        beskrivelse=_("The yearly cycle for %(ar)s is changed.") % {"ar": ar},
        data={
            felt: [
                gamle[felt].isoformat() if gamle[felt] else None,
                getattr(hjul, felt).isoformat() if getattr(hjul, felt) else None,
            ]
            for felt, _n in FASTE_PUNKTER
            if gamle[felt] != getattr(hjul, felt)
        },
    )
    return hjul


@transaction.atomic
def arshjulpunkt_legg_til(
    *, portefolje, ar: int, navn: str, dato: date, aktor, idag: date | None = None
) -> Arshjulpunkt:
    """Add a freely named point to the year's cycle.

    Refuses someone who is neither chair nor secretary (PermissionDenied), a year that has
    passed, an empty name or a date outside the year (ValidationError, nothing saved)."""
    if not permissions.kan_redigere_arshjul(aktor, portefolje):
        raise PermissionDenied
    idag = idag or timezone.localdate()
    if feil := ar_feil(ar=ar, idag=idag):
        raise ValidationError(feil)
    if not navn.strip():
        raise ValidationError({"navn": _("Give the point a name.")})
    if dato.year != ar:
        raise ValidationError({"dato": _("The date must be in %(ar)s.") % {"ar": ar}})
    # Made here at version 0, as arshjul_lagre makes it: adding a point changes no date, so a
    # date form opened before it (version 0, «no cycle yet») must still save.
    hjul, _ny = Arshjul.objects.get_or_create(portefolje=portefolje, ar=ar, defaults={"versjon": 0})
    punkt = Arshjulpunkt.objects.create(arshjul=hjul, navn=navn.strip(), dato=dato)
    logg_hendelse(
        aktor=aktor,
        objekt=hjul,
        handling="arshjulpunkt_lagt_til",
        beskrivelse=_("«%(navn)s» on %(dato)s added to the yearly cycle.")
        % {"navn": punkt.navn, "dato": _dato(dato)},
    )
    return punkt


@transaction.atomic
def arshjulpunkt_fjern(*, punkt: Arshjulpunkt, aktor) -> None:
    """Take a named point out of the cycle (archived, so its history stays).

    Refuses someone who is neither chair nor secretary (PermissionDenied)."""
    portefolje = punkt.arshjul.portefolje
    if not permissions.kan_redigere_arshjul(aktor, portefolje):
        raise PermissionDenied
    punkt = Arshjulpunkt.objects.select_for_update().get(pk=punkt.pk)
    if punkt.arkivert:
        return
    punkt.arkivert = True
    punkt.save(update_fields=["arkivert"])
    logg_hendelse(
        aktor=aktor,
        objekt=punkt.arshjul,
        handling="arshjulpunkt_fjernet",
        beskrivelse=_("«%(navn)s» on %(dato)s taken out of the yearly cycle.")
        % {"navn": punkt.navn, "dato": _dato(punkt.dato)},
    )
