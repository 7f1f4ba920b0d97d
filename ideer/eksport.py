"""CSV and XLSX export of exactly what the list shows after filtering and search."""

from django.utils import timezone
from django.utils.translation import gettext as _

from ideer.models import Kanal, Opphav, Status, Type
from portefolje.eksport import Kolonne, filnavn, tabell_svar
from portefolje.personer import navn


def _etiketter(choices) -> dict:
    # Translated once per export: get_FOO_display() re-translates lazy labels on every row,
    # which costs more than the rest of the export together at 20 000 rows.
    return {verdi: str(etikett) for verdi, etikett in choices.choices}


def kolonner(*, med_personopplysninger: bool) -> list[Kolonne]:
    """The export's columns; the citizen's name and e-mail only for those who may see them."""
    typer, opphav, kanaler, statuser = (
        _etiketter(Type),
        _etiketter(Opphav),
        _etiketter(Kanal),
        _etiketter(Status),
    )
    ja, nei = _("yes"), _("no")
    kolonner = [
        Kolonne(_("Number"), lambda i: i.pk, bredde=9),
        Kolonne(_("Title"), lambda i: i.tittel, bredde=40),
        Kolonne(_("Kind"), lambda i: typer[i.type], bredde=12),
        Kolonne(_("Source"), lambda i: opphav[i.opphav]),
        Kolonne(_("Channel"), lambda i: kanaler[i.kanal]),
        Kolonne(_("Status"), lambda i: statuser[i.status]),
        Kolonne(_("Imposed"), lambda i: ja if i.palagt else nei, bredde=9),
        Kolonne(_("Sections"), lambda i: ", ".join(s.navn for s in i.seksjoner.all()), bredde=24),
        Kolonne(_("Portfolio"), lambda i: str(i.portefolje) if i.portefolje else "", bredde=24),
        Kolonne(_("Reference"), lambda i: i.referanse),
        Kolonne(_("Received"), lambda i: i.opprettet, bredde=17),
        Kolonne(_("Need or problem"), lambda i: i.beskrivelse, bredde=60),
        Kolonne(_("Submitted by"), lambda i: navn(i.innsender) if i.innsender else "", bredde=24),
    ]
    if med_personopplysninger:
        kolonner += [
            Kolonne(_("Citizen's name"), lambda i: i.innsender_navn, bredde=24),
            Kolonne(_("Citizen's e-mail"), lambda i: i.innsender_epost, bredde=28),
        ]
    return kolonner


def eksporter(qs, *, som: str, med_personopplysninger: bool):
    """The list as «xlsx» or «csv», through the one table export (`portefolje.eksport`)."""
    # In chunks with the sections prefetched: a constant number of queries per 2000 rows.
    return tabell_svar(
        qs.iterator(chunk_size=2000),
        kolonner=kolonner(med_personopplysninger=med_personopplysninger),
        som=som,
        arktittel=_("Inputs"),
        navn=filnavn("innspill", timezone.localdate()),
    )
