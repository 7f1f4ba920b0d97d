"""Imports from Microsoft Project and Prosjektportalen: the batches and what each one wrote.

A source's own key (a project's GUID in Project, an item's ID in Prosjektportalen) maps to the
object it became (`Importkobling`), so importing the same file again updates instead of
duplicating. Each batch remembers what it created or changed and the version it left behind
(`Importendring`): a batch is undone only while nothing has been changed by hand since.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from portefolje.models import Portefolje


class Kilde(models.TextChoices):
    MSPROJECT = "msproject", _("Microsoft Project (XML)")
    PROSJEKTPORTALEN = "prosjektportalen", _("Prosjektportalen 365 (Excel)")


class Batchtilstand(models.TextChoices):
    FORHANDSVIST = "forhandsvist", _("Preview")
    IMPORTERT = "importert", _("Imported")
    ANGRET = "angret", _("Undone")


class Importbatch(models.Model):
    """One upload: previewed (nothing written), then imported, then perhaps undone."""

    kilde = models.CharField(_("source"), max_length=20, choices=Kilde.choices)
    portefolje = models.ForeignKey(
        Portefolje, on_delete=models.PROTECT, related_name="+", verbose_name=_("portfolio")
    )
    tilstand = models.CharField(
        _("state"),
        max_length=20,
        choices=Batchtilstand.choices,
        default=Batchtilstand.FORHANDSVIST,
    )
    # What the municipality chose for columns and custom fields we do not recognise:
    # {column or custom field: field}.
    kobling = models.JSONField(_("column mapping"), default=dict, blank=True)
    # The import report: counts and the problems per row, as shown after «Import».
    rapport = models.JSONField(_("report"), default=dict, blank=True)
    opprettet_av = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    opprettet = models.DateTimeField(_("created"), auto_now_add=True)
    importert = models.DateTimeField(_("imported"), null=True, blank=True)
    angret = models.DateTimeField(_("undone"), null=True, blank=True)

    class Meta:
        ordering = ["-opprettet"]
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        constraints = [
            models.CheckConstraint(
                condition=Q(kilde__in=Kilde.values), name="importbatch_kilde_gyldig"
            ),
            models.CheckConstraint(
                condition=Q(tilstand__in=Batchtilstand.values), name="importbatch_tilstand_gyldig"
            ),
        ]

    def __str__(self):
        return f"{self.get_kilde_display()} {self.opprettet:%d.%m.%Y %H:%M}"


class Importfil(models.Model):
    """An uploaded file, kept from the preview until the import (then emptied)."""

    batch = models.ForeignKey(
        Importbatch, on_delete=models.CASCADE, related_name="filer", verbose_name=_("import")
    )
    navn = models.CharField(_("file name"), max_length=255)
    innhold = models.BinaryField(_("content"))

    class Meta:
        ordering = ["id"]
        verbose_name = _("import file")
        verbose_name_plural = _("import files")

    def __str__(self):
        return self.navn


class Importkobling(models.Model):
    """A source's key and the object it became: re-importing finds it here."""

    kilde = models.CharField(_("source"), max_length=20, choices=Kilde.choices)
    art = models.CharField(_("kind"), max_length=20)
    ekstern_nokkel = models.CharField(_("key in the source"), max_length=255)
    objekt_id = models.PositiveBigIntegerField(_("object"))
    opprettet = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("import key")
        verbose_name_plural = _("import keys")
        constraints = [
            models.UniqueConstraint(
                fields=["kilde", "art", "ekstern_nokkel"], name="en_kobling_per_kildenokkel"
            ),
        ]

    def __str__(self):
        return f"{self.kilde}:{self.art}:{self.ekstern_nokkel}"


class Importendring(models.Model):
    """What one batch did to one object, and the version it left behind (for undo)."""

    batch = models.ForeignKey(
        Importbatch, on_delete=models.CASCADE, related_name="endringer", verbose_name=_("import")
    )
    kobling = models.ForeignKey(
        Importkobling, on_delete=models.CASCADE, related_name="+", verbose_name=_("import key")
    )
    opprettet_objekt = models.BooleanField(_("created the object"))
    # The fields' values before an update, to put back on undo.
    for_endring = models.JSONField(_("before"), default=dict, blank=True)
    versjon_etter = models.PositiveIntegerField(_("version after"))

    class Meta:
        ordering = ["id"]
        verbose_name = _("import change")
        verbose_name_plural = _("import changes")

    def __str__(self):
        return f"{self.batch_id}: {self.kobling}"
