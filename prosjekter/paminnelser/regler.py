"""Styre's reminder rules, registered with the core's reminder pass (portefolje.paminnelser).

A rule reads the data as it is today and yields `Kandidat`s: who should be reminded of what, for
which period. It never writes; the pass claims. A rule yields the same candidates however often
it runs on the same data, which is what makes a missed, repeated or concurrent pass harmless.
"""

import logging
from collections.abc import Iterator
from datetime import date, timedelta

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portefolje import personer
from portefolje.models.varsler import dager_for
from portefolje.paminnelser import Kandidat, dato_tekst, er_aktiv, regel_registrer
from portefolje.varsler import varseltype_registrer
from prosjekter.models import Prosjekt, Tilstand
from prosjekter.paminnelser.frister import prosjekt_rapportfrist
from prosjekter.selectors.status import siste_publiserte

logger = logging.getLogger("prosjekter.paminnelser")

STATUSRAPPORT_SNART = varseltype_registrer(
    "statusrapport_snart",
    navn=gettext_lazy("Status report due soon"),
    beskrivelse=gettext_lazy("To the project manager, some days before a report is due."),
)
STATUSRAPPORT_FORFALT = varseltype_registrer(
    "statusrapport_forfalt",
    navn=gettext_lazy("Status report overdue"),
    beskrivelse=gettext_lazy("To the project manager, when the due date has passed."),
)
STATUSRAPPORT_ESKALERT = varseltype_registrer(
    "statusrapport_eskalert",
    navn=gettext_lazy("Status report overdue, escalated"),
    beskrivelse=gettext_lazy(
        "To the project owner and the portfolio's chair, when a report is long overdue."
    ),
)


# --- status reports ---------------------------------------------------------------------------


def _rapportprosjekter():
    """Active projects with their last published report's time; the pass reads each once."""
    return (
        Prosjekt.objects.filter(tilstand=Tilstand.AKTIV)
        .annotate(siste_publisert=siste_publiserte("publisert"))
        .select_related(
            "prosjektleder", "prosjekteier", "portefolje", "portefolje__paminnelsesinnstilling"
        )
        .prefetch_related("portefolje__medlemskap__bruker")
        .order_by("pk")
    )


def _ansvarlig(prosjekt):
    """Who gets a project's report reminders: its manager; without one, its owner, then the
    portfolio's chair, so the reminder is not lost."""
    if er_aktiv(prosjekt.prosjektleder):
        return prosjekt.prosjektleder
    kandidat = next(
        (b for b in (prosjekt.prosjekteier, prosjekt.portefolje.leder) if er_aktiv(b)), None
    )
    logger.warning(
        "Prosjekt %s har ingen aktiv prosjektleder; påminnelsen går til %s",
        prosjekt.pk,
        kandidat.username if kandidat else "ingen",
    )
    return kandidat


@regel_registrer
def statusrapport(*, idag: date) -> Iterator[Kandidat]:
    """Due soon (N days before) and overdue to the manager; escalated after M more days to the
    owner and the portfolio's chair. Only active projects; the period is the due date, so a new
    published report starts a new cycle."""
    for prosjekt in _rapportprosjekter():
        frist = prosjekt_rapportfrist(prosjekt)
        if frist is None:
            continue
        dager_for_frist = dager_for(prosjekt.portefolje, "dager_for_rapportfrist")
        dager_til_eskalering = dager_for(prosjekt.portefolje, "dager_til_eskalering")
        if frist - timedelta(days=dager_for_frist) <= idag <= frist:
            mottaker = _ansvarlig(prosjekt)
            if mottaker:
                yield _rapport_snart(prosjekt, frist, mottaker)
        elif idag > frist:
            mottaker = _ansvarlig(prosjekt)
            if mottaker:
                yield _rapport_forfalt(prosjekt, frist, mottaker, dager_til_eskalering)
            dager = (idag - frist).days
            if dager >= dager_til_eskalering:
                yield from _rapport_eskalert(prosjekt, frist, dager)


def _rapport_snart(prosjekt, frist: date, mottaker) -> Kandidat:
    return Kandidat(
        mottaker=mottaker,
        type=STATUSRAPPORT_SNART,
        objekt=prosjekt,
        periode=frist.isoformat(),
        tittel=_("Status report for «%(prosjekt)s» is due %(frist)s")
        % {"prosjekt": prosjekt.tittel, "frist": dato_tekst(frist)},
        tekst=_(
            "The next status report for the project «%(prosjekt)s» is due "
            "%(frist)s. Write it and publish it on the project's page."
        )
        % {"prosjekt": prosjekt.tittel, "frist": dato_tekst(frist)},
        lenke=prosjekt.get_absolute_url(),
    )


def _rapport_forfalt(prosjekt, frist: date, mottaker, dager_til_eskalering: int) -> Kandidat:
    return Kandidat(
        mottaker=mottaker,
        type=STATUSRAPPORT_FORFALT,
        objekt=prosjekt,
        periode=frist.isoformat(),
        tittel=_("Status report for «%(prosjekt)s» is overdue") % {"prosjekt": prosjekt.tittel},
        tekst=_(
            "The status report for the project «%(prosjekt)s» was due %(frist)s. "
            "Publish it as soon as you can; if it is %(dager)s days late, the "
            "project owner and the portfolio's chair are told."
        )
        % {
            "prosjekt": prosjekt.tittel,
            "frist": dato_tekst(frist),
            "dager": dager_til_eskalering,
        },
        lenke=prosjekt.get_absolute_url(),
    )


def _rapport_eskalert(prosjekt, frist: date, dager: int) -> Iterator[Kandidat]:
    """To the project's owner and the portfolio's chair (once, if they are the same person)."""
    leder = prosjekt.portefolje.leder
    mottakere = {b.pk: b for b in (prosjekt.prosjekteier, leder) if er_aktiv(b)}
    if not mottakere:
        logger.warning(
            "Prosjekt %s: ingen prosjekteier eller porteføljeleder å eskalere til",
            prosjekt.pk,
        )
    for mottaker in mottakere.values():
        yield Kandidat(
            mottaker=mottaker,
            type=STATUSRAPPORT_ESKALERT,
            objekt=prosjekt,
            periode=frist.isoformat(),
            tittel=_("Status report for «%(prosjekt)s» is %(dager)s days overdue")
            % {"prosjekt": prosjekt.tittel, "dager": dager},
            tekst=_(
                "The status report for the project «%(prosjekt)s» was due %(frist)s "
                "and is still not published. Project manager: %(leder)s."
            )
            % {
                "prosjekt": prosjekt.tittel,
                "frist": dato_tekst(frist),
                "leder": personer.navn(prosjekt.prosjektleder, tom=_("none")),
            },
            lenke=prosjekt.get_absolute_url(),
        )
