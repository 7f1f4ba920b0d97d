"""Status reports: a draft, saved with optimistic locking, then published as read-only history.

The report's states and the one move between them are declared in `prosjekter/overganger.py`.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from portefolje.overganger import UlovligOvergang
from portefolje.revisjon import logg_hendelse
from portefolje.samtidighet import laas_versjon, lagre_versjon
from prosjekter.models import (
    DIMENSJONER,
    Prosjekt,
    Rapporttilstand,
    Statusrapport,
)
from prosjekter.overganger import RAPPORTTILSTAND, rapport_kan_endres
from prosjekter.oyeblikksbilde import bilde_lag

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


def statusrapport_forslag(*, prosjekt: Prosjekt, aktor) -> Statusrapport:
    """A new draft, not saved: a copy of the last published report's text, colours and figures
    (or the project's budget for its first), to open in the form. Saved by `statusrapport_ny`."""
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
    return rapport


@transaction.atomic
def statusrapport_ny(*, prosjekt: Prosjekt, aktor, data: dict | None = None) -> Statusrapport:
    """Save the project's new draft: the proposal (`statusrapport_forslag`) with `data`, what
    the person wrote in the form, on top. A project has one draft at a time: without `data`, an
    existing draft is returned to continue; with `data` it is refused (`ValidationError`), so
    what she wrote does not silently replace, or vanish into, someone else's draft."""
    Prosjekt.objects.select_for_update().get(pk=prosjekt.pk)
    utkast = prosjekt.statusrapporter.filter(tilstand=Rapporttilstand.UTKAST).first()
    if utkast is not None:
        if data is None:
            return utkast
        raise ValidationError(
            _(
                "Someone started a draft for this project while you wrote. Nothing is saved: "
                "copy what you wrote, open the draft from the project's page and add it there."
            )
        )
    rapport = statusrapport_forslag(prosjekt=prosjekt, aktor=aktor)
    for felt in RAPPORTFELT:
        if data and felt in data:
            setattr(rapport, felt, data[felt])
    rapport.farge = rapport.beregn_farge()
    rapport.save()
    logg_hendelse(
        aktor=aktor, objekt=rapport, handling="opprettet", beskrivelse=_("New status report draft.")
    )
    return rapport


@transaction.atomic
def statusrapport_lagre(
    *, rapport: Statusrapport, data: dict, versjon: int, aktor
) -> Statusrapport:
    """Save a draft. Refused (`Konflikt`) if changed by someone else since `versjon`, and
    (`ValidationError`) if it is published."""
    laast = laas_versjon(Statusrapport, pk=rapport.pk, versjon=versjon)
    if not rapport_kan_endres(laast):
        raise ValidationError(_("This report is published and can no longer be changed."))
    for felt in RAPPORTFELT:
        if felt in data:
            setattr(laast, felt, data[felt])
    laast.farge = laast.beregn_farge()
    laast.skrevet_av = aktor
    lagre_versjon(laast)
    logg_hendelse(aktor=aktor, objekt=laast, handling="endret", beskrivelse=_("Draft saved."))
    return laast


@transaction.atomic
def statusrapport_publiser(*, rapport: Statusrapport, versjon: int, aktor) -> Statusrapport:
    """Publish a draft: from now on it is read-only history, with a snapshot of the project's
    deliverables, benefits, risks and allocations as they stand now. Refused (`Konflikt`) if
    changed by someone else since `versjon`, and (`UlovligOvergang`) if it is published already
    or `aktor` may not publish it (`prosjekter/overganger.py`)."""
    laast = laas_versjon(Statusrapport, pk=rapport.pk, versjon=versjon)
    if not rapport_kan_endres(laast):  # said plainly, rather than «Published» to «Published»
        raise UlovligOvergang(
            laast, Rapporttilstand.PUBLISERT, _("This report is already published.")
        )
    RAPPORTTILSTAND.sjekk(laast, Rapporttilstand.PUBLISERT, aktor)
    laast.tilstand = Rapporttilstand.PUBLISERT
    laast.publisert = timezone.now()
    laast.farge = laast.beregn_farge()
    laast.oyeblikksbilde = bilde_lag(prosjekt=laast.prosjekt)
    lagre_versjon(laast, felter=["tilstand", "publisert", "farge", "oyeblikksbilde"])
    logg_hendelse(
        aktor=aktor,
        objekt=laast,
        handling="publisert",
        beskrivelse=_("Status report published for %(nummer)s.")
        % {"nummer": laast.prosjekt.nummer},
        data={"farge": laast.farge},
    )
    return laast
