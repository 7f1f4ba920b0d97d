from django.apps import apps
from django.db import models
from django.utils.translation import gettext_lazy as _


class Skjemanokkel(models.Model):
    """The one-time key of a rendered create form, who sent it, to which form, and what its
    first post created.

    Claimed by `portefolje.skjema.opprett_en_gang` in the same transaction as the object, so a
    double click or five parallel posts of the same form create one object, and the others are
    answered with it. The unique key is the claim (as in prosjekter/paminnelser/runde.py). The
    same key from another person or to another form is refused: it never answers with an object
    that person did not make there.
    """

    nokkel = models.UUIDField(_("key"), unique=True)
    # Who posted it: "bruker:<id>", or for someone not signed in "anonym:<digest of the browser's
    # CSRF cookie>" (the cookie the form's own CSRF check ties to the post).
    eier = models.CharField(_("sent by"), max_length=80, blank=True)
    # The address the form was posted to: the form and the object it creates under.
    skjema = models.CharField(_("form"), max_length=255, blank=True)
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
        """What the first post created, or None if it has since been deleted."""
        return apps.get_model(self.objekt_type).objects.filter(pk=self.objekt_id).first()
