"""What the portal files to the municipality's archive (Noark 5 through Fiks Arkiv): one row per
record to file, with where it stands. The phases say what they file (portefolje.arkiv); the core
keeps the rows, sends them and shows them, never knowing which phase a row came from."""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portefolje.farger import Farge
from portefolje.models.organisasjon import Portefolje


class Arkivstatus(models.TextChoices):
    VENTER = "venter", _("Waiting")
    SENDT = "sendt", _("Sent")
    KVITTERT = "kvittert", _("Received by the archive")
    FEILET = "feilet", _("Failed")


# The colour helps; the status's word is always shown beside it.
ARKIVSTATUS_FARGE = {
    Arkivstatus.VENTER: Farge.GRA,
    Arkivstatus.SENDT: Farge.GRONN,
    Arkivstatus.KVITTERT: Farge.GRONN,
    Arkivstatus.FEILET: Farge.ROD,
}


class Arkivforsendelse(models.Model):
    """One record (minutes, a decision, a closing report) on its way to the archive.

    `art` names what was registered (e.g. «velge.beslutning») and `objekt_id` which one: the
    registered kind builds the arkivmelding from the object when it is sent, so nothing is
    copied here but what the page shows. The status moves only as portefolje/arkiv/overganger.py
    declares.
    """

    portefolje = models.ForeignKey(
        Portefolje,
        on_delete=models.PROTECT,
        related_name="arkivforsendelser",
        verbose_name=_("portfolio"),
    )
    art = models.CharField(_("kind"), max_length=60)
    objekt_id = models.PositiveBigIntegerField(_("object"))
    tittel = models.CharField(_("title"), max_length=300)
    status = models.CharField(
        _("status"), max_length=10, choices=Arkivstatus.choices, default=Arkivstatus.VENTER
    )
    # When the status last moved: the sweep queues again what has waited too long.
    status_endret = models.DateTimeField(_("status changed"), default=timezone.now)
    opprettet = models.DateTimeField(_("registered"), default=timezone.now)
    # Attempts at sending since it was registered or last retried by hand.
    forsok = models.PositiveSmallIntegerField(_("attempts"), default=0)
    # The last failure, in plain Norwegian, for the secretary.
    feilmelding = models.CharField(_("error"), max_length=500, blank=True)
    sendt = models.DateTimeField(_("sent"), null=True, blank=True)
    kvittert = models.DateTimeField(_("received"), null=True, blank=True)
    # The package's name where the transport put it (the zip in ARKIV_MAPPE).
    filnavn = models.CharField(_("file name"), max_length=200, blank=True)

    class Meta:
        ordering = ["-opprettet", "-id"]
        verbose_name = _("archive item")
        verbose_name_plural = _("archive items")
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=Arkivstatus.values), name="arkivforsendelse_status_gyldig"
            ),
            # Registering the same record twice (approval pressed twice) files it once.
            models.UniqueConstraint(
                fields=["art", "objekt_id"], name="en_arkivforsendelse_per_objekt"
            ),
        ]
        indexes = [
            # The archive page (portefolje.views.arkiv): a portfolio's items, newest first.
            models.Index(fields=["portefolje", "-opprettet"], name="arkiv_portefolje_nyeste"),
            # The sweep (portefolje.arkiv.tjenester.arkivforsendelser_feie): waiting and sent
            # items by age.
            models.Index(
                fields=["status_endret"],
                condition=Q(status__in=["venter", "sendt"]),
                name="arkiv_uferdige",
            ),
        ]

    def __str__(self):
        return self.tittel

    @property
    def farge(self) -> str:
        """The badge colour (a `portefolje.farger.Farge` value) for the status."""
        return ARKIVSTATUS_FARGE[self.status]
