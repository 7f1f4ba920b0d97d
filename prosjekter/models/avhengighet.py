"""Dependencies between projects: A depends on B (or on one of B's deliverables), with a note.

A dependency slips when the date B delivers (the deliverable's end, else B's end) is later than
the date A needs it (its own date, else A's start). `glipp` is the one rule; the pages, the
timeline and the reminder rule (`prosjekter.paminnelser.regler`) all call it.
"""

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from prosjekter.models.leveranser import Leveranse
from prosjekter.models.prosjekt import Prosjekt


@dataclass(frozen=True)
class Glipp:
    """B delivers `leveres`, A needs it `trengs`: late by `dager` days."""

    leveres: date
    trengs: date

    @property
    def dager(self) -> int:
        return (self.leveres - self.trengs).days


def glipp(*, leveres: date | None, trengs: date | None) -> Glipp | None:
    """A `Glipp` when both dates are known and B delivers after A needs it; else None."""
    if leveres is None or trengs is None or leveres <= trengs:
        return None
    return Glipp(leveres=leveres, trengs=trengs)


class AvhengighetQuerySet(models.QuerySet):
    def aktive(self):
        return self.filter(arkivert=False)


class Avhengighet(models.Model):
    prosjekt = models.ForeignKey(
        Prosjekt,
        on_delete=models.PROTECT,
        related_name="avhengigheter",
        verbose_name=_("project (depends)"),
    )
    avhenger_av = models.ForeignKey(
        Prosjekt,
        on_delete=models.PROTECT,
        related_name="avhengige",
        verbose_name=_("depends on project"),
    )
    leveranse = models.ForeignKey(
        Leveranse,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="avhengige",
        verbose_name=_("deliverable"),
        help_text=_("Empty: the whole project (its end date)."),
    )
    trengs_dato = models.DateField(
        _("needed by"),
        null=True,
        blank=True,
        help_text=_("Empty: the project's start date."),
    )
    notat = models.TextField(_("note"), blank=True)
    opprettet_av = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("registered by"),
    )
    opprettet = models.DateTimeField(_("created"), auto_now_add=True)
    arkivert = models.BooleanField(_("archived"), default=False)
    # Raised by every save through the screens; a stale form is refused (portefolje.samtidighet).
    versjon = models.PositiveIntegerField(_("version"), default=1)

    objects = AvhengighetQuerySet.as_manager()

    history = HistoricalRecords()

    class Meta:
        ordering = ["prosjekt", "avhenger_av", "id"]
        verbose_name = _("dependency")
        verbose_name_plural = _("dependencies")
        constraints = [
            models.CheckConstraint(
                condition=~Q(prosjekt=F("avhenger_av")), name="avhengighet_ikke_seg_selv"
            ),
            models.UniqueConstraint(
                fields=["prosjekt", "avhenger_av"],
                condition=Q(arkivert=False, leveranse__isnull=True),
                name="en_avhengighet_per_prosjektpar",
            ),
            models.UniqueConstraint(
                fields=["prosjekt", "leveranse"],
                condition=Q(arkivert=False, leveranse__isnull=False),
                name="en_avhengighet_per_leveranse",
            ),
        ]
        indexes = [
            # The reminder rule and the timeline read the open dependencies.
            models.Index(
                fields=["avhenger_av"], condition=Q(arkivert=False), name="avhengighet_aktiv_idx"
            ),
        ]

    def __str__(self):
        mal = f"{self.avhenger_av.nummer}"
        if self.leveranse_id:
            mal += f" / {self.leveranse.tittel}"
        return f"{self.prosjekt.nummer} → {mal}"

    def hva(self) -> str:
        """What A waits for, in words: «P-2025-005 Title» or «Deliverable (P-2025-005)»."""
        if self.leveranse_id:
            return f"{self.leveranse.tittel} ({self.avhenger_av.nummer})"
        return str(self.avhenger_av)

    @property
    def leveres(self) -> date | None:
        """When B delivers what A needs: the deliverable's end, else B's end."""
        if self.leveranse_id:
            return self.leveranse.sluttdato
        return self.avhenger_av.sluttdato

    @property
    def trengs(self) -> date | None:
        return self.trengs_dato or self.prosjekt.startdato

    @property
    def glipp(self) -> Glipp | None:
        return glipp(leveres=self.leveres, trengs=self.trengs)
