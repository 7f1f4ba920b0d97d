"""Editing a project's base data and its elements (deliverables, benefits, indicators,
measurements, allocations, risks): locked and compared by version, so a stale form never reverts
someone else's change, and logged with what changed, before and after (from the field history).
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from portefolje.historikk import endringstekst, siste_endringer
from portefolje.revisjon import logg_hendelse
from portefolje.samtidighet import laas_versjon, lagre_versjon
from prosjekter.models import (
    Gevinst,
    Indikator,
    Leveranse,
    Maling,
    Prosjekt,
    Ressursallokering,
    Usikkerhet,
)


def _historiebruker(objekt, aktor) -> None:
    """Who the field history names for this save (outside a request there is no middleware)."""
    objekt._history_user = aktor if getattr(aktor, "is_authenticated", False) else None


def _logg_endring(*, objekt, aktor, ny: bool) -> None:
    navn = {"art": capfirst(objekt._meta.verbose_name), "navn": objekt}
    if ny:
        beskrivelse, endringer = _("%(art)s «%(navn)s» registered.") % navn, []
    else:
        endringer = siste_endringer(objekt)
        beskrivelse = _("%(art)s «%(navn)s» changed: %(endringer)s") % {
            **navn,
            "endringer": endringstekst(endringer),
        }
    logg_hendelse(
        aktor=aktor,
        objekt=objekt,
        handling="opprettet" if ny else "endret",
        beskrivelse=beskrivelse,
        data={"endringer": [[e.felt, e.fra, e.til] for e in endringer]},
    )


def _element_lagre(*, modell, objekt, data: dict, versjon: int | None, aktor, **faste):
    """What the six `<element>_lagre` share: lock, compare the version, copy, save, log.

    `objekt` None registers a new one (with `faste`, the fields the screen fixes); otherwise the
    row is locked and refused with `Konflikt` if it moved past `versjon`, or with
    `ValidationError` if it is archived.
    """
    ny = objekt is None
    if ny:
        lagret = modell(**faste)
    else:
        if versjon is None:
            raise ValueError("An edit must name the version its form was opened at.")
        lagret = laas_versjon(modell, pk=objekt.pk, versjon=versjon)
        if getattr(lagret, "arkivert", False):
            raise ValidationError(_("This is archived and can no longer be changed."))
    for felt, verdi in data.items():
        setattr(lagret, felt, verdi)
    _historiebruker(lagret, aktor)
    if ny:
        lagret.save()
    else:
        lagre_versjon(lagret)
    _logg_endring(objekt=lagret, aktor=aktor, ny=ny)
    return lagret


def _sjekk_i_periode(prosjekt: Prosjekt, data: dict) -> None:
    feil = {}
    for felt in ("startdato", "sluttdato"):
        dato = data.get(felt)
        if dato is None:
            continue
        if prosjekt.startdato and dato < prosjekt.startdato:
            feil[felt] = _("The date is before the project starts (%(dato)s).") % {
                "dato": prosjekt.startdato.strftime("%d.%m.%Y")
            }
        elif prosjekt.sluttdato and dato > prosjekt.sluttdato:
            feil[felt] = _("The date is after the project ends (%(dato)s).") % {
                "dato": prosjekt.sluttdato.strftime("%d.%m.%Y")
            }
    if feil:
        raise ValidationError(feil)


@transaction.atomic
def leveranse_lagre(
    *, prosjekt: Prosjekt, leveranse: Leveranse | None, data: dict, versjon: int | None, aktor
) -> Leveranse:
    """Register (`leveranse` None) or change a deliverable. Refuses a stale or archived one,
    and dates outside the project's period (a milestone on the timeline must lie on its bar)."""
    _sjekk_i_periode(prosjekt, data)
    return _element_lagre(
        modell=Leveranse,
        objekt=leveranse,
        data=data,
        versjon=versjon,
        aktor=aktor,
        prosjekt=prosjekt,
    )


@transaction.atomic
def gevinst_lagre(
    *, prosjekt: Prosjekt, gevinst: Gevinst | None, data: dict, versjon: int | None, aktor
) -> Gevinst:
    """Register or change a benefit. Refuses a stale or archived one."""
    return _element_lagre(
        modell=Gevinst, objekt=gevinst, data=data, versjon=versjon, aktor=aktor, prosjekt=prosjekt
    )


@transaction.atomic
def indikator_lagre(
    *, indikator: Indikator | None, data: dict, versjon: int | None, aktor
) -> Indikator:
    """Register or change an indicator (its benefit comes in `data`, from the project's own).
    Refuses a stale or archived one."""
    return _element_lagre(
        modell=Indikator, objekt=indikator, data=data, versjon=versjon, aktor=aktor
    )


@transaction.atomic
def maling_lagre(*, maling: Maling | None, data: dict, versjon: int | None, aktor) -> Maling:
    """Register a measurement (registered by `aktor`) or correct one. Refuses a stale one; a
    correction keeps the earlier value in the field history."""
    faste = {"registrert_av": aktor} if maling is None else {}
    return _element_lagre(
        modell=Maling, objekt=maling, data=data, versjon=versjon, aktor=aktor, **faste
    )


@transaction.atomic
def ressursallokering_lagre(
    *,
    prosjekt: Prosjekt | None,
    allokering: Ressursallokering | None,
    data: dict,
    versjon: int | None,
    aktor,
) -> Ressursallokering:
    """Register or change an allocation (`prosjekt` None: a person's own line duty or absence).
    Refuses a stale or archived one."""
    faste = {"prosjekt": prosjekt} if prosjekt is not None else {}
    return _element_lagre(
        modell=Ressursallokering,
        objekt=allokering,
        data=data,
        versjon=versjon,
        aktor=aktor,
        **faste,
    )


@transaction.atomic
def usikkerhet_lagre(
    *, prosjekt: Prosjekt, usikkerhet: Usikkerhet | None, data: dict, versjon: int | None, aktor
) -> Usikkerhet:
    """Register or change a risk or opportunity. Refuses a stale or archived one."""
    return _element_lagre(
        modell=Usikkerhet,
        objekt=usikkerhet,
        data=data,
        versjon=versjon,
        aktor=aktor,
        prosjekt=prosjekt,
    )


@transaction.atomic
def element_arkiver(*, objekt, aktor):
    """Archive a deliverable, benefit, indicator, allocation or risk (never deleted).

    Takes the row lock and raises the version, so a form opened before is refused afterwards.
    """
    lagret = laas_versjon(type(objekt), pk=objekt.pk, versjon=None)
    if lagret.arkivert:
        return lagret
    lagret.arkivert = True
    _historiebruker(lagret, aktor)
    lagre_versjon(lagret, felter=["arkivert"])
    logg_hendelse(
        aktor=aktor,
        objekt=lagret,
        handling="arkivert",
        beskrivelse=_("%(art)s «%(navn)s» archived.")
        % {"art": capfirst(lagret._meta.verbose_name), "navn": lagret},
    )
    return lagret


@transaction.atomic
def prosjekt_lagre(*, prosjekt: Prosjekt, data: dict, versjon: int, aktor) -> Prosjekt:
    """Change the project's base data. Refuses phase and state (those move by a steering
    decision) and, with `Konflikt`, a form opened before someone else's save."""
    if {"fase", "tilstand"} & set(data):
        raise ValidationError(_("Phase and state change only by a steering decision."))
    laast = laas_versjon(Prosjekt, pk=prosjekt.pk, versjon=versjon)
    endret = [felt for felt, verdi in data.items() if getattr(laast, felt) != verdi]
    for felt in endret:
        setattr(laast, felt, data[felt])
    _historiebruker(laast, aktor)
    lagre_versjon(laast, felter=endret)
    endringer = siste_endringer(laast)
    logg_hendelse(
        aktor=aktor,
        objekt=laast,
        handling="endret",
        beskrivelse=_("The project's base data changed: %(endringer)s")
        % {"endringer": endringstekst(endringer)},
        data={"felt": endret, "endringer": [[e.felt, e.fra, e.til] for e in endringer]},
    )
    return laast
