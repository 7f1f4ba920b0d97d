from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class VarselQuerySet(models.QuerySet):
    def uleste(self):
        return self.filter(lest__isnull=True)


class Varsel(models.Model):
    """A notification to one person, shown in the portal and optionally e-mailed.

    The unique constraint makes a notification a claim: whoever inserts the row first owns the
    sending of it, so two workers or a restarted beat never send the same reminder twice.
    """

    mottaker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="varsler",
        verbose_name=_("recipient"),
    )
    type = models.CharField(_("kind"), max_length=60)
    objekt_type = models.CharField(_("object type"), max_length=100)
    objekt_id = models.PositiveBigIntegerField(_("object id"), default=0)
    # The period the notification belongs to, e.g. "2026-11" for a monthly status report;
    # empty for one-off notifications keyed by the object alone.
    periode = models.CharField(_("period"), max_length=40, blank=True)
    tittel = models.CharField(_("title"), max_length=200)
    tekst = models.TextField(_("text"), blank=True)
    lenke = models.CharField(_("link"), max_length=300, blank=True)
    opprettet = models.DateTimeField(_("created"), auto_now_add=True)
    lest = models.DateTimeField(_("read"), null=True, blank=True)
    epost_sendt = models.DateTimeField(_("e-mail sent"), null=True, blank=True)

    objects = VarselQuerySet.as_manager()

    class Meta:
        ordering = ["-opprettet", "-id"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        constraints = [
            models.UniqueConstraint(
                fields=["mottaker", "type", "objekt_type", "objekt_id", "periode"],
                name="ett_varsel_per_mottaker_objekt_type_periode",
            ),
        ]
        indexes = [
            # The bell's unread count on every page (portefolje.context_processors.portal).
            models.Index(
                fields=["mottaker"], condition=models.Q(lest__isnull=True), name="varsel_ulest_idx"
            ),
        ]

    def __str__(self):
        return self.tittel
