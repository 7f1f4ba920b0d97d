from django.apps import apps
from django.db import models
from django.utils.translation import gettext_lazy as _


class Skjemanokkel(models.Model):
    """The one-time key of a rendered create form, and what its first post created.

    Claimed by `portefolje.skjema.opprett_en_gang` in the same transaction as the object, so a
    double click or four parallel posts of the same form create one object, and the others are
    answered with it. The unique key is the claim (as in prosjekter/paminnelser/runde.py).
    """

    nokkel = models.UUIDField(_("key"), unique=True)
    # "app_label.model" and primary key, like the audit trail: the core names no phase.
    objekt_type = models.CharField(_("object type"), max_length=100, blank=True)
    objekt_id = models.PositiveBigIntegerField(_("object id"), null=True, blank=True)
    opprettet = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("form key")
        verbose_name_plural = _("form keys")

    def __str__(self):
        return str(self.nokkel)

    def objekt(self):
        return apps.get_model(self.objekt_type).objects.get(pk=self.objekt_id)
