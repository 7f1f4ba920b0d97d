from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from portefolje import lenker

# The development team is a Django group, so admins manage it with the tools they know.
UTVIKLINGSTEAM_GRUPPE = "Utviklingsteam"
KLG_SLUG = "klg"


class Seksjon(models.Model):
    """A section (seksjon) of the municipality, e.g. «Helse og omsorg»."""

    navn = models.CharField(_("name"), max_length=120, unique=True)
    slug = models.SlugField(_("short name"), max_length=60, unique=True)
    aktiv = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["navn"]
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def __str__(self):
        return self.navn


class PortefoljeQuerySet(models.QuerySet):
    def aktive(self):
        return self.filter(aktiv=True)

    def klg(self):
        return self.get(slug=KLG_SLUG)


class Portefolje(models.Model):
    """A portfolio owned by a leader group: KLG at the top, one per section below it."""

    navn = models.CharField(_("name"), max_length=160)
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    beskrivelse = models.TextField(_("description"), blank=True)
    seksjon = models.OneToOneField(
        Seksjon,
        verbose_name=_("section"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="portefolje",
        help_text=_("Empty for KLG, which spans all sections."),
    )
    forelder = models.ForeignKey(
        "self",
        verbose_name=_("parent portfolio"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="underportefoljer",
    )
    kostnadsterskel = models.DecimalField(
        _("cost threshold (NOK)"),
        max_digits=14,
        decimal_places=0,
        default=Decimal("2000000"),
        help_text=_("Cases whose cost is above this are lifted to KLG."),
    )
    aktiv = models.BooleanField(_("active"), default=True)

    objects = PortefoljeQuerySet.as_manager()

    history = HistoricalRecords()

    class Meta:
        ordering = ["forelder_id", "navn"]
        verbose_name = _("portfolio")
        verbose_name_plural = _("portfolios")
        constraints = [
            models.CheckConstraint(
                condition=Q(kostnadsterskel__gte=0), name="portefolje_kostnadsterskel_ikke_negativ"
            ),
        ]

    def __str__(self):
        return self.navn

    def get_absolute_url(self):
        # The phase that shows a portfolio registers its page (the core names no phase).
        return lenker.adresse_for(self)

    @property
    def er_klg(self) -> bool:
        return self.slug == KLG_SLUG

    @property
    def leder(self):
        """The chair (porteføljeansvarlig): the member with the role «leder», or None."""
        for medlemskap in self.medlemskap.all():
            if medlemskap.rolle == Rolle.LEDER:
                return medlemskap.bruker
        return None


class Rolle(models.TextChoices):
    LEDER = "leder", _("Chair (portfolio owner)")
    MEDLEM = "medlem", _("Member")
    SEKRETAER = "sekretaer", _("Secretary")


class Medlemskap(models.Model):
    """A person's place in a portfolio's leader group."""

    portefolje = models.ForeignKey(
        Portefolje, on_delete=models.CASCADE, related_name="medlemskap", verbose_name=_("portfolio")
    )
    bruker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="medlemskap",
        verbose_name=_("user"),
    )
    rolle = models.CharField(_("role"), max_length=20, choices=Rolle.choices, default=Rolle.MEDLEM)

    history = HistoricalRecords()

    class Meta:
        ordering = ["portefolje", "rolle", "bruker__last_name"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["portefolje", "bruker"], name="ett_medlemskap_per_person"
            ),
            # One chair per portfolio: decisions must have one responsible person.
            models.UniqueConstraint(
                fields=["portefolje"], condition=Q(rolle="leder"), name="en_leder_per_portefolje"
            ),
            models.CheckConstraint(
                condition=Q(rolle__in=Rolle.values), name="medlemskap_rolle_gyldig"
            ),
        ]

    def __str__(self):
        return f"{self.bruker} – {self.portefolje} ({self.get_rolle_display()})"


class Profil(models.Model):
    """What the portal knows about a person beyond Django's user: section and title."""

    bruker = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profil"
    )
    seksjon = models.ForeignKey(
        Seksjon,
        verbose_name=_("section"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="ansatte",
    )
    tittel = models.CharField(_("title"), max_length=120, blank=True)
    # Empty: the municipality's default (LANGUAGE_CODE), which may change later.
    sprak = models.CharField(
        _("written language"),
        max_length=8,
        choices=settings.LANGUAGES,
        blank=True,
        help_text=_("Empty: the municipality's default."),
    )

    class Meta:
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")

    def __str__(self):
        return str(self.bruker)
