"""Styre's workflows for the project itself: its number, its creation from Velge's decision,
its base data and its elements."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from portefolje.historikk import endringstekst, siste_endringer
from portefolje.revisjon import logg_hendelse
from prosjekter.models import (
    Fase,
    Nummerserie,
    Prosjekt,
    Tilstand,
)


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
        beskrivelse=_("The project %(nummer)s was created from the decision on «%(notat)s».")
        % {"nummer": prosjekt.nummer, "notat": notat},
        data={"beslutning": beslutning.pk, "konseptnotat": notat.pk},
    )
    return prosjekt


@transaction.atomic
def element_lagre(*, objekt, aktor, ny: bool):
    """Save a deliverable, benefit, indicator, measurement, allocation or risk, and log it.

    A change is logged with what it changed, before and after (from the field history), so a
    measurement or a score is never overwritten without a trace.
    """
    objekt._history_user = aktor if getattr(aktor, "is_authenticated", False) else None
    objekt.save()
    navn = {"art": capfirst(objekt._meta.verbose_name), "navn": objekt}
    if ny:
        beskrivelse = _("%(art)s «%(navn)s» registered.") % navn
        endringer = []
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
    return objekt


@transaction.atomic
def prosjekt_lagre(*, prosjekt: Prosjekt, felt: list[str], aktor) -> Prosjekt:
    """Save the project's base data (never its phase or state: those move by decision)."""
    if {"fase", "tilstand"} & set(felt):
        raise ValidationError(_("Phase and state change only by a steering decision."))
    prosjekt._history_user = aktor if getattr(aktor, "is_authenticated", False) else None
    prosjekt.save(update_fields=[*felt, "endret"])
    endringer = siste_endringer(prosjekt)
    logg_hendelse(
        aktor=aktor,
        objekt=prosjekt,
        handling="endret",
        beskrivelse=_("The project's base data changed: %(endringer)s")
        % {"endringer": endringstekst(endringer)},
        data={"felt": felt, "endringer": [[e.felt, e.fra, e.til] for e in endringer]},
    )
    return prosjekt
