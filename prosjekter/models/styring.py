"""Steering decisions, and the start plan: resource needs, capacity and start decisions."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from portefolje.models import Portefolje
from prosjekter.models.prosjekt import Fase, Prosjekt, Tilstand


class Beslutningstype(models.TextChoices):
    FORTSETT = "fortsett", _("Continue")
    PA_VENT = "pa_vent", _("Put on hold")
    STOPP = "stopp", _("Stop")
    ENDRE_FASE = "endre_fase", _("Change phase")
    AVSLUTT = "avslutt", _("Close")


class Styringsbeslutning(models.Model):
    """The chair's decision on a running project, with who, when and why; never edited."""

    prosjekt = models.ForeignKey(
        Prosjekt,
        on_delete=models.PROTECT,
        related_name="styringsbeslutninger",
        verbose_name=_("project"),
    )
    type = models.CharField(_("decision"), max_length=20, choices=Beslutningstype.choices)
    begrunnelse = models.TextField(_("rationale"))
    fra_tilstand = models.CharField(_("state before"), max_length=20, choices=Tilstand.choices)
    til_tilstand = models.CharField(_("state after"), max_length=20, choices=Tilstand.choices)
    fra_fase = models.CharField(_("phase before"), max_length=20, choices=Fase.choices)
    til_fase = models.CharField(_("phase after"), max_length=20, choices=Fase.choices)
    sjekkliste = models.JSONField(_("checklist confirmed"), default=list, blank=True)
    besluttet_av = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="styringsbeslutninger",
        verbose_name=_("decided by"),
    )
    besluttet = models.DateTimeField(_("decided"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-besluttet", "-id"]
        verbose_name = _("steering decision")
        verbose_name_plural = _("steering decisions")
        constraints = [
            models.CheckConstraint(
                condition=Q(type__in=Beslutningstype.values),
                name="styringsbeslutning_type_gyldig",
            ),
            models.CheckConstraint(
                condition=~Q(begrunnelse=""), name="styringsbeslutning_har_begrunnelse"
            ),
        ]

    def __str__(self):
        return f"{self.prosjekt}: {self.get_type_display()}"


class Ressursbehov(models.Model):
    """A planned project's estimated need in its n-th month (1 = the start month)."""

    prosjekt = models.ForeignKey(
        Prosjekt, on_delete=models.CASCADE, related_name="ressursbehov", verbose_name=_("project")
    )
    maned_nr = models.PositiveSmallIntegerField(
        _("project month"), validators=[MinValueValidator(1), MaxValueValidator(120)]
    )
    personprosent = models.PositiveIntegerField(
        _("person-percent"), help_text=_("100 means one full-time person for the month.")
    )

    class Meta:
        ordering = ["prosjekt", "maned_nr"]
        verbose_name = _("resource need")
        verbose_name_plural = _("resource needs")
        constraints = [
            models.UniqueConstraint(
                fields=["prosjekt", "maned_nr"], name="ett_ressursbehov_per_prosjektmaned"
            ),
            models.CheckConstraint(condition=Q(maned_nr__gte=1), name="ressursbehov_maned_fra_1"),
        ]

    def __str__(self):
        return f"{self.prosjekt} mnd {self.maned_nr}: {self.personprosent} %"


class Kapasitet(models.Model):
    """A portfolio's project capacity in person-percent per month, from a month onwards."""

    portefolje = models.ForeignKey(
        Portefolje, on_delete=models.CASCADE, related_name="kapasitet", verbose_name=_("portfolio")
    )
    fra_maned = models.DateField(_("from month"), help_text=_("The first day of a month."))
    personprosent = models.PositiveIntegerField(
        _("capacity (person-percent per month)"),
        help_text=_("E.g. 400 means four full-time persons."),
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["portefolje", "fra_maned"]
        verbose_name = _("capacity")
        verbose_name_plural = _("capacities")
        constraints = [
            models.UniqueConstraint(
                fields=["portefolje", "fra_maned"], name="en_kapasitet_per_portefolje_maned"
            ),
        ]

    def __str__(self):
        return f"{self.portefolje} fra {self.fra_maned:%m.%Y}: {self.personprosent} %"


class Startvedtak(models.Model):
    """The chair's decision on when an approved project starts (the plan's proposal or not)."""

    prosjekt = models.ForeignKey(
        Prosjekt, on_delete=models.PROTECT, related_name="startvedtak", verbose_name=_("project")
    )
    foreslatt_start = models.DateField(_("proposed start month"), null=True, blank=True)
    vedtatt_start = models.DateField(_("decided start month"))
    begrunnelse = models.TextField(_("rationale"))
    besluttet_av = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("decided by"),
    )
    besluttet = models.DateTimeField(_("decided"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-besluttet", "-id"]
        verbose_name = _("start decision")
        verbose_name_plural = _("start decisions")
        constraints = [
            models.CheckConstraint(
                condition=~Q(begrunnelse=""), name="startvedtak_har_begrunnelse"
            ),
        ]

    def __str__(self):
        return f"{self.prosjekt}: {self.vedtatt_start:%m.%Y}"
