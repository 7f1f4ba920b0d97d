"""Plain language (klarspråk) for the public pages: the portal's internal words said simply.

The phases' own labels («Løftet til KLG», «Gjennomføre») are written for the people who work
with the portfolio. A citizen gets these instead: short, with no internal jargon unexplained.
"""

from django.utils.translation import gettext_lazy as _

from portefolje.farger import Farge

# A decision's outcome (velge.models.Utfall), as a citizen reads it.
UTFALL = {
    "godkjent": _("Yes: it becomes a project"),
    "avvist": _("No: it will not be done"),
    "parkert": _("On hold: it will be considered again later"),
    "til_revisjon": _("Sent back: the proposal must be described better first"),
    "loftet_til_klg": _(
        "Sent on to the chief municipal executive's management group (KLG), which decides "
        "large cases and cases that concern several sectors"
    ),
}

# A project's phase (prosjekter.models.Fase), with what it means.
FASE = {
    "konsept": _("Concept: we describe the need and possible solutions"),
    "planlegge": _("Planning: we plan the work"),
    "gjennomfore": _("Under way: the work is being done"),
    "avslutte": _("Closing: the work is nearly finished"),
    "realisere": _("Benefits: we measure whether we get the effect we wanted"),
}

# A project's state (prosjekter.models.Tilstand).
TILSTAND = {
    "ikke_startet": _("Not started yet"),
    "aktiv": _("Running"),
    "pa_vent": _("Paused"),
    "stoppet": _("Stopped"),
    "avsluttet": _("Finished"),
}

# The overall colour of the latest published status report, in words.
SAMLET_STATUS = {
    Farge.GRONN: _("Going to plan"),
    Farge.GUL: _("Some deviations from the plan"),
    Farge.ROD: _("Large deviations from the plan"),
    Farge.GRA: _("No status reported yet"),
}


def utfall(verdi: str) -> str:
    return str(UTFALL.get(verdi, verdi))


def fase(verdi: str) -> str:
    return str(FASE.get(verdi, verdi))


def tilstand(verdi: str) -> str:
    return str(TILSTAND.get(verdi, verdi))


def samlet_status(farge: str | None) -> str:
    return str(SAMLET_STATUS.get(farge or Farge.GRA, SAMLET_STATUS[Farge.GRA]))
