"""Programmes: a group of projects with its own owner, goal and period (a project in at most one).

A programme belongs to a portfolio; its projects come from that portfolio or the portfolios
below it (a KLG programme may span the sections). The page rolls the projects up
(`prosjekter.selectors.program`).
"""

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from portefolje.models import Portefolje
from prosjekter.models.prosjekt import Prosjekt


class ProgramQuerySet(models.QuerySet):
    def synlige_for(self, user):
        """Programmes `user` may read (`prosjekter.permissions.kan_lese_program` as a query):
        every employee reads all, unless the municipality chose PROSJEKTER_LESES_AV=portefoljen;
        then the owner's, and those of portfolios whose leader group (or the group above) the
        user sits in; the development team and superusers read all."""
        if not user.is_authenticated:
            return self.none()
        from portefolje.permissions import er_utvikler
        from prosjekter.permissions import alle_ansatte_leser

        if alle_ansatte_leser() or user.is_superuser or er_utvikler(user):
            return self
        from portefolje.models import Medlemskap

        medlem = Medlemskap.objects.filter(bruker=user)
        return self.filter(
            Q(eier=user)
            | Exists(medlem.filter(portefolje=OuterRef("portefolje")))
            | Exists(medlem.filter(portefolje=OuterRef("portefolje__forelder")))
        )


class Program(models.Model):
    navn = models.CharField(_("name"), max_length=200)
    portefolje = models.ForeignKey(
        Portefolje, on_delete=models.PROTECT, related_name="programmer", verbose_name=_("portfolio")
    )
    eier = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="eide_programmer",
        verbose_name=_("programme owner"),
    )
    mal = models.TextField(_("goal"), blank=True)
    startdato = models.DateField(_("start date"), null=True, blank=True)
    sluttdato = models.DateField(_("end date"), null=True, blank=True)
    arkivert = models.BooleanField(_("archived"), default=False)
    opprettet = models.DateTimeField(_("created"), auto_now_add=True)
    # Raised by every save through the screens; a stale form is refused (portefolje.samtidighet).
    versjon = models.PositiveIntegerField(_("version"), default=1)

    objects = ProgramQuerySet.as_manager()

    history = HistoricalRecords()

    class Meta:
        ordering = ["navn", "id"]
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        constraints = [
            models.CheckConstraint(
                condition=Q(sluttdato__isnull=True)
                | Q(startdato__isnull=True)
                | Q(sluttdato__gte=models.F("startdato")),
                name="program_slutt_etter_start",
            ),
        ]

    def __str__(self):
        return self.navn

    def get_absolute_url(self):
        return reverse("prosjekter:program", kwargs={"pk": self.pk})


class Programprosjekt(models.Model):
    """A project's place in a programme. One-to-one on the project: at most one programme."""

    program = models.ForeignKey(
        Program, on_delete=models.PROTECT, related_name="tilknytninger", verbose_name=_("programme")
    )
    prosjekt = models.OneToOneField(
        Prosjekt,
        on_delete=models.PROTECT,
        related_name="programtilknytning",
        verbose_name=_("project"),
    )
    lagt_til = models.DateTimeField(_("added"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["program", "prosjekt__nummer"]
        verbose_name = _("project in programme")
        verbose_name_plural = _("projects in programmes")

    def __str__(self):
        return f"{self.program}: {self.prosjekt}"
