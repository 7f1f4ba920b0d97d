"""Velge's money: the chair's frames per year, and named «what if» scenarios."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from portefolje.models.organisasjon import Portefolje


class Ramme(models.Model):
    """What a portfolio may spend on new projects in one year, set by the chair: investment and
    running cost in kroner, and internal capacity in person-months. Empty: no frame for it."""

    portefolje = models.ForeignKey(
        Portefolje, on_delete=models.CASCADE, related_name="rammer", verbose_name=_("portfolio")
    )
    ar = models.PositiveSmallIntegerField(_("year"))
    investering = models.DecimalField(
        _("investment (NOK)"), max_digits=14, decimal_places=0, null=True, blank=True
    )
    drift = models.DecimalField(
        _("running cost (NOK)"), max_digits=14, decimal_places=0, null=True, blank=True
    )
    personmaneder = models.DecimalField(
        _("capacity (person-months)"), max_digits=7, decimal_places=1, null=True, blank=True
    )
    versjon = models.PositiveIntegerField(_("version"), default=1)

    history = HistoricalRecords()

    class Meta:
        ordering = ["portefolje", "ar"]
        verbose_name = _("frame")
        verbose_name_plural = _("frames")
        constraints = [
            models.UniqueConstraint(fields=["portefolje", "ar"], name="en_ramme_per_ar"),
            models.CheckConstraint(
                condition=(Q(investering__gte=0) | Q(investering__isnull=True))
                & (Q(drift__gte=0) | Q(drift__isnull=True))
                & (Q(personmaneder__gte=0) | Q(personmaneder__isnull=True)),
                name="ramme_ikke_negativ",
            ),
        ]

    def __str__(self):
        return f"{self.portefolje} {self.ar}"


class Scenario(models.Model):
    """A named «what if» for a portfolio: notes forced in or out, other weights, other frames.

    `vekter` maps a criterion id (as text) to a weight; a criterion not named keeps its weight.
    `rammer` maps a year (as text) to {dimension: amount or None}; a year not named keeps the
    portfolio's frame.
    """

    portefolje = models.ForeignKey(
        Portefolje, on_delete=models.CASCADE, related_name="scenarioer", verbose_name=_("portfolio")
    )
    navn = models.CharField(_("name"), max_length=120)
    beskrivelse = models.TextField(_("description"), blank=True, max_length=2000)
    tvunget_inn = models.ManyToManyField(
        "konseptnotat.Konseptnotat",
        blank=True,
        related_name="+",
        verbose_name=_("forced in"),
    )
    tvunget_ut = models.ManyToManyField(
        "konseptnotat.Konseptnotat",
        blank=True,
        related_name="+",
        verbose_name=_("forced out"),
    )
    vekter = models.JSONField(_("weights"), default=dict, blank=True)
    rammer = models.JSONField(_("frames"), default=dict, blank=True)
    opprettet_av = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("saved by"),
    )
    opprettet = models.DateTimeField(_("created"), auto_now_add=True)
    versjon = models.PositiveIntegerField(_("version"), default=1)

    history = HistoricalRecords(m2m_fields=[tvunget_inn, tvunget_ut])

    class Meta:
        ordering = ["portefolje", "navn"]
        verbose_name = _("scenario")
        verbose_name_plural = _("scenarios")
        constraints = [
            models.UniqueConstraint(fields=["portefolje", "navn"], name="unikt_scenarionavn"),
        ]

    def __str__(self):
        return self.navn
