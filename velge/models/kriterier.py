"""A portfolio's criteria: the weights and the described 1–5 scale members score against."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from portefolje.models.organisasjon import Portefolje


class Retning(models.TextChoices):
    HOY_ER_BRA = "hoy_er_bra", _("Higher is better")
    # For risk and cost: the scale is read so that 5 is always the best, e.g. 5 = low risk.
    LAV_ER_BRA = "lav_er_bra", _("Lower is better (5 means low)")


class Akse(models.TextChoices):
    """Which axis of the portfolio matrix a criterion counts towards (velge.matrise)."""

    VERDI = "verdi", _("Value")
    GJENNOMFORBARHET = "gjennomforbarhet", _("Feasibility")


class Kriterium(models.Model):
    """One of a portfolio's criteria, with its weight and a described 1–5 scale."""

    portefolje = models.ForeignKey(
        Portefolje, on_delete=models.CASCADE, related_name="kriterier", verbose_name=_("portfolio")
    )
    navn = models.CharField(_("name"), max_length=120)
    beskrivelse = models.TextField(_("description"), blank=True)
    vekt = models.PositiveIntegerField(_("weight"), default=1)
    retning = models.CharField(
        _("direction"), max_length=20, choices=Retning.choices, default=Retning.HOY_ER_BRA
    )
    skala_1 = models.CharField(_("1 means"), max_length=300, blank=True)
    skala_2 = models.CharField(_("2 means"), max_length=300, blank=True)
    skala_3 = models.CharField(_("3 means"), max_length=300, blank=True)
    skala_4 = models.CharField(_("4 means"), max_length=300, blank=True)
    skala_5 = models.CharField(_("5 means"), max_length=300, blank=True)
    rekkefolge = models.PositiveIntegerField(_("order"), default=0)
    aktiv = models.BooleanField(_("active"), default=True)
    akse = models.CharField(
        _("axis in the portfolio matrix"),
        max_length=20,
        choices=Akse.choices,
        blank=True,
        help_text=_(
            "The matrix sets value against feasibility: choose which this criterion shows."
        ),
    )
    # Raised by every save on the criteria page; a stale form is refused (portefolje.samtidighet).
    versjon = models.PositiveIntegerField(_("version"), default=1)

    history = HistoricalRecords()

    class Meta:
        ordering = ["portefolje", "rekkefolge", "id"]
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        constraints = [
            models.UniqueConstraint(fields=["portefolje", "navn"], name="unikt_kriterienavn"),
            models.CheckConstraint(
                condition=Q(retning__in=Retning.values), name="kriterium_retning_gyldig"
            ),
            models.CheckConstraint(
                condition=Q(akse__in=["", *Akse.values]), name="kriterium_akse_gyldig"
            ),
        ]

    def __str__(self):
        return self.navn

    @property
    def retning_tekst(self) -> str:
        """One sentence on the scale's direction, the same wherever the criterion is scored:
        «5 er best», or for a criterion where lower is better «5 betyr lav kostnad, som er
        best» (5 is always best; the sentence says what 5 means)."""
        if self.retning == Retning.LAV_ER_BRA:
            # «Risiko og gjennomførbarhet»: low is said of the first part only (low risk).
            hva = self.navn.split(" og ")[0].lower()
            return _("5 means low %(navn)s, which is best.") % {"navn": hva}
        return _("5 is best.")
