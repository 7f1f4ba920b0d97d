"""Samle: every idea and order, whatever its road in, registered the same way."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from portefolje.models import Portefolje, Seksjon


class Type(models.TextChoices):
    IDE = "ide", _("Idea or input")
    BESTILLING = "bestilling", _("Order")


class Opphav(models.TextChoices):
    # Orders (bestillinger)
    POLITISK = "politisk", _("Political")
    ADMINISTRATIV = "administrativ", _("Administrative")
    TILSKUDD = "tilskudd", _("Grant")
    UFORUTSETT_HENDELSE = "uforutsett_hendelse", _("Unforeseen event")
    # Inputs and ideas (innspill og ideer)
    KOMMUNESTYRET = "kommunestyret", _("The municipal council")
    LEDERGRUPPA = "ledergruppa", _("The leadership group")
    LEDERE = "ledere", _("Leaders")
    MEDARBEIDERE = "medarbeidere", _("Employees")
    NAERINGSLIV = "naeringsliv", _("Businesses")
    INNBYGGERE = "innbyggere", _("Citizens")


OPPHAV_BESTILLING = [
    Opphav.POLITISK,
    Opphav.ADMINISTRATIV,
    Opphav.TILSKUDD,
    Opphav.UFORUTSETT_HENDELSE,
]


class Kanal(models.TextChoices):
    PORTAL = "portal", _("The portal's form")
    OFFENTLIG_SKJEMA = "offentlig_skjema", _("The public form")
    SAMMENSKAPERVI = "sammenskapervi", _("sammenskapervi.no")
    SLIKSKAPERVI = "slikskapervi", _("slikskapervi.no")
    VEDTAK = "vedtak", _("Decision (vedtak)")
    STRATEGI = "strategi", _("Strategy")
    PLAN = "plan", _("Plan")
    ANNET = "annet", _("Other")


class Status(models.TextChoices):
    NY = "ny", _("New")
    UNDER_VURDERING = "under_vurdering", _("Under consideration")
    KONSEPTNOTAT_BESTILT = "konseptnotat_bestilt", _("Concept note ordered")
    BESVART = "besvart", _("Answered")
    AVVIST = "avvist", _("Rejected")
    SLATT_SAMMEN = "slatt_sammen", _("Merged")
    PARKERT = "parkert", _("Parked")


# Statuses after which nothing more happens to an input; the retention clock starts here.
LUKKEDE_STATUSER = [Status.BESVART, Status.AVVIST, Status.SLATT_SAMMEN]


def ny_kvitteringskode() -> str:
    # 12 characters from a 32-letter alphabet without look-alikes: 60 bits, unguessable, and
    # short enough to read aloud on the phone.
    alfabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return "".join(secrets.choice(alfabet) for _ in range(12))


class Innspill(models.Model):
    """One idea or order (innspill), from any source and channel."""

    type = models.CharField(_("kind"), max_length=20, choices=Type.choices, default=Type.IDE)
    tittel = models.CharField(_("title"), max_length=200)
    beskrivelse = models.TextField(_("need or problem"), max_length=10_000)
    losningsforslag = models.TextField(_("suggested solution"), max_length=10_000, blank=True)
    forventet_gevinst = models.TextField(_("expected benefit"), max_length=10_000, blank=True)
    opphav = models.CharField(_("source"), max_length=30, choices=Opphav.choices)
    kanal = models.CharField(_("channel"), max_length=30, choices=Kanal.choices)
    referanse = models.CharField(
        _("reference"),
        max_length=300,
        blank=True,
        help_text=_("A case number such as «PS 45/26», a plan's name or a link."),
    )
    seksjoner = models.ManyToManyField(
        Seksjon, verbose_name=_("sections affected"), blank=True, related_name="innspill"
    )
    portefolje = models.ForeignKey(
        Portefolje,
        verbose_name=_("portfolio"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="innspill",
    )
    # The submitter: an employee, or for the public form an optional name and e-mail.
    innsender = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="innspill",
    )
    innsender_navn = models.CharField(_("submitter's name"), max_length=200, blank=True)
    innsender_epost = models.EmailField(_("submitter's e-mail"), blank=True)
    samtykke_epost = models.BooleanField(_("consents to e-mail updates"), default=False)
    palagt = models.BooleanField(
        _("imposed by law or political decision"),
        default=False,
        help_text=_("Can be rejected only by KLG, not by triage."),
    )
    status = models.CharField(_("status"), max_length=30, choices=Status.choices, default=Status.NY)
    avvisningsgrunn = models.TextField(_("reason for rejection"), blank=True)
    slatt_sammen_med = models.ForeignKey(
        "self",
        verbose_name=_("merged into"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="sammenslatte",
    )
    parkert_til = models.DateField(_("parked until"), null=True, blank=True)
    offentlig_svar = models.TextField(_("public answer"), blank=True)
    initiativtaker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("initiator asked for a concept note"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="bestilte_konseptnotater",
    )
    kode = models.CharField(
        _("receipt code"), max_length=20, unique=True, default=ny_kvitteringskode, editable=False
    )
    ekstern_id = models.CharField(
        _("external id"), max_length=100, blank=True, help_text=_("The id in the imported export.")
    )
    opprettet = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)
    endret = models.DateTimeField(_("changed"), auto_now=True)
    lukket = models.DateTimeField(_("closed"), null=True, blank=True)
    anonymisert = models.DateTimeField(_("personal data removed"), null=True, blank=True)

    class Meta:
        ordering = ["-opprettet", "-id"]
        verbose_name = _("input")
        verbose_name_plural = _("inputs")
        constraints = [
            models.CheckConstraint(condition=Q(type__in=Type.values), name="innspill_type_gyldig"),
            models.CheckConstraint(
                condition=Q(opphav__in=Opphav.values), name="innspill_opphav_gyldig"
            ),
            models.CheckConstraint(
                condition=Q(kanal__in=Kanal.values), name="innspill_kanal_gyldig"
            ),
            models.CheckConstraint(
                condition=Q(status__in=Status.values), name="innspill_status_gyldig"
            ),
            models.CheckConstraint(
                condition=~Q(status=Status.AVVIST) | ~Q(avvisningsgrunn=""),
                name="avvist_innspill_har_grunn",
            ),
            models.CheckConstraint(
                condition=~Q(status=Status.SLATT_SAMMEN) | Q(slatt_sammen_med__isnull=False),
                name="sammenslatt_innspill_peker_videre",
            ),
            # Imports are idempotent by the export's own id, per channel.
            models.UniqueConstraint(
                fields=["kanal", "ekstern_id"],
                condition=~Q(ekstern_id=""),
                name="ett_innspill_per_ekstern_id",
            ),
        ]

    def __str__(self):
        return self.tittel

    def get_absolute_url(self):
        return reverse("ideer:detalj", kwargs={"pk": self.pk})
