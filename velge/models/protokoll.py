"""The approval of a meeting's minutes: until then nothing the meeting decided is public."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from velge.models.moter import Mote


class Protokollgodkjenning(models.Model):
    """The chair approved the meeting's minutes: its decisions went on the public record then."""

    mote = models.OneToOneField(
        Mote,
        on_delete=models.PROTECT,
        related_name="protokollgodkjenning",
        verbose_name=_("meeting"),
    )
    godkjent = models.DateTimeField(_("approved"), default=timezone.now)
    # Empty only for minutes counted as approved when this record was introduced.
    godkjent_av = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("approved by"),
    )

    # Set when the minutes were approved as an item in the portfolio's next meeting
    # (velge.models.Protokollregel.NESTE_MOTE); empty when the chair approved them after.
    godkjent_i_mote = models.ForeignKey(
        Mote,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="godkjente_protokoller",
        verbose_name=_("approved in the meeting"),
    )

    class Meta:
        verbose_name = _("approval of minutes")
        verbose_name_plural = _("approvals of minutes")

    def __str__(self):
        return f"{self.mote}: {self.godkjent:%d.%m.%Y}"
