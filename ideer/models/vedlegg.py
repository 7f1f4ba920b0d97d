"""Files attached to an input, stored under a random name and offered under a safe one."""

import re
from pathlib import PurePosixPath
from uuid import uuid4

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ideer.models.innspill import Innspill


class Filtype(models.TextChoices):
    PDF = "pdf", "PDF"
    DOCX = "docx", "Word (docx)"
    XLSX = "xlsx", "Excel (xlsx)"
    PNG = "png", "PNG"
    JPG = "jpg", "JPEG"


FILTYPE_MIME = {
    Filtype.PDF: "application/pdf",
    Filtype.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    Filtype.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    Filtype.PNG: "image/png",
    Filtype.JPG: "image/jpeg",
}


_UTRYGGE_TEGN = re.compile(r"[^\w\s()\-]+")


def trygt_filnavn(navn: str, filtype: str) -> str:
    """The name a file is stored and offered under: the uploader's name without its extension,
    cleaned, and the extension of the type found in the content.

    «brev.pdf.hta» or «brev.html» that is really a PDF becomes «brev_pdf.pdf» / «brev.pdf»: a
    download never gets a name that makes it executable or opens it in the browser as a page.
    """
    grunn = PurePosixPath(str(navn).replace("\\", "/")).name
    stamme = grunn.rsplit(".", 1)[0] if "." in grunn else grunn
    stamme = _UTRYGGE_TEGN.sub("_", stamme).strip(" ._-")[:100] or "vedlegg"
    return f"{stamme}.{Filtype(filtype).value}"


def vedlegg_sti(instance, filename) -> str:
    # A random name: the person's own file name may hold personal data and is kept in a column.
    # The extension is the detected type's, never the uploader's.
    return f"innspill/{uuid4().hex}.{Filtype(instance.filtype).value}"


class Vedlegg(models.Model):
    """A file attached to an input; downloaded only through a permission-checked view."""

    innspill = models.ForeignKey(
        Innspill, on_delete=models.CASCADE, related_name="vedlegg", verbose_name=_("input")
    )
    fil = models.FileField(_("file"), upload_to=vedlegg_sti, max_length=200)
    filnavn = models.CharField(_("file name"), max_length=200)
    filtype = models.CharField(_("file type"), max_length=10, choices=Filtype.choices)
    storrelse = models.PositiveIntegerField(_("size in bytes"))
    lastet_opp_av = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    opprettet = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        ordering = ["opprettet", "id"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        constraints = [
            models.CheckConstraint(
                condition=Q(filtype__in=Filtype.values), name="vedlegg_filtype_gyldig"
            ),
        ]

    def __str__(self):
        return self.filnavn

    def get_absolute_url(self):
        return reverse("ideer:vedlegg", kwargs={"pk": self.innspill_id, "vedlegg_id": self.pk})

    @property
    def mime(self) -> str:
        return FILTYPE_MIME[self.filtype]
