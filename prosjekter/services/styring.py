"""The chair's decisions on projects (steering decisions, start decisions) and the start plan's
inputs (capacity, resource need)."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from portefolje.models import Portefolje
from portefolje.revisjon import logg_hendelse
from portefolje.samtidighet import laas_versjon, lagre_versjon
from prosjekter import arkiv
from prosjekter.models import (
    Beslutningstype,
    Kapasitet,
    Prosjekt,
    Ressursbehov,
    Startvedtak,
    Styringsbeslutning,
    Tilstand,
)
from prosjekter.overganger import FASE, NY_TILSTAND, TILSTAND
from prosjekter.sjekklister import sjekkliste_for


@transaction.atomic
def styringsbeslutning_fatt(
    *,
    prosjekt: Prosjekt,
    type: str,
    begrunnelse: str,
    aktor,
    versjon: int | None,
    til_fase: str = "",
    sjekkliste: list | None = None,
) -> Styringsbeslutning:
    """Record the chair's decision on a project and change its state or phase accordingly.

    The project is locked and saved as a new version. Refuses (`Konflikt`) a decision from a
    page opened at `versjon` when someone else has decided on (or changed) the project since;
    (`UlovligOvergang`) a change of state or phase that `prosjekter/overganger.py` does not
    declare from where the project stands, or that `aktor` may not make; and
    (`ValidationError`) a missing rationale, phase or checklist point, or a closed project.
    A decision that closes the project is filed to the archive (prosjekter.arkiv) after commit.
    """
    if not begrunnelse.strip():
        raise ValidationError({"begrunnelse": _("Give the rationale for the decision.")})
    laast = laas_versjon(Prosjekt, pk=prosjekt.pk, versjon=versjon)
    if laast.tilstand == Tilstand.AVSLUTTET:
        raise ValidationError(_("The project is closed; no further decisions can be made."))
    fra_tilstand, fra_fase = laast.tilstand, laast.fase
    if type == Beslutningstype.ENDRE_FASE:
        sjekkliste = _endre_fase(laast, til_fase=til_fase, sjekkliste=sjekkliste, aktor=aktor)
    else:
        TILSTAND.sjekk(laast, NY_TILSTAND[type], aktor)
        laast.tilstand = NY_TILSTAND[type]
        sjekkliste = []
    if laast.tilstand == Tilstand.AKTIV and laast.startdato is None:
        laast.startdato = timezone.localdate()
    lagre_versjon(laast, felter=["tilstand", "fase", "startdato"])
    beslutning = Styringsbeslutning.objects.create(
        prosjekt=laast,
        type=type,
        begrunnelse=begrunnelse.strip(),
        fra_tilstand=fra_tilstand,
        til_tilstand=laast.tilstand,
        fra_fase=fra_fase,
        til_fase=laast.fase,
        sjekkliste=sjekkliste,
        besluttet_av=aktor,
    )
    _logg_beslutning(beslutning, aktor=aktor)
    if laast.tilstand == Tilstand.AVSLUTTET:
        arkiv.avslutning_arkiver(beslutning=beslutning)
    for felt in ("tilstand", "fase", "startdato", "versjon"):
        setattr(prosjekt, felt, getattr(laast, felt))
    return beslutning


def _endre_fase(laast: Prosjekt, *, til_fase: str, sjekkliste: list | None, aktor) -> list[str]:
    """Move the locked project to `til_fase` (a project not started or on hold becomes active);
    returns the checklist kept with the decision: the new phase's points, every one confirmed."""
    if not til_fase or til_fase == laast.fase:
        raise ValidationError({"til_fase": _("Choose a phase other than the current one.")})
    punkter = [str(p) for p in sjekkliste_for(til_fase)]
    if set(punkter) - set(sjekkliste or []):
        raise ValidationError({"sjekkliste": _("Confirm every point of the phase's checklist.")})
    FASE.sjekk(laast, til_fase, aktor)
    if laast.tilstand in (Tilstand.IKKE_STARTET, Tilstand.PA_VENT):
        TILSTAND.sjekk(laast, Tilstand.AKTIV, aktor)
        laast.tilstand = Tilstand.AKTIV
    laast.fase = til_fase
    # Only the new phase's points are kept: ticks on other phases' points mean nothing.
    return punkter


def _logg_beslutning(beslutning: Styringsbeslutning, *, aktor) -> None:
    logg_hendelse(
        aktor=aktor,
        objekt=beslutning.prosjekt,
        handling=f"styringsbeslutning_{beslutning.type}",
        beskrivelse=_("%(type)s: %(begrunnelse)s")
        % {"type": beslutning.get_type_display(), "begrunnelse": beslutning.begrunnelse},
        data={
            "fra_tilstand": beslutning.fra_tilstand,
            "til_tilstand": beslutning.til_tilstand,
            "fra_fase": beslutning.fra_fase,
            "til_fase": beslutning.til_fase,
        },
    )


@transaction.atomic
def startvedtak_registrer(
    *,
    prosjekt: Prosjekt,
    vedtatt_start: date,
    foreslatt_start: date | None,
    begrunnelse: str,
    aktor,
) -> Startvedtak:
    """The chair decides when an approved project starts (following or overriding the plan)."""
    if not begrunnelse.strip():
        raise ValidationError({"begrunnelse": _("Give the rationale for the decision.")})
    laast = Prosjekt.objects.select_for_update().get(pk=prosjekt.pk)
    if laast.tilstand != Tilstand.IKKE_STARTET:
        raise ValidationError(_("The project has already started."))
    vedtak = Startvedtak.objects.create(
        prosjekt=laast,
        foreslatt_start=foreslatt_start,
        vedtatt_start=vedtatt_start.replace(day=1),
        begrunnelse=begrunnelse.strip(),
        besluttet_av=aktor,
    )
    logg_hendelse(
        aktor=aktor,
        objekt=laast,
        handling="startvedtak",
        beskrivelse=_("Start decided for %(maned)s: %(begrunnelse)s")
        % {"maned": f"{vedtak.vedtatt_start:%m.%Y}", "begrunnelse": vedtak.begrunnelse},
        data={
            "foreslatt": foreslatt_start.isoformat() if foreslatt_start else None,
            "vedtatt": vedtak.vedtatt_start.isoformat(),
        },
    )
    return vedtak


@transaction.atomic
def kapasitet_lagre(*, portefolje, fra_maned: date, personprosent: int, aktor) -> Kapasitet:
    """Set the portfolio's capacity from a month onwards (one row per portfolio and month).

    A changed capacity keeps its earlier value in the field history and the audit trail.
    """
    Portefolje.objects.select_for_update().get(pk=portefolje.pk)
    kapasitet = Kapasitet.objects.filter(portefolje=portefolje, fra_maned=fra_maned).first()
    for_endring = kapasitet.personprosent if kapasitet else None
    if kapasitet is None:
        kapasitet = Kapasitet(portefolje=portefolje, fra_maned=fra_maned)
    kapasitet.personprosent = personprosent
    kapasitet._history_user = aktor
    kapasitet.save()
    logg_hendelse(
        aktor=aktor,
        objekt=kapasitet,
        handling="endret",
        beskrivelse=_("Capacity from %(maned)s: %(fra)s → %(til)s person-percent.")
        % {
            "maned": f"{fra_maned:%m.%Y}",
            "fra": "–" if for_endring is None else for_endring,
            "til": personprosent,
        },
        data={"fra": for_endring, "til": personprosent},
    )
    return kapasitet


@transaction.atomic
def ressursbehov_lagre(*, prosjekt: Prosjekt, behov: list[int], aktor) -> list[Ressursbehov]:
    """Set the project's estimated need per month (month 1 = the start month).

    Months are changed in place, so each keeps its earlier value in the field history; months
    beyond the new estimate are set to 0 (no need), never deleted.
    """
    laast = Prosjekt.objects.select_for_update().get(pk=prosjekt.pk)
    eksisterende = {r.maned_nr: r for r in laast.ressursbehov.all()}
    for_endring = [eksisterende[n].personprosent for n in sorted(eksisterende)]
    rader = []
    for nr in range(1, max(len(behov), max(eksisterende, default=0)) + 1):
        verdi = behov[nr - 1] if nr <= len(behov) else 0
        rad = eksisterende.get(nr) or Ressursbehov(prosjekt=laast, maned_nr=nr)
        if rad.pk is None or rad.personprosent != verdi:
            rad.personprosent = verdi
            rad._history_user = aktor
            rad.save()
        rader.append(rad)
    logg_hendelse(
        aktor=aktor,
        objekt=laast,
        handling="ressursbehov",
        beskrivelse=_("Estimated resource need per month changed: %(fra)s → %(til)s")
        % {
            "fra": ", ".join(str(v) for v in for_endring) or "–",
            "til": ", ".join(str(v) for v in behov) or "–",
        },
        data={"fra": for_endring, "behov": behov},
    )
    return rader
