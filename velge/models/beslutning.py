"""A portfolio's decision on a concept note, and the outcomes it can have."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from portefolje.farger import Farge
from portefolje.models.organisasjon import Portefolje
from velge.models.moter import Mote


class Utfall(models.TextChoices):
    GODKJENT = "godkjent", _("Approved as project")
    AVVIST = "avvist", _("Rejected")
    PARKERT = "parkert", _("Parked")
    TIL_REVISJON = "til_revisjon", _("Sent back for revision")
    LOFTET_TIL_KLG = "loftet_til_klg", _("Lifted to KLG")


# The colour helps; the outcome's word is always shown beside it.
UTFALL_FARGE = {
    Utfall.GODKJENT: Farge.GRONN,
    Utfall.AVVIST: Farge.ROD,
    Utfall.PARKERT: Farge.GUL,
    Utfall.TIL_REVISJON: Farge.GUL,
    Utfall.LOFTET_TIL_KLG: Farge.GRA,
}


class Beslutning(models.Model):
    """A portfolio's decision on a concept note, with who, when, why and what the note said."""

    notat = models.ForeignKey(
        "konseptnotat.Konseptnotat",
        on_delete=models.PROTECT,
        related_name="beslutninger",
        verbose_name=_("concept note"),
    )
    portefolje = models.ForeignKey(
        Portefolje,
        on_delete=models.PROTECT,
        related_name="beslutninger",
        verbose_name=_("portfolio"),
    )
    mote = models.ForeignKey(
        Mote,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="beslutninger",
        verbose_name=_("meeting"),
    )
    utfall = models.CharField(_("outcome"), max_length=20, choices=Utfall.choices)
    begrunnelse = models.TextField(_("rationale"))
    parkert_til = models.DateField(_("parked until"), null=True, blank=True)
    besluttet_av = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="beslutninger",
        verbose_name=_("decided by"),
    )
    besluttet = models.DateTimeField(_("decided"), auto_now_add=True)
    # The note as it was decided: a frozen version, never edited afterwards.
    versjon = models.ForeignKey(
        "konseptnotat.KonseptnotatVersjon",
        on_delete=models.PROTECT,
        related_name="beslutninger",
        verbose_name=_("version decided on"),
    )
    vektet_score = models.DecimalField(
        _("weighted score (0–100)"), max_digits=5, decimal_places=1, null=True, blank=True
    )
    # Public by default (offentleglova): only the chair exempts one, always with its legal basis.
    unntatt_offentlighet = models.BooleanField(_("exempt from public access"), default=False)
    hjemmel = models.CharField(
        _("legal basis"),
        max_length=200,
        blank=True,
        help_text=_("The provision the exemption rests on, e.g. «Offl. § 14»."),
    )
    # The scenario the decision followed, if the chair cites one.
    scenario = models.ForeignKey(
        "velge.Scenario",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="beslutninger",
        verbose_name=_("scenario followed"),
    )

    # Why the chair decided before the portfolio's quorum had scored (velge.selectors.habilitet).
    under_kvorum_grunn = models.TextField(_("reason for deciding below the quorum"), blank=True)
    # Kommuneloven and offentleglova: `begrunnelse` is the public justification, read by
    # citizens; what the group said among themselves stays here and is never published.
    interne_notater = models.TextField(_("internal notes"), blank=True)
    # Set when the meeting's minutes are approved (velge.services.protokoll_godkjenn): only
    # then is the decision on the public record. Empty: the minutes await approval.
    publisert = models.DateTimeField(_("published"), null=True, blank=True)
    # The approving decision names who owns the project and, if known, who manages it; the
    # project is created with them (prosjekter takes them from here).
    prosjekteier = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("project owner"),
    )
    prosjektleder = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("project manager"),
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["-besluttet", "-id"]
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        constraints = [
            models.CheckConstraint(
                condition=Q(utfall__in=Utfall.values), name="beslutning_utfall_gyldig"
            ),
            models.CheckConstraint(condition=~Q(begrunnelse=""), name="beslutning_har_begrunnelse"),
            models.CheckConstraint(
                condition=~Q(utfall="parkert") | Q(parkert_til__isnull=False),
                name="parkert_beslutning_har_dato",
            ),
            models.CheckConstraint(
                condition=Q(unntatt_offentlighet=False) | ~Q(hjemmel=""),
                name="unntatt_beslutning_har_hjemmel",
            ),
            # A note is decided once per meeting, and approved or rejected once and for all.
            models.UniqueConstraint(
                fields=["mote", "notat"],
                condition=Q(mote__isnull=False),
                name="en_beslutning_per_notat_per_mote",
            ),
            models.UniqueConstraint(
                fields=["notat"],
                condition=Q(utfall__in=["godkjent", "avvist"]),
                name="en_endelig_beslutning_per_notat",
            ),
        ]
        indexes = [
            # The portfolio page's decision history, newest first.
            models.Index(fields=["portefolje", "-besluttet"], name="beslutning_historikk"),
        ]

    def __str__(self):
        return f"{self.get_utfall_display()}: {self.notat}"

    @property
    def utfall_farge(self) -> str:
        """The badge colour (a `portefolje.farger.Farge` value) for the outcome."""
        return UTFALL_FARGE.get(self.utfall, Farge.GRA)

    @property
    def dato(self):
        """The date the decision carries: when it was made, i.e. its meeting's date, but never
        later than the day it was recorded (a decision typed in before a meeting is not dated
        ahead). One recorded outside a meeting is dated by when it was recorded, Norwegian time."""
        registrert = timezone.localdate(self.besluttet) if self.besluttet else None
        if self.mote_id:
            return min(self.mote.dato, registrert) if registrert else self.mote.dato
        return registrert

    @property
    def publisert_dato(self):
        """The date it became public: when the meeting's minutes were approved (None: not yet)."""
        return timezone.localdate(self.publisert) if self.publisert else None
