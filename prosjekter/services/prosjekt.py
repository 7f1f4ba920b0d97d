"""Styre's workflows for the project itself: its number and its creation from Velge's
decision. Base data and elements are edited through `prosjekter.services.elementer`."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

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
        # The decision names the owner and, when known, the manager (velge's decision form).
        prosjekteier=beslutning.prosjekteier or notat.eier,
        prosjektleder=beslutning.prosjektleder,
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
