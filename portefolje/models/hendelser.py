from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class HendelseQuerySet(models.QuerySet):
    def for_objekt(self, objekt):
        return self.filter(
            objekt_type=objekt._meta.label_lower, objekt_id=objekt.pk
        ).select_related("aktor")


class Hendelse(models.Model):
    """One line of the audit trail: who did what to which object, and when.

    Written by the services of every phase through `portefolje.revisjon.logg_hendelse`, never by
    signals, so each line says what the person meant to do. Lines are never changed or deleted.
    """

    tidspunkt = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)
    aktor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Empty for the public form, imports and the system itself."),
    )
    handling = models.CharField(_("action"), max_length=60)
    beskrivelse = models.TextField(_("description"))
    # "app_label.model" and primary key, so any phase's objects can be traced without coupling
    # the core to them.
    objekt_type = models.CharField(_("object type"), max_length=100)
    objekt_id = models.PositiveBigIntegerField(_("object id"))
    data = models.JSONField(_("details"), default=dict, blank=True)

    objects = HendelseQuerySet.as_manager()

    class Meta:
        ordering = ["-tidspunkt", "-id"]
        verbose_name = _("audit event")
        verbose_name_plural = _("audit trail")
        indexes = [
            # The audit trail shown on every object's page (HendelseQuerySet.for_objekt).
            models.Index(
                fields=["objekt_type", "objekt_id", "-tidspunkt"], name="hendelse_objekt_idx"
            ),
        ]

    def __str__(self):
        tid = timezone.localtime(self.tidspunkt)
        return f"{tid:%Y-%m-%d %H:%M} {self.handling}: {self.beskrivelse}"
