"""Styre's reminder rule for dependencies that have slipped.

When B's end date (or the deliverable's date) has moved past the date A needs it, A's project
manager and A's portfolio's chair are told, once. The claim key's period is the pair of dates
(delivers/needed): the same slip is never told twice, however often the pass runs, but a slip
that moves again (B slips further, or A moves its date) is news and is told again.
"""

from collections.abc import Iterator
from datetime import date

from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portefolje.paminnelser import Kandidat, dato_tekst, er_aktiv, regel_registrer
from portefolje.varsler import varseltype_registrer
from prosjekter.models import Avhengighet, Tilstand

AVHENGIGHET_FORSINKET = varseltype_registrer(
    "avhengighet_forsinket",
    navn=gettext_lazy("Dependency late"),
    beskrivelse=gettext_lazy(
        "To the project manager and the portfolio's chair, when a project this project depends "
        "on (or its deliverable) will be done after this project needs it."
    ),
)

FERDIGE = (Tilstand.AVSLUTTET, Tilstand.STOPPET)


def _forsinkede():
    """Open dependencies of projects still to be done; each read once, with what the rule needs."""
    return (
        Avhengighet.objects.aktive()
        .exclude(prosjekt__tilstand__in=FERDIGE)
        .filter(Q(leveranse__isnull=True) | Q(leveranse__arkivert=False))
        .select_related(
            "prosjekt__prosjektleder",
            "prosjekt__portefolje",
            "avhenger_av",
            "leveranse",
        )
        .prefetch_related("prosjekt__portefolje__medlemskap__bruker")
        .order_by("pk")
    )


@regel_registrer
def avhengighet_forsinket(*, idag: date) -> Iterator[Kandidat]:
    """A's manager and A's portfolio's chair, once per slip (period: the two dates)."""
    for avhengighet in _forsinkede():
        glipp = avhengighet.glipp
        if glipp is None:
            continue
        prosjekt = avhengighet.prosjekt
        mottakere = {
            b.pk: b for b in (prosjekt.prosjektleder, prosjekt.portefolje.leder) if er_aktiv(b)
        }
        verdier = {
            "prosjekt": prosjekt.tittel,
            "hva": avhengighet.hva(),
            "leveres": dato_tekst(glipp.leveres),
            "trengs": dato_tekst(glipp.trengs),
            "dager": glipp.dager,
        }
        for mottaker in mottakere.values():
            yield Kandidat(
                mottaker=mottaker,
                type=AVHENGIGHET_FORSINKET,
                objekt=avhengighet,
                periode=f"{glipp.leveres.isoformat()}/{glipp.trengs.isoformat()}",
                tittel=_("«%(prosjekt)s» waits for something that is late") % verdier,
                tekst=_(
                    "The project «%(prosjekt)s» depends on %(hva)s, which will be done "
                    "%(leveres)s, %(dager)s days after it is needed (%(trengs)s). Agree a new "
                    "date with the other project, or change the plan."
                )
                % verdier,
                lenke=f"{prosjekt.get_absolute_url()}#avhengigheter",
            )
