"""Samle's notification kinds and its reminder rule (parked inputs whose date has come),
registered with the core (portefolje.varsler, portefolje.paminnelser) in IdeerConfig.ready()."""

import logging
from collections.abc import Iterator
from datetime import date

from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ideer.models import Innspill, Status
from portefolje.models.organisasjon import UTVIKLINGSTEAM_GRUPPE
from portefolje.paminnelser import Kandidat, dato_tekst, regel_registrer
from portefolje.varsler import varseltype_registrer

logger = logging.getLogger("ideer.paminnelser")

# To a citizen who gave an address and consented on the public form: the receipt, with the code.
INNSPILL_MOTTATT = varseltype_registrer(
    "innspill_mottatt",
    navn=gettext_lazy("Receipt for your input"),
    beskrivelse=gettext_lazy("To a citizen who consented: the code to follow the input by."),
    epost_standard=False,
)
# To an employee who sent an input (a citizen who consented gets the same by e-mail).
INNSPILL_BESVART = varseltype_registrer(
    "innspill_besvart",
    navn=gettext_lazy("Answer to your input"),
    beskrivelse=gettext_lazy("The development team answered an input you sent."),
    epost_standard=False,
)
INNSPILL_AVVIST = varseltype_registrer(
    "innspill_avvist",
    navn=gettext_lazy("Your input was rejected"),
    beskrivelse=gettext_lazy("An input you sent was rejected, with the reason."),
    epost_standard=False,
)
INNSPILL_SLATT_SAMMEN = varseltype_registrer(
    "innspill_slatt_sammen",
    navn=gettext_lazy("Your input was merged with a similar one"),
    epost_standard=False,
)
INNSPILL_FIKK_DUPLIKAT = varseltype_registrer(
    "innspill_fikk_duplikat",
    navn=gettext_lazy("A similar input was merged into yours"),
    epost_standard=False,
)
KONSEPTNOTAT_BESTILT = varseltype_registrer(
    "konseptnotat_bestilt",
    navn=gettext_lazy("Concept note wanted from you"),
    beskrivelse=gettext_lazy("The development team asks you to write a concept note."),
    epost_standard=False,
)
# Also used by Velge for parked concept notes: one kind, one setting, for «parked, look again».
PARKERT_FRIST = varseltype_registrer(
    "parkert_frist",
    navn=gettext_lazy("Parked input or note to be looked at again"),
    beskrivelse=gettext_lazy("To the development team, when a parked case's date has come."),
)


def utviklingsteamet() -> list:
    """The active members of the development team, who get reminders about parked cases."""
    return list(
        get_user_model()
        .objects.filter(groups__name=UTVIKLINGSTEAM_GRUPPE, is_active=True)
        .order_by("pk")
    )


@regel_registrer
def parkert_innspill(*, idag: date) -> Iterator[Kandidat]:
    """Parked inputs whose «parked until» date has come, to the development team. The period is
    that date: parked again to a later date gives a new reminder then."""
    innspill = list(
        Innspill.objects.filter(status=Status.PARKERT, parkert_til__lte=idag).order_by("pk")
    )
    if not innspill:
        return
    team = utviklingsteamet()
    if not team:
        logger.warning("Ingen i utviklingsteamet å minne om parkerte innspill")
    for sak in innspill:
        for mottaker in team:
            yield Kandidat(
                mottaker=mottaker,
                type=PARKERT_FRIST,
                objekt=sak,
                periode=sak.parkert_til.isoformat(),
                tittel=_("Parked input «%(tittel)s» is due for a new look")
                % {"tittel": sak.tittel},
                tekst=_("The input was parked until %(dato)s. Take it up again or close it.")
                % {"dato": dato_tekst(sak.parkert_til)},
                lenke=sak.get_absolute_url(),
            )
