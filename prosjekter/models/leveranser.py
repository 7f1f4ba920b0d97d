"""Deliverables (leveranser) and benefits (gevinster) with indicators and measurements."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import formats
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from portefolje.farger import Farge
from prosjekter.models.prosjekt import Prosjekt


class Leveransestatus(models.TextChoices):
    IHHT_PLAN = "ihht_plan", _("According to plan")
    SMA_AVVIK = "sma_avvik", _("Small deviations")
    STORE_AVVIK = "store_avvik", _("Large deviations")
    GODKJENT = "godkjent", _("Approved")


LEVERANSE_FARGE = {
    Leveransestatus.IHHT_PLAN: Farge.GRONN,
    Leveransestatus.SMA_AVVIK: Farge.GUL,
    Leveransestatus.STORE_AVVIK: Farge.ROD,
    Leveransestatus.GODKJENT: Farge.GRONN,
}


class Leveranse(models.Model):
    prosjekt = models.ForeignKey(
        Prosjekt, on_delete=models.PROTECT, related_name="leveranser", verbose_name=_("project")
    )
    tittel = models.CharField(_("title"), max_length=200)
    beskrivelse = models.TextField(_("description"), blank=True)
    startdato = models.DateField(_("start"), null=True, blank=True)
    sluttdato = models.DateField(_("end"), null=True, blank=True)
    akseptkriterier = models.TextField(_("acceptance criteria"), blank=True)
    ansvarlig = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("responsible"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Leveransestatus.choices, default="ihht_plan"
    )
    godkjent_dato = models.DateField(_("approved date"), null=True, blank=True)
    arkivert = models.BooleanField(_("archived"), default=False)
    # Raised by every save through the screens; a stale form is refused (portefolje.samtidighet).
    versjon = models.PositiveIntegerField(_("version"), default=1)

    history = HistoricalRecords()

    class Meta:
        ordering = ["prosjekt", "sluttdato", "id"]
        verbose_name = _("deliverable")
        verbose_name_plural = _("deliverables")
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=Leveransestatus.values), name="leveranse_status_gyldig"
            ),
            models.CheckConstraint(
                condition=Q(sluttdato__isnull=True)
                | Q(startdato__isnull=True)
                | Q(sluttdato__gte=models.F("startdato")),
                name="leveranse_slutt_etter_start",
            ),
        ]

    def __str__(self):
        return self.tittel

    @property
    def farge(self):
        return LEVERANSE_FARGE.get(self.status, Farge.GRA)


class Gevinsttype(models.TextChoices):
    OKONOMISK = "okonomisk", _("Financial (NOK)")
    TID_SPART = "tid_spart", _("Time saved")
    KVALITATIV = "kvalitativ", _("Qualitative")


class Gevinst(models.Model):
    prosjekt = models.ForeignKey(
        Prosjekt, on_delete=models.PROTECT, related_name="gevinster", verbose_name=_("project")
    )
    tittel = models.CharField(_("title"), max_length=200)
    beskrivelse = models.TextField(_("description"), blank=True)
    type = models.CharField(_("type"), max_length=20, choices=Gevinsttype.choices)
    ansvarlig = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("responsible"),
    )
    eier = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("owner"),
    )
    realiseringsdato = models.DateField(_("realisation date"), null=True, blank=True)
    arkivert = models.BooleanField(_("archived"), default=False)
    # Raised by every save through the screens; a stale form is refused (portefolje.samtidighet).
    versjon = models.PositiveIntegerField(_("version"), default=1)

    history = HistoricalRecords()

    class Meta:
        ordering = ["prosjekt", "tittel"]
        verbose_name = _("benefit")
        verbose_name_plural = _("benefits")
        constraints = [
            models.CheckConstraint(
                condition=Q(type__in=Gevinsttype.values), name="gevinst_type_gyldig"
            ),
        ]

    def __str__(self):
        return self.tittel


class Enhet(models.TextChoices):
    ANTALL = "antall", _("count")
    KRONER = "kroner", _("NOK")
    PROSENT = "prosent", _("percent")
    TIMER = "timer", _("hours")


class Indikator(models.Model):
    """How a benefit is measured: from a baseline towards a target, rising or falling."""

    gevinst = models.ForeignKey(
        Gevinst, on_delete=models.PROTECT, related_name="indikatorer", verbose_name=_("benefit")
    )
    navn = models.CharField(_("name"), max_length=200)
    enhet = models.CharField(_("unit"), max_length=20, choices=Enhet.choices)
    nullpunkt = models.DecimalField(_("baseline"), max_digits=14, decimal_places=2)
    malverdi = models.DecimalField(_("target"), max_digits=14, decimal_places=2)
    arkivert = models.BooleanField(_("archived"), default=False)
    # Raised by every save through the screens; a stale form is refused (portefolje.samtidighet).
    versjon = models.PositiveIntegerField(_("version"), default=1)

    history = HistoricalRecords()

    class Meta:
        ordering = ["gevinst", "navn"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        constraints = [
            models.CheckConstraint(
                condition=Q(enhet__in=Enhet.values), name="indikator_enhet_gyldig"
            ),
        ]

    def __str__(self):
        return self.navn


class Maling(models.Model):
    indikator = models.ForeignKey(
        Indikator, on_delete=models.PROTECT, related_name="malinger", verbose_name=_("indicator")
    )
    dato = models.DateField(_("date"))
    verdi = models.DecimalField(_("value"), max_digits=14, decimal_places=2)
    kommentar = models.TextField(_("comment"), blank=True)
    registrert_av = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("registered by"),
    )
    registrert = models.DateTimeField(_("registered"), auto_now_add=True)
    # Raised by every save through the screens; a stale form is refused (portefolje.samtidighet).
    versjon = models.PositiveIntegerField(_("version"), default=1)

    history = HistoricalRecords()

    class Meta:
        ordering = ["indikator", "dato", "id"]
        verbose_name = _("measurement")
        verbose_name_plural = _("measurements")

    def __str__(self):
        # Norwegian number and date, as the pages write them: «Brukere som sover bedre: 58,00
        # (1.12.2026)».
        dato = formats.date_format(self.dato, "j.n.Y")
        return f"{self.indikator}: {formats.localize(self.verdi)} ({dato})"
