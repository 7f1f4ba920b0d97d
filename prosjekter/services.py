"""Workflows of Styre. Views, Velge's hook and the demo data call these."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portefolje.revisjon import logg_hendelse
from portefolje.samtidighet import Konflikt
from prosjekter.models import (
    DIMENSJONER,
    Beslutningstype,
    Fase,
    Nummerserie,
    Prosjekt,
    Rapporttilstand,
    Startvedtak,
    Statusrapport,
    Styringsbeslutning,
    Tilstand,
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
    ar = (beslutning.besluttet or timezone.now()).year
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
    (`forventet_*`), someone else decided meanwhile and this one is refused (`Konflikt`).
    Refuses (`UlovligOvergang`) a change of state or phase that `prosjekter/overganger.py` does
    not declare from where the project stands, or that `aktor` may not make.
    """
    from prosjekter.overganger import FASE, TILSTAND

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
        FASE.sjekk(laast, til_fase, aktor)
        if laast.tilstand in (Tilstand.IKKE_STARTET, Tilstand.PA_VENT):
            TILSTAND.sjekk(laast, Tilstand.AKTIV, aktor)
            laast.tilstand = Tilstand.AKTIV
        laast.fase = til_fase
    else:
        TILSTAND.sjekk(laast, NY_TILSTAND[type], aktor)
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


@transaction.atomic
def element_lagre(*, objekt, aktor, ny: bool):
    """Save a deliverable, benefit, indicator, measurement, allocation or risk, and log it."""
    objekt.save()
    logg_hendelse(
        aktor=aktor,
        objekt=objekt,
        handling="opprettet" if ny else "endret",
        beskrivelse=f"{objekt._meta.verbose_name.capitalize()} «{objekt}» "
        + ("registrert." if ny else "endret."),
    )
    return objekt


@transaction.atomic
def prosjekt_lagre(*, prosjekt: Prosjekt, felt: list[str], aktor) -> Prosjekt:
    prosjekt.save(update_fields=[*felt, "endret"])
    logg_hendelse(
        aktor=aktor,
        objekt=prosjekt,
        handling="endret",
        beskrivelse="Prosjektets grunndata er endret.",
        data={"felt": felt},
    )
    return prosjekt
