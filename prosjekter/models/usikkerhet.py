"""Risks and opportunities (usikkerheter), scored by probability and consequence."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from prosjekter.models.prosjekt import Prosjekt
from prosjekter.models.validering import skala_validatorer


class Usikkerhetstype(models.TextChoices):
    RISIKO = "risiko", _("Risk")
    MULIGHET = "mulighet", _("Opportunity")


class Strategi(models.TextChoices):
    UNNGA = "unnga", _("Avoid")
    REDUSERE = "redusere", _("Reduce")
    OVERFORE = "overfore", _("Transfer")
    AKSEPTERE = "akseptere", _("Accept")
    UTNYTTE = "utnytte", _("Exploit")
    FORSTERKE = "forsterke", _("Enhance")


class Usikkerhetsstatus(models.TextChoices):
    APEN = "apen", pgettext_lazy("uncertainty status", "Open")
    UNDER_HANDTERING = "under_handtering", _("Being handled")
    LUKKET = "lukket", _("Closed")


class Usikkerhet(models.Model):
    """A risk or an opportunity, scored by probability and consequence before and after measures."""

    prosjekt = models.ForeignKey(
        Prosjekt, on_delete=models.PROTECT, related_name="usikkerheter", verbose_name=_("project")
    )
    tittel = models.CharField(_("title"), max_length=200)
    beskrivelse = models.TextField(_("description"), blank=True)
    type = models.CharField(
        _("kind"), max_length=20, choices=Usikkerhetstype.choices, default="risiko"
    )
    sannsynlighet = models.PositiveSmallIntegerField(
        _("probability (1–5)"), validators=skala_validatorer()
    )
    konsekvens = models.PositiveSmallIntegerField(
        _("consequence (1–5)"), validators=skala_validatorer()
    )
    tiltak = models.TextField(_("measures"), blank=True)
    ansvarlig = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("responsible"),
    )
    strategi = models.CharField(_("strategy"), max_length=20, choices=Strategi.choices, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Usikkerhetsstatus.choices, default="apen"
    )
    sannsynlighet_etter = models.PositiveSmallIntegerField(
        _("probability after measures"), null=True, blank=True, validators=skala_validatorer()
    )
    konsekvens_etter = models.PositiveSmallIntegerField(
        _("consequence after measures"), null=True, blank=True, validators=skala_validatorer()
    )
    arkivert = models.BooleanField(_("archived"), default=False)
    # Raised by every save through the screens; a stale form is refused (portefolje.samtidighet).
    versjon = models.PositiveIntegerField(_("version"), default=1)

    history = HistoricalRecords()

    class Meta:
        ordering = ["prosjekt", "-sannsynlighet", "-konsekvens", "id"]
        verbose_name = _("uncertainty")
        verbose_name_plural = _("uncertainties")
        constraints = [
            models.CheckConstraint(
                condition=Q(type__in=Usikkerhetstype.values), name="usikkerhet_type_gyldig"
            ),
            models.CheckConstraint(
                condition=Q(strategi__in=[*Strategi.values, ""]), name="usikkerhet_strategi_gyldig"
            ),
            models.CheckConstraint(
                condition=Q(status__in=Usikkerhetsstatus.values), name="usikkerhet_status_gyldig"
            ),
            models.CheckConstraint(
                condition=Q(sannsynlighet__gte=1) & Q(sannsynlighet__lte=5),
                name="usikkerhet_sannsynlighet_1_til_5",
            ),
            models.CheckConstraint(
                condition=Q(konsekvens__gte=1) & Q(konsekvens__lte=5),
                name="usikkerhet_konsekvens_1_til_5",
            ),
            models.CheckConstraint(
                condition=Q(sannsynlighet_etter__isnull=True)
                | (Q(sannsynlighet_etter__gte=1) & Q(sannsynlighet_etter__lte=5)),
                name="usikkerhet_sannsynlighet_etter_1_til_5",
            ),
            models.CheckConstraint(
                condition=Q(konsekvens_etter__isnull=True)
                | (Q(konsekvens_etter__gte=1) & Q(konsekvens_etter__lte=5)),
                name="usikkerhet_konsekvens_etter_1_til_5",
            ),
        ]

    def __str__(self):
        return self.tittel

    @property
    def faktor(self) -> int:
        return self.sannsynlighet * self.konsekvens

    @property
    def faktor_etter(self) -> int | None:
        if self.sannsynlighet_etter is None or self.konsekvens_etter is None:
            return None
        return self.sannsynlighet_etter * self.konsekvens_etter
