"""Årshjulet: a portfolio's yearly cycle as dates, set by the chair or the secretary.

One `Arshjul` per portfolio and year holds the four fixed points of the budget cycle (deadline
for concept notes, scoring meeting, decision meeting, budget proposal); `Arshjulpunkt` adds
freely named points. The dates feed the reminders (velge/paminnelser.py): notes not ready by
the deadline, and, through the meetings the cycle puts in the calendar, members who have not
scored before the meeting.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from portefolje.models.organisasjon import Portefolje

# The fixed points, in the order the cycle runs: (field, label). The order is the rule that
# `arshjul_lagre` checks («the deadline comes before the scoring meeting», …).
FASTE_PUNKTER = [
    ("notatfrist", _("Deadline for concept notes")),
    ("vurderingsmote", _("Scoring meeting")),
    ("beslutningsmote", _("Decision meeting")),
    ("budsjettforslag", _("Budget proposal")),
]
MOTEPUNKTER = ["vurderingsmote", "beslutningsmote"]


class Arshjul(models.Model):
    """One portfolio's cycle for one year."""

    portefolje = models.ForeignKey(
        Portefolje, on_delete=models.PROTECT, related_name="arshjul", verbose_name=_("portfolio")
    )
    ar = models.PositiveSmallIntegerField(_("year"))
    notatfrist = models.DateField(_("deadline for concept notes"), null=True, blank=True)
    vurderingsmote = models.DateField(_("scoring meeting"), null=True, blank=True)
    beslutningsmote = models.DateField(_("decision meeting"), null=True, blank=True)
    budsjettforslag = models.DateField(_("budget proposal"), null=True, blank=True)
    # Raised by every save through the screens; a stale form is refused (portefolje.samtidighet).
    versjon = models.PositiveIntegerField(_("version"), default=1)

    history = HistoricalRecords()

    class Meta:
        ordering = ["portefolje", "ar"]
        verbose_name = _("yearly cycle")
        verbose_name_plural = _("yearly cycles")
        constraints = [
            models.UniqueConstraint(fields=["portefolje", "ar"], name="ett_arshjul_per_ar"),
        ]
        indexes = [
            # The deadline reminder (velge/paminnelser.py, arshjul_notatfrist) reads by date.
            models.Index(
                fields=["notatfrist"],
                condition=Q(notatfrist__isnull=False),
                name="arshjul_notatfrist_idx",
            ),
        ]

    def __str__(self):
        return f"{self.portefolje} {self.ar}"


class Arshjulpunkt(models.Model):
    """A freely named date in a portfolio's cycle («Økonomiplanseminar», «Tertialrapport»)."""

    arshjul = models.ForeignKey(
        Arshjul, on_delete=models.CASCADE, related_name="punkter", verbose_name=_("yearly cycle")
    )
    navn = models.CharField(_("name"), max_length=120)
    dato = models.DateField(_("date"))
    # Removed from the cycle on the page: kept, not deleted (the history stays traceable).
    arkivert = models.BooleanField(_("archived"), default=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["arshjul", "dato", "id"]
        verbose_name = _("point in the yearly cycle")
        verbose_name_plural = _("points in the yearly cycle")

    def __str__(self):
        return f"{self.navn} ({self.dato:%d.%m.%Y})"
