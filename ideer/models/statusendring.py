"""One step in an input's status history."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ideer.models.innspill import Innspill
from ideer.models.valg import Status


class StatusEndring(models.Model):
    """One step in an input's status history, shown on its page and its receipt."""

    innspill = models.ForeignKey(
        Innspill, on_delete=models.CASCADE, related_name="statushistorikk", verbose_name=_("input")
    )
    fra_status = models.CharField(_("from status"), max_length=30, choices=Status.choices)
    til_status = models.CharField(_("to status"), max_length=30, choices=Status.choices)
    endret_av = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    tidspunkt = models.DateTimeField(_("time"), auto_now_add=True)
    kommentar = models.TextField(_("comment"), blank=True, max_length=2000)

    class Meta:
        ordering = ["tidspunkt", "id"]
        verbose_name = _("status change")
        verbose_name_plural = _("status history")
        constraints = [
            models.CheckConstraint(
                condition=Q(fra_status__in=Status.values) & Q(til_status__in=Status.values),
                name="statusendring_status_gyldig",
            ),
        ]

    def __str__(self):
        return f"{self.innspill_id}: {self.fra_status} → {self.til_status}"
