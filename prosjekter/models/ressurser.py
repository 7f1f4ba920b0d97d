"""Resource allocation per person and period, with line duties and absence."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from prosjekter.models.prosjekt import Prosjekt
from prosjekter.models.validering import prosent_validatorer


class Allokeringstype(models.TextChoices):
    PROSJEKT = "prosjekt", _("Project")
    LINJE = "linje", _("Line duties")
    FRAVAER = "fravaer", _("Absence")


class Allokeringsstatus(models.TextChoices):
    FORESPURT = "forespurt", _("Requested")
    TILDELT = "tildelt", _("Assigned")
    AVVIST = "avvist", _("Rejected")


class Ressursallokering(models.Model):
    """A person's (or an unfilled role's) load in percent over a period."""

    type = models.CharField(
        _("kind"), max_length=20, choices=Allokeringstype.choices, default="prosjekt"
    )
    prosjekt = models.ForeignKey(
        Prosjekt,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="allokeringer",
        verbose_name=_("project"),
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="allokeringer",
        verbose_name=_("person"),
        help_text=_("Leave empty when only the role is known."),
    )
    rolle = models.CharField(_("role"), max_length=120, blank=True)
    belastning = models.PositiveSmallIntegerField(_("load (%)"), validators=prosent_validatorer())
    fra = models.DateField(_("from"))
    til = models.DateField(_("to"))
    status = models.CharField(
        _("status"), max_length=20, choices=Allokeringsstatus.choices, default="forespurt"
    )
    kommentar = models.CharField(_("comment"), max_length=300, blank=True)
    arkivert = models.BooleanField(_("archived"), default=False)
    # Raised by every save through the screens; a stale form is refused (portefolje.samtidighet).
    versjon = models.PositiveIntegerField(_("version"), default=1)

    history = HistoricalRecords()

    class Meta:
        ordering = ["fra", "id"]
        verbose_name = _("resource allocation")
        verbose_name_plural = _("resource allocations")
        constraints = [
            models.CheckConstraint(
                condition=Q(type__in=Allokeringstype.values), name="allokering_type_gyldig"
            ),
            models.CheckConstraint(
                condition=Q(status__in=Allokeringsstatus.values), name="allokering_status_gyldig"
            ),
            models.CheckConstraint(
                condition=Q(belastning__gte=0) & Q(belastning__lte=100),
                name="allokering_belastning_0_til_100",
            ),
            models.CheckConstraint(
                condition=Q(til__gte=models.F("fra")), name="allokering_til_etter_fra"
            ),
            models.CheckConstraint(
                condition=~Q(type="prosjekt") | Q(prosjekt__isnull=False),
                name="prosjektallokering_har_prosjekt",
            ),
            models.CheckConstraint(
                condition=Q(person__isnull=False) | ~Q(rolle=""),
                name="allokering_har_person_eller_rolle",
            ),
        ]
        indexes = [
            # A person's allocations over a period (overbooking, timeline).
            models.Index(
                fields=["person", "fra", "til"],
                condition=Q(arkivert=False),
                name="allokering_person_idx",
            ),
        ]

    def __str__(self):
        hvem = self.person or self.rolle
        return f"{hvem}: {self.belastning} % {self.fra:%d.%m.%Y}–{self.til:%d.%m.%Y}"
