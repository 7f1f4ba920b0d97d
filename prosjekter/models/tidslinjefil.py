"""The timeline's PDF for the meeting pack, ordered by a person and made in the background.

WeasyPrint needs many seconds of CPU for a large portfolio's timeline, too long for a request, so
the file is ordered and made by a worker, as the portfolio reports are (`rapporter`): the same
states, the same declared moves (`prosjekter.overganger`), the same sweep for a broker that was
down. The file belongs to the person who ordered it and is drawn with what that person may see;
nobody else can open it (a file does not carry the reader's visibility rule with it). The same
person, filter and data version finds the file already made instead of ordering a new one.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Filstatus(models.TextChoices):
    VENTER = "venter", _("Waiting")
    LAGES = "lages", _("Being made")
    FERDIG = "ferdig", _("Ready")
    FEILET = "feilet", _("Failed")


def _filsti(fil, filnavn):
    return f"prosjekter/tidslinje/{fil.bestilt_av_id}/{filnavn}"


class Tidslinjefil(models.Model):
    bestilt_av = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("ordered by"),
    )
    # The timeline's query string (filter, zoom, shift; never the page): what the file shows.
    utvalg = models.CharField(_("selection"), max_length=500, blank=True)
    # The data version (portefolje.hurtigbuffer) when it was ordered: a change to the data makes
    # the next order a new file.
    dataversjon = models.CharField(_("data version"), max_length=64)
    bestilt = models.DateTimeField(_("ordered"), auto_now_add=True)
    # Moves only as declared in prosjekter/overganger.py.
    status = models.CharField(
        _("status"), max_length=10, choices=Filstatus.choices, default=Filstatus.VENTER
    )
    status_endret = models.DateTimeField(_("status changed"), default=timezone.now)
    forsok = models.PositiveSmallIntegerField(_("attempts"), default=0)
    ferdig = models.DateTimeField(_("finished"), null=True, blank=True)
    feilmelding = models.CharField(_("error"), max_length=300, blank=True)
    pdf = models.FileField(_("PDF"), upload_to=_filsti, blank=True, max_length=300)

    class Meta:
        ordering = ["-bestilt", "-id"]
        verbose_name = _("timeline PDF")
        verbose_name_plural = _("timeline PDFs")
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=Filstatus.values), name="tidslinjefil_status_gyldig"
            ),
        ]
        indexes = [
            models.Index(
                fields=["bestilt_av", "utvalg", "dataversjon"], name="tidslinjefil_oppslag"
            ),
            # The sweep: unfinished files by age.
            models.Index(
                fields=["status_endret"],
                condition=Q(status__in=["venter", "lages"]),
                name="tidslinjefil_uferdige",
            ),
        ]

    def __str__(self):
        return f"{self.bestilt_av} {self.bestilt:%d.%m.%Y %H:%M}"

    @property
    def er_ferdig(self) -> bool:
        return self.status == Filstatus.FERDIG

    @property
    def pagar(self) -> bool:
        return self.status in (Filstatus.VENTER, Filstatus.LAGES)

    @property
    def feilet(self) -> bool:
        return self.status == Filstatus.FEILET
