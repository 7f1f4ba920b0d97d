"""The words an input is described by: kind, source, channel, status, and what they mean."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from portefolje.farger import Farge


class Type(models.TextChoices):
    IDE = "ide", _("Idea or input")
    BESTILLING = "bestilling", _("Order")


class Opphav(models.TextChoices):
    # Orders (bestillinger)
    POLITISK = "politisk", _("Political")
    ADMINISTRATIV = "administrativ", _("Administrative")
    TILSKUDD = "tilskudd", _("Grant")
    UFORUTSETT_HENDELSE = "uforutsett_hendelse", _("Unforeseen event")
    # Inputs and ideas (innspill og ideer)
    KOMMUNESTYRET = "kommunestyret", _("The municipal council")
    LEDERGRUPPA = "ledergruppa", _("The leadership group")
    LEDERE = "ledere", _("Leaders")
    MEDARBEIDERE = "medarbeidere", _("Employees")
    NAERINGSLIV = "naeringsliv", _("Businesses")
    INNBYGGERE = "innbyggere", _("Citizens")


OPPHAV_BESTILLING = [
    Opphav.POLITISK,
    Opphav.ADMINISTRATIV,
    Opphav.TILSKUDD,
    Opphav.UFORUTSETT_HENDELSE,
]


class Kanal(models.TextChoices):
    PORTAL = "portal", _("The portal's form")
    OFFENTLIG_SKJEMA = "offentlig_skjema", _("The public form")
    SAMMENSKAPERVI = "sammenskapervi", _("sammenskapervi.no")
    SLIKSKAPERVI = "slikskapervi", _("slikskapervi.no")
    VEDTAK = "vedtak", _("Decision (vedtak)")
    STRATEGI = "strategi", _("Strategy")
    PLAN = "plan", _("Plan")
    ANNET = "annet", _("Other")


class Status(models.TextChoices):
    NY = "ny", _("New")
    UNDER_VURDERING = "under_vurdering", _("Under consideration")
    KONSEPTNOTAT_BESTILT = "konseptnotat_bestilt", _("Concept note ordered")
    BESVART = "besvart", _("Answered")
    AVVIST = "avvist", _("Rejected")
    SLATT_SAMMEN = "slatt_sammen", _("Merged")
    PARKERT = "parkert", _("Parked")


# Statuses after which nothing more happens to an input; the retention clock starts here.
LUKKEDE_STATUSER = [Status.BESVART, Status.AVVIST, Status.SLATT_SAMMEN]


# The colour helps; the status word is always shown beside it.
STATUS_FARGE = {
    Status.NY: Farge.GUL,
    Status.UNDER_VURDERING: Farge.GUL,
    Status.KONSEPTNOTAT_BESTILT: Farge.GRONN,
    Status.BESVART: Farge.GRONN,
    Status.AVVIST: Farge.ROD,
    Status.SLATT_SAMMEN: Farge.GRA,
    Status.PARKERT: Farge.GRA,
}


# What each status means, said to the person who sent the idea (the receipt): the status words
# are the development team's («Konseptnotat bestilt»); the citizen gets a plain sentence too.
STATUS_FOR_INNSENDER = {
    Status.NY: _("We have received your idea. We will read it soon."),
    Status.UNDER_VURDERING: _("We are looking at your idea and finding out what to do with it."),
    Status.KONSEPTNOTAT_BESTILT: _(
        "We are describing the idea in more detail, so that a management group can decide on it."
    ),
    Status.BESVART: _("We have answered. Read the answer below."),
    Status.AVVIST: _("We will not go on with the idea. Read why below."),
    Status.SLATT_SAMMEN: _("Your idea is handled together with a similar idea."),
    Status.PARKERT: _("The idea is on hold. We will look at it again later."),
}
