"""The project itself: what it is, who runs it, where it stands in the state's project model."""

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from ideer.models import Innspill
from konseptnotat.models import Konseptnotat
from portefolje.models import Portefolje, Seksjon
from velge.models import Beslutning


class Prosjekttype(models.TextChoices):
    IKT = "ikt", _("IT")
    ORGANISASJONSUTVIKLING = "organisasjonsutvikling", _("Organisational development")
    BYGG = "bygg", _("Building")
    ANLEGG = "anlegg", _("Civil works")
    ANNET = "annet", _("Other")


class Fase(models.TextChoices):
    """The phases of the state's project model."""

    KONSEPT = "konsept", pgettext_lazy("project phase", "Concept")
    PLANLEGGE = "planlegge", pgettext_lazy("project phase", "Plan")
    GJENNOMFORE = "gjennomfore", pgettext_lazy("project phase", "Execute")
    AVSLUTTE = "avslutte", pgettext_lazy("project phase", "Close")
    REALISERE = "realisere", pgettext_lazy("project phase", "Realise")


class Tilstand(models.TextChoices):
    IKKE_STARTET = "ikke_startet", _("Not started")
    AKTIV = "aktiv", _("Active")
    PA_VENT = "pa_vent", _("On hold")
    STOPPET = "stoppet", _("Stopped")
    AVSLUTTET = "avsluttet", _("Closed")


class ProsjektQuerySet(models.QuerySet):
    def synlige_for(self, user):
        """Projects whose page `user` may read (`prosjekter.permissions.kan_lese` as a query).

        Every employee reads every project not exempt from public access (unless the
        municipality chose PROSJEKTER_LESES_AV=portefoljen); the project's people read their
        own, and a member of a portfolio's leader group reads its projects and those of the
        portfolios below it (KLG reads all sections' projects), exempt ones too.
        """
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self
        from portefolje.models import Medlemskap
        from prosjekter.permissions import alle_ansatte_leser

        medlem = Medlemskap.objects.filter(bruker=user)
        egne = (
            Q(prosjektleder=user)
            | Q(prosjekteier=user)
            | Q(gevinstansvarlig=user)
            | Exists(medlem.filter(portefolje=OuterRef("portefolje")))
            | Exists(medlem.filter(portefolje=OuterRef("portefolje__forelder")))
        )
        if alle_ansatte_leser():
            return self.filter(Q(unntatt_offentlighet=False) | egne)
        return self.filter(egne)

    def redigerbare_for(self, user):
        """Projects `user` may edit (`prosjekter.permissions.kan_redigere` as a query): their own
        as manager or owner, and every project of a portfolio whose leader group they chair."""
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self
        from portefolje.models import Medlemskap, Rolle

        return self.filter(
            Q(prosjektleder=user)
            | Q(prosjekteier=user)
            | Exists(
                Medlemskap.objects.filter(
                    bruker=user, portefolje=OuterRef("portefolje"), rolle=Rolle.LEDER
                )
            )
        )

    def mine(self, user):
        return self.filter(Q(prosjektleder=user) | Q(prosjekteier=user))


class Prosjekt(models.Model):
    tittel = models.CharField(_("title"), max_length=200)
    nummer = models.CharField(_("project number"), max_length=30, unique=True)
    malsetting = models.TextField(_("goal"), blank=True)
    portefolje = models.ForeignKey(
        Portefolje, on_delete=models.PROTECT, related_name="prosjekter", verbose_name=_("portfolio")
    )
    tjenesteomrade = models.ForeignKey(
        Seksjon,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="prosjekter",
        verbose_name=_("service area"),
    )
    type = models.CharField(
        _("type"), max_length=30, choices=Prosjekttype.choices, default=Prosjekttype.ANNET
    )
    fase = models.CharField(_("phase"), max_length=20, choices=Fase.choices, default=Fase.KONSEPT)
    tilstand = models.CharField(
        _("state"), max_length=20, choices=Tilstand.choices, default=Tilstand.IKKE_STARTET
    )
    prosjekteier = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="eide_prosjekter",
        verbose_name=_("project owner"),
    )
    prosjektleder = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="ledede_prosjekter",
        verbose_name=_("project manager"),
    )
    gevinstansvarlig = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="gevinstansvar",
        verbose_name=_("benefits owner"),
    )
    startdato = models.DateField(_("start date"), null=True, blank=True)
    sluttdato = models.DateField(_("end date"), null=True, blank=True)
    budsjett = models.DecimalField(
        _("budget (NOK)"), max_digits=14, decimal_places=0, null=True, blank=True
    )
    arkivreferanse = models.CharField(_("case/archive reference"), max_length=100, blank=True)
    rapportfrekvens_mnd = models.PositiveSmallIntegerField(
        _("status report every (months)"), default=1
    )
    beslutning = models.OneToOneField(
        Beslutning,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="prosjekt",
        verbose_name=_("decision"),
    )
    konseptnotat = models.ForeignKey(
        Konseptnotat,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="prosjekter",
        verbose_name=_("concept note"),
    )
    innspill = models.ManyToManyField(
        Innspill, blank=True, related_name="prosjekter", verbose_name=_("inputs")
    )
    # Public by default (offentleglova): only the chair exempts it, always with its legal basis.
    unntatt_offentlighet = models.BooleanField(_("exempt from public access"), default=False)
    hjemmel = models.CharField(
        _("legal basis"),
        max_length=200,
        blank=True,
        help_text=_("The provision the exemption rests on, e.g. «Offl. § 14»."),
    )
    opprettet = models.DateTimeField(_("created"), auto_now_add=True)
    endret = models.DateTimeField(_("changed"), auto_now=True)
    # Raised by every save through the screens; a stale form is refused (portefolje.samtidighet).
    versjon = models.PositiveIntegerField(_("version"), default=1)

    objects = ProsjektQuerySet.as_manager()

    history = HistoricalRecords()

    class Meta:
        ordering = ["nummer"]
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        constraints = [
            models.CheckConstraint(
                condition=Q(type__in=Prosjekttype.values), name="prosjekt_type_gyldig"
            ),
            models.CheckConstraint(condition=Q(fase__in=Fase.values), name="prosjekt_fase_gyldig"),
            models.CheckConstraint(
                condition=Q(tilstand__in=Tilstand.values), name="prosjekt_tilstand_gyldig"
            ),
            models.CheckConstraint(
                condition=Q(sluttdato__isnull=True)
                | Q(startdato__isnull=True)
                | Q(sluttdato__gte=models.F("startdato")),
                name="prosjekt_slutt_etter_start",
            ),
            models.CheckConstraint(
                condition=Q(rapportfrekvens_mnd__gte=1), name="prosjekt_rapportfrekvens_positiv"
            ),
            models.CheckConstraint(
                condition=Q(unntatt_offentlighet=False) | ~Q(hjemmel=""),
                name="unntatt_prosjekt_har_hjemmel",
            ),
        ]

    def __str__(self):
        return f"{self.nummer} {self.tittel}"

    def get_absolute_url(self):
        return reverse("prosjekter:detalj", kwargs={"pk": self.pk})


class Nummerserie(models.Model):
    """The last project number used per year; locked while a number is taken."""

    ar = models.PositiveSmallIntegerField(_("year"), unique=True)
    siste = models.PositiveIntegerField(_("last number"), default=0)

    class Meta:
        verbose_name = _("number series")
        verbose_name_plural = _("number series")

    def __str__(self):
        return f"{self.ar}: {self.siste}"
