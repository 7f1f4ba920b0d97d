"""Velge: criteria, meetings, scores and decisions."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from portefolje.farger import Farge
from portefolje.models.organisasjon import Portefolje


class Retning(models.TextChoices):
    HOY_ER_BRA = "hoy_er_bra", _("Higher is better")
    # For risk and cost: the scale is read so that 5 is always the best, e.g. 5 = low risk.
    LAV_ER_BRA = "lav_er_bra", _("Lower is better (5 means low)")


class Kriterium(models.Model):
    """One of a portfolio's criteria, with its weight and a described 1–5 scale."""

    portefolje = models.ForeignKey(
        Portefolje, on_delete=models.CASCADE, related_name="kriterier", verbose_name=_("portfolio")
    )
    navn = models.CharField(_("name"), max_length=120)
    beskrivelse = models.TextField(_("description"), blank=True)
    vekt = models.PositiveIntegerField(_("weight"), default=1)
    retning = models.CharField(
        _("direction"), max_length=20, choices=Retning.choices, default=Retning.HOY_ER_BRA
    )
    skala_1 = models.CharField(_("1 means"), max_length=300, blank=True)
    skala_2 = models.CharField(_("2 means"), max_length=300, blank=True)
    skala_3 = models.CharField(_("3 means"), max_length=300, blank=True)
    skala_4 = models.CharField(_("4 means"), max_length=300, blank=True)
    skala_5 = models.CharField(_("5 means"), max_length=300, blank=True)
    rekkefolge = models.PositiveIntegerField(_("order"), default=0)
    aktiv = models.BooleanField(_("active"), default=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["portefolje", "rekkefolge", "id"]
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        constraints = [
            models.UniqueConstraint(fields=["portefolje", "navn"], name="unikt_kriterienavn"),
            models.CheckConstraint(
                condition=Q(retning__in=Retning.values), name="kriterium_retning_gyldig"
            ),
        ]

    def __str__(self):
        return self.navn


class Mote(models.Model):
    """A portfolio meeting, with its agenda of concept notes."""

    portefolje = models.ForeignKey(
        Portefolje, on_delete=models.PROTECT, related_name="moter", verbose_name=_("portfolio")
    )
    dato = models.DateField(_("date"))
    tittel = models.CharField(_("title"), max_length=200, blank=True)
    sted = models.CharField(_("place"), max_length=200, blank=True)
    vurderinger_synlige = models.BooleanField(
        _("scores revealed"),
        default=False,
        help_text=_("Set by the chair: everyone sees all scores, also before scoring."),
    )
    agenda = models.ManyToManyField(
        "konseptnotat.Konseptnotat",
        through="Agendapunkt",
        related_name="moter",
        verbose_name=_("agenda"),
    )

    class Meta:
        ordering = ["-dato", "-id"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        indexes = [
            # The portfolio page's «next meeting» and the start page's «Neste møter».
            models.Index(fields=["portefolje", "dato"], name="mote_portefolje_dato"),
        ]

    def __str__(self):
        return self.tittel or f"{self.portefolje} {self.dato:%d.%m.%Y}"


class Agendapunkt(models.Model):
    mote = models.ForeignKey(Mote, on_delete=models.CASCADE, related_name="agendapunkter")
    notat = models.ForeignKey(
        "konseptnotat.Konseptnotat", on_delete=models.PROTECT, related_name="agendapunkter"
    )
    rekkefolge = models.PositiveIntegerField(_("order"), default=0)
    # The version members read and score: frozen when the note is put on the agenda, so the
    # meeting pack shows what was sent out even if the note is revised later.
    versjon = models.ForeignKey(
        "konseptnotat.KonseptnotatVersjon",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agendapunkter",
        verbose_name=_("version on the agenda"),
    )

    class Meta:
        ordering = ["mote", "rekkefolge", "id"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        constraints = [
            models.UniqueConstraint(fields=["mote", "notat"], name="notat_en_gang_per_mote"),
        ]

    def __str__(self):
        return f"{self.mote}: {self.notat}"


class Vurdering(models.Model):
    """One member's score of one note on one criterion (1–5, read as «5 is best»)."""

    kriterium = models.ForeignKey(
        Kriterium, on_delete=models.PROTECT, related_name="vurderinger", verbose_name=_("criterion")
    )
    notat = models.ForeignKey(
        "konseptnotat.Konseptnotat",
        on_delete=models.PROTECT,
        related_name="vurderinger",
        verbose_name=_("concept note"),
    )
    medlem = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="vurderinger",
        verbose_name=_("member"),
    )
    poeng = models.PositiveSmallIntegerField(
        _("score"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    kommentar = models.TextField(_("comment"), blank=True)
    endret = models.DateTimeField(_("changed"), auto_now=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [
            models.UniqueConstraint(
                fields=["medlem", "notat", "kriterium"],
                name="en_vurdering_per_medlem_notat_kriterium",
            ),
            models.CheckConstraint(
                condition=Q(poeng__gte=1) & Q(poeng__lte=5), name="vurdering_poeng_1_til_5"
            ),
        ]

    def __str__(self):
        return f"{self.medlem} – {self.kriterium}: {self.poeng}"


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
        """The date the decision carries: its meeting's date. One recorded outside a meeting
        (in the admin) is dated by when it was recorded, in Norwegian time."""
        if self.mote_id:
            return self.mote.dato
        return timezone.localdate(self.besluttet) if self.besluttet else None


class Ramme(models.Model):
    """What a portfolio may spend on new projects in one year, set by the chair: investment and
    running cost in kroner, and internal capacity in person-months. Empty: no frame for it."""

    portefolje = models.ForeignKey(
        Portefolje, on_delete=models.CASCADE, related_name="rammer", verbose_name=_("portfolio")
    )
    ar = models.PositiveSmallIntegerField(_("year"))
    investering = models.DecimalField(
        _("investment (NOK)"), max_digits=14, decimal_places=0, null=True, blank=True
    )
    drift = models.DecimalField(
        _("running cost (NOK)"), max_digits=14, decimal_places=0, null=True, blank=True
    )
    personmaneder = models.DecimalField(
        _("capacity (person-months)"), max_digits=7, decimal_places=1, null=True, blank=True
    )
    versjon = models.PositiveIntegerField(_("version"), default=1)

    history = HistoricalRecords()

    class Meta:
        ordering = ["portefolje", "ar"]
        verbose_name = _("frame")
        verbose_name_plural = _("frames")
        constraints = [
            models.UniqueConstraint(fields=["portefolje", "ar"], name="en_ramme_per_ar"),
            models.CheckConstraint(
                condition=(Q(investering__gte=0) | Q(investering__isnull=True))
                & (Q(drift__gte=0) | Q(drift__isnull=True))
                & (Q(personmaneder__gte=0) | Q(personmaneder__isnull=True)),
                name="ramme_ikke_negativ",
            ),
        ]

    def __str__(self):
        return f"{self.portefolje} {self.ar}"


class Scenario(models.Model):
    """A named «what if» for a portfolio: notes forced in or out, other weights, other frames.

    `vekter` maps a criterion id (as text) to a weight; a criterion not named keeps its weight.
    `rammer` maps a year (as text) to {dimension: amount or None}; a year not named keeps the
    portfolio's frame.
    """

    portefolje = models.ForeignKey(
        Portefolje, on_delete=models.CASCADE, related_name="scenarioer", verbose_name=_("portfolio")
    )
    navn = models.CharField(_("name"), max_length=120)
    beskrivelse = models.TextField(_("description"), blank=True, max_length=2000)
    tvunget_inn = models.ManyToManyField(
        "konseptnotat.Konseptnotat",
        blank=True,
        related_name="+",
        verbose_name=_("forced in"),
    )
    tvunget_ut = models.ManyToManyField(
        "konseptnotat.Konseptnotat",
        blank=True,
        related_name="+",
        verbose_name=_("forced out"),
    )
    vekter = models.JSONField(_("weights"), default=dict, blank=True)
    rammer = models.JSONField(_("frames"), default=dict, blank=True)
    opprettet_av = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("saved by"),
    )
    opprettet = models.DateTimeField(_("created"), auto_now_add=True)
    versjon = models.PositiveIntegerField(_("version"), default=1)

    history = HistoricalRecords(m2m_fields=[tvunget_inn, tvunget_ut])

    class Meta:
        ordering = ["portefolje", "navn"]
        verbose_name = _("scenario")
        verbose_name_plural = _("scenarios")
        constraints = [
            models.UniqueConstraint(fields=["portefolje", "navn"], name="unikt_scenarionavn"),
        ]

    def __str__(self):
        return self.navn


# Årshjulet lives in its own module; imported here so Django registers its models with Velge.
from velge.models_arshjul import Arshjul, Arshjulpunkt  # noqa: E402, F401
