"""Portfolio reports: one document per portfolio and period, made in the background and kept.

The files are kept as FileFields under MEDIA_ROOT (`rapporter/portefolje/`), not in the database:
a report with fifty projects is a few hundred kilobytes in two formats, ordered again every
month, and keeping such blobs out of PostgreSQL keeps the database (and its nightly dump) small.
MEDIA_ROOT is already part of the configuration, and a storage backend (e.g. Azure Blob) can
replace the disk without code changes. The files are never served from /media/: the download
view checks who asks, every time.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portefolje.models import Portefolje


class Rapportstatus(models.TextChoices):
    VENTER = "venter", _("Waiting")
    LAGES = "lages", _("Being made")
    FERDIG = "ferdig", _("Ready")
    FEILET = "feilet", _("Failed")


def _filsti(rapport, filnavn):
    return f"rapporter/portefolje/{rapport.portefolje_id}/{filnavn}"


class Portefoljerapport(models.Model):
    portefolje = models.ForeignKey(
        Portefolje, on_delete=models.PROTECT, related_name="+", verbose_name=_("portfolio")
    )
    fra = models.DateField(_("from"))
    til = models.DateField(_("to"))
    bestilt_av = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("ordered by"),
    )
    bestilt = models.DateTimeField(_("ordered"), auto_now_add=True)
    # Moves only as declared in rapporter/overganger.py.
    status = models.CharField(
        _("status"), max_length=10, choices=Rapportstatus.choices, default=Rapportstatus.VENTER
    )
    # When the status last moved: the sweep queues again what has waited or been made too long.
    status_endret = models.DateTimeField(_("status changed"), default=timezone.now)
    # How many times the order has been queued; the sweep gives up after RAPPORTER["MAKS_FORSOK"].
    forsok = models.PositiveSmallIntegerField(_("attempts"), default=0)
    # 0–100, written by the task as it goes; the page polls it.
    fremdrift = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    antall_prosjekter = models.PositiveIntegerField(_("projects"), default=0)
    ferdig = models.DateTimeField(_("finished"), null=True, blank=True)
    feilmelding = models.CharField(_("error"), max_length=300, blank=True)
    pdf = models.FileField(_("PDF"), upload_to=_filsti, blank=True, max_length=300)
    docx = models.FileField(_("Word document"), upload_to=_filsti, blank=True, max_length=300)

    class Meta:
        ordering = ["-bestilt", "-id"]
        verbose_name = _("portfolio report")
        verbose_name_plural = _("portfolio reports")
        constraints = [
            models.CheckConstraint(
                condition=Q(til__gte=F("fra")), name="portefoljerapport_til_etter_fra"
            ),
            models.CheckConstraint(
                condition=Q(status__in=Rapportstatus.values),
                name="portefoljerapport_status_gyldig",
            ),
            models.CheckConstraint(
                condition=Q(fremdrift__lte=100), name="portefoljerapport_fremdrift_0_til_100"
            ),
        ]
        indexes = [
            # The sweep (rapporter.services.portefoljerapporter_feie): unfinished reports by age.
            models.Index(
                fields=["status_endret"],
                condition=Q(status__in=["venter", "lages"]),
                name="portefoljerapport_uferdige",
            ),
        ]

    def __str__(self):
        return f"{self.portefolje} {self.fra:%d.%m.%Y}–{self.til:%d.%m.%Y}"

    @property
    def er_ferdig(self) -> bool:
        return self.status == Rapportstatus.FERDIG

    @property
    def pagar(self) -> bool:
        return self.status in (Rapportstatus.VENTER, Rapportstatus.LAGES)

    @property
    def feilet(self) -> bool:
        return self.status == Rapportstatus.FEILET
