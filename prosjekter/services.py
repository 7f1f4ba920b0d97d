"""Workflows of Styre. Views, Velge's hook and the demo data call these."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from portefolje.revisjon import logg_hendelse
from portefolje.samtidighet import Konflikt, laas_versjon
from prosjekter.models import (
    DIMENSJONER,
    Beslutningstype,
    Fase,
    Gevinst,
    Indikator,
    Leveranse,
    Maling,
    Nummerserie,
    Prosjekt,
    Rapporttilstand,
    Ressursallokering,
    Startvedtak,
    Statusrapport,
    Styringsbeslutning,
    Tilstand,
    Usikkerhet,
)
from prosjekter.sjekklister import sjekkliste_for

# What each steering decision does to the project's state (phase changes come from the form).
NY_TILSTAND = {
    Beslutningstype.FORTSETT: Tilstand.AKTIV,
    Beslutningstype.PA_VENT: Tilstand.PA_VENT,
    Beslutningstype.STOPP: Tilstand.STOPPET,
    Beslutningstype.AVSLUTT: Tilstand.AVSLUTTET,
}

# Everything a status report carries over from the last one.
RAPPORTFELT = [
    "oppnadd",
    "neste",
    "utfordringer",
    *[f for felt, _l, _c in DIMENSJONER for f in (felt, f"{felt}_kommentar")],
    "budsjett",
    "kostnad_hittil",
    "prognose",
]


def prosjektnummer_neste(*, ar: int) -> str:
    """The next free number for `ar`, e.g. «P-2026-014». Safe when two decisions come at once.

    The year's counter row is created if missing (ON CONFLICT DO NOTHING, so two first-of-year
    callers cannot collide) and then locked until the caller's transaction ends.
    """
    with transaction.atomic():
        Nummerserie.objects.bulk_create([Nummerserie(ar=ar)], ignore_conflicts=True)
        serie = Nummerserie.objects.select_for_update().get(ar=ar)
        serie.siste += 1
        # Projects made by hand (admin, demo data) may already hold a number: skip past them.
        while Prosjekt.objects.filter(nummer=f"P-{ar}-{serie.siste:03d}").exists():
            serie.siste += 1
        serie.save(update_fields=["siste"])
        return f"P-{ar}-{serie.siste:03d}"


@transaction.atomic
def prosjekt_opprett_fra_beslutning(*, beslutning) -> Prosjekt:
    """Velge approved a concept note as a project: create it, linked to decision, note and inputs.

    Called by `velge.hooks.kjor_ved_godkjenning` inside the decision's transaction.
    Calling it again for the same decision returns the project already made.
    """
    eksisterende = Prosjekt.objects.filter(beslutning=beslutning).first()
    if eksisterende is not None:
        return eksisterende
    notat = beslutning.notat
    ar = (beslutning.dato or timezone.localdate()).year
    prosjekt = Prosjekt.objects.create(
        tittel=notat.tittel[:200],
        nummer=prosjektnummer_neste(ar=ar),
        malsetting=notat.mal,
        portefolje=beslutning.portefolje,
        tjenesteomrade=notat.seksjon,
        budsjett=notat.investering,
        prosjekteier=notat.eier,
        tilstand=Tilstand.IKKE_STARTET,
        fase=Fase.KONSEPT,
        beslutning=beslutning,
        konseptnotat=notat,
    )
    prosjekt.innspill.set(notat.innspill.all())
    logg_hendelse(
        aktor=beslutning.besluttet_av,
        objekt=prosjekt,
        handling="opprettet",
        beskrivelse=f"Prosjektet {prosjekt.nummer} er opprettet fra beslutningen om «{notat}».",
        data={"beslutning": beslutning.pk, "konseptnotat": notat.pk},
    )
    return prosjekt


@transaction.atomic
def statusrapport_ny(*, prosjekt: Prosjekt, aktor) -> Statusrapport:
    """Open the project's draft report, or start one from the last published report."""
    Prosjekt.objects.select_for_update().get(pk=prosjekt.pk)
    utkast = prosjekt.statusrapporter.filter(tilstand=Rapporttilstand.UTKAST).first()
    if utkast is not None:
        return utkast
    forrige = (
        prosjekt.statusrapporter.filter(tilstand=Rapporttilstand.PUBLISERT)
        .order_by("-publisert")
        .first()
    )
    rapport = Statusrapport(prosjekt=prosjekt, skrevet_av=aktor)
    if forrige is not None:
        for felt in RAPPORTFELT:
            setattr(rapport, felt, getattr(forrige, felt))
    elif rapport.budsjett is None:
        rapport.budsjett = prosjekt.budsjett
    rapport.farge = rapport.beregn_farge()
    rapport.save()
    logg_hendelse(
        aktor=aktor, objekt=rapport, handling="opprettet", beskrivelse="Nytt statusrapportutkast."
    )
    return rapport


@transaction.atomic
def statusrapport_lagre(
    *, rapport: Statusrapport, data: dict, versjon: int, aktor
) -> Statusrapport:
    """Save a draft. Refused if it is published, or changed by someone else since `versjon`."""
    laast = Statusrapport.objects.select_for_update().get(pk=rapport.pk)
    if laast.tilstand != Rapporttilstand.UTKAST:
        raise ValidationError(_("This report is published and can no longer be changed."))
    if laast.versjon != versjon:
        raise Konflikt(laast)
    for felt in RAPPORTFELT:
        if felt in data:
            setattr(laast, felt, data[felt])
    laast.farge = laast.beregn_farge()
    laast.versjon += 1
    laast.skrevet_av = aktor
    laast.save()
    logg_hendelse(aktor=aktor, objekt=laast, handling="endret", beskrivelse="Utkast lagret.")
    return laast


@transaction.atomic
def statusrapport_publiser(*, rapport: Statusrapport, versjon: int, aktor) -> Statusrapport:
    """Publish a draft: from now on it is read-only history."""
    laast = Statusrapport.objects.select_for_update().get(pk=rapport.pk)
    if laast.tilstand != Rapporttilstand.UTKAST:
        raise ValidationError(_("This report is already published."))
    if laast.versjon != versjon:
        raise Konflikt(laast)
    laast.tilstand = Rapporttilstand.PUBLISERT
    laast.publisert = timezone.now()
    laast.farge = laast.beregn_farge()
    laast.versjon += 1
    laast.save(update_fields=["tilstand", "publisert", "farge", "versjon", "endret"])
    logg_hendelse(
        aktor=aktor,
        objekt=laast,
        handling="publisert",
        beskrivelse=f"Statusrapport publisert for {laast.prosjekt.nummer}.",
        data={"farge": laast.farge},
    )
    return laast


@transaction.atomic
def styringsbeslutning_fatt(
    *,
    prosjekt: Prosjekt,
    type: str,
    begrunnelse: str,
    aktor,
    til_fase: str = "",
    sjekkliste: list | None = None,
    forventet_tilstand: str | None = None,
    forventet_fase: str | None = None,
) -> Styringsbeslutning:
    """Record the chair's decision on a project and change its state or phase accordingly.

    The project is locked; if its state or phase is no longer what the chair saw
    (`forventet_*`), someone else decided meanwhile and this one is refused.
    """
    if not begrunnelse.strip():
        raise ValidationError({"begrunnelse": _("Give the rationale for the decision.")})
    laast = Prosjekt.objects.select_for_update().get(pk=prosjekt.pk)
    if (forventet_tilstand and laast.tilstand != forventet_tilstand) or (
        forventet_fase and laast.fase != forventet_fase
    ):
        raise Konflikt(laast)
    if laast.tilstand == Tilstand.AVSLUTTET:
        raise ValidationError(_("The project is closed; no further decisions can be made."))
    fra_tilstand, fra_fase = laast.tilstand, laast.fase
    if type == Beslutningstype.ENDRE_FASE:
        if not til_fase or til_fase == fra_fase:
            raise ValidationError({"til_fase": _("Choose a phase other than the current one.")})
        punkter = [str(p) for p in sjekkliste_for(til_fase)]
        if set(punkter) - set(sjekkliste or []):
            raise ValidationError(
                {"sjekkliste": _("Confirm every point of the phase's checklist.")}
            )
        # Only the new phase's points are kept: ticks on other phases' points mean nothing.
        sjekkliste = punkter
        laast.fase = til_fase
        if laast.tilstand in (Tilstand.IKKE_STARTET, Tilstand.PA_VENT):
            laast.tilstand = Tilstand.AKTIV
    else:
        laast.tilstand = NY_TILSTAND[type]
        sjekkliste = []
    if laast.tilstand == Tilstand.AKTIV and laast.startdato is None:
        laast.startdato = timezone.localdate()
    laast.save(update_fields=["tilstand", "fase", "startdato", "endret"])
    beslutning = Styringsbeslutning.objects.create(
        prosjekt=laast,
        type=type,
        begrunnelse=begrunnelse.strip(),
        fra_tilstand=fra_tilstand,
        til_tilstand=laast.tilstand,
        fra_fase=fra_fase,
        til_fase=laast.fase,
        sjekkliste=list(sjekkliste or []),
        besluttet_av=aktor,
    )
    logg_hendelse(
        aktor=aktor,
        objekt=laast,
        handling=f"styringsbeslutning_{type}",
        beskrivelse=f"{beslutning.get_type_display()}: {begrunnelse.strip()}",
        data={
            "fra_tilstand": fra_tilstand,
            "til_tilstand": laast.tilstand,
            "fra_fase": fra_fase,
            "til_fase": laast.fase,
        },
    )
    prosjekt.tilstand, prosjekt.fase, prosjekt.startdato = (
        laast.tilstand,
        laast.fase,
        laast.startdato,
    )
    return beslutning


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
        beskrivelse=f"Oppstart vedtatt til {vedtak.vedtatt_start:%m.%Y}: {vedtak.begrunnelse}",
        data={
            "foreslatt": foreslatt_start.isoformat() if foreslatt_start else None,
            "vedtatt": vedtak.vedtatt_start.isoformat(),
        },
    )
    return vedtak


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
        lagret.versjon += 1
    for felt, verdi in data.items():
        setattr(lagret, felt, verdi)
    lagret.save()
    art = str(modell._meta.verbose_name).capitalize()
    logg_hendelse(
        aktor=aktor,
        objekt=lagret,
        handling="opprettet" if ny else "endret",
        beskrivelse=(
            gettext("%(art)s «%(navn)s» registered.")
            if ny
            else gettext("%(art)s «%(navn)s» changed.")
        )
        % {"art": art, "navn": lagret},
    )
    return lagret


@transaction.atomic
def leveranse_lagre(
    *, prosjekt: Prosjekt, leveranse: Leveranse | None, data: dict, versjon: int | None, aktor
) -> Leveranse:
    """Register (`leveranse` None) or change a deliverable. Refuses a stale or archived one."""
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
    """Register a measurement (registered by `aktor`) or correct one. Refuses a stale one."""
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
    lagret.versjon += 1
    lagret.save(update_fields=["arkivert", "versjon"])
    logg_hendelse(
        aktor=aktor,
        objekt=lagret,
        handling="arkivert",
        beskrivelse=gettext("%(art)s «%(navn)s» archived.")
        % {"art": str(lagret._meta.verbose_name).capitalize(), "navn": lagret},
    )
    return lagret


@transaction.atomic
def prosjekt_lagre(*, prosjekt: Prosjekt, data: dict, versjon: int, aktor) -> Prosjekt:
    """Change the project's base data. Refused with `Konflikt` if it moved past `versjon`."""
    laast = laas_versjon(Prosjekt, pk=prosjekt.pk, versjon=versjon)
    endret = [felt for felt, verdi in data.items() if getattr(laast, felt) != verdi]
    for felt in endret:
        setattr(laast, felt, data[felt])
    laast.versjon += 1
    laast.save(update_fields=[*endret, "versjon", "endret"])
    logg_hendelse(
        aktor=aktor,
        objekt=laast,
        handling="endret",
        beskrivelse=gettext("The project's base data has been changed."),
        data={"felt": endret},
    )
    return laast
