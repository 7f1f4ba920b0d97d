"""Begrunne: the concept note on one uniform template, and its versions.

The template's sections (their order, wording and help texts) are defined once, in
`konseptnotat/mal.py`; the fields below hold the answers.
"""

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ideer.models import Innspill
from portefolje.farger import Farge
from portefolje.models import Portefolje, Seksjon
from portefolje.permissions import er_utvikler


class Status(models.TextChoices):
    UTKAST = "utkast", _("Draft")
    INNSENDT = "innsendt", _("Submitted")
    TIL_REVISJON = "til_revisjon", _("Sent back for revision")
    KLAR = "klar", _("Ready for decision")
    BEHANDLET = "behandlet", _("Decided")


# Drafts and notes sent back are the authors' work in progress; the rest is open to employees.
SKJULTE_STATUSER = [Status.UTKAST]
# The authors may change the text only while the note is theirs to work on.
REDIGERBARE_STATUSER = [Status.UTKAST, Status.TIL_REVISJON]


# A sane bound per answer (about eight pages): text beyond it was never read in a meeting, and
# every screen, version and diff pays for it (a 2.4 MB answer was once accepted).
SVAR_MAKS_TEGN = 20_000


def _svarfelt(navn):
    """A template answer: free text, bounded in the model (so admin and services obey it too)."""
    return models.TextField(
        navn,
        blank=True,
        validators=[
            MaxLengthValidator(
                SVAR_MAKS_TEGN,
                message=_(
                    "This answer is too long: at most %(limit_value)d characters, and it has "
                    "%(show_value)d. Shorten it, or summarise and refer to a separate document."
                ),
            )
        ],
    )


def _medforfattet_av(user):
    return Konseptnotat.medforfattere.through.objects.filter(user=user).values("konseptnotat_id")


class KonseptnotatQuerySet(models.QuerySet):
    def synlige_for(self, user):
        """Notes `user` may read: drafts only for their authors and the development team."""
        if not user.is_authenticated:
            return self.none()
        if er_utvikler(user):
            return self
        return self.filter(
            ~Q(status__in=SKJULTE_STATUSER) | Q(eier=user) | Q(pk__in=_medforfattet_av(user))
        )

    def mine(self, user):
        """Notes `user` owns or co-authors."""
        return self.filter(Q(eier=user) | Q(pk__in=_medforfattet_av(user)))


# The colour helps; the status word is always shown beside it.
STATUS_FARGE = {
    Status.UTKAST: Farge.GRA,
    Status.INNSENDT: Farge.GUL,
    Status.TIL_REVISJON: Farge.ROD,
    Status.KLAR: Farge.GRONN,
    Status.BEHANDLET: Farge.GRA,
}


class Konseptnotat(models.Model):
    """A concept note, owned by its initiator, justifying a need before a portfolio decides."""

    tittel = models.CharField(_("title"), max_length=200)
    innspill = models.ManyToManyField(
        Innspill, verbose_name=_("inputs"), blank=True, related_name="konseptnotater"
    )
    eier = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner (initiator)"),
        on_delete=models.PROTECT,
        related_name="konseptnotater",
    )
    medforfattere = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("co-authors"),
        blank=True,
        related_name="medforfattet_konseptnotater",
    )
    veileder = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("guide (development team)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="veiledede_konseptnotater",
    )
    seksjon = models.ForeignKey(
        Seksjon,
        verbose_name=_("owning section"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="konseptnotater",
    )
    portefolje = models.ForeignKey(
        Portefolje,
        verbose_name=_("portfolio"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="konseptnotater",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.UTKAST
    )

    # --- the template's answers (see mal.py for wording and order) ---
    bakgrunn_og_behov = _svarfelt(_("background and need"))
    mal = _svarfelt(_("goals"))
    forventede_gevinster = _svarfelt(_("expected benefits"))
    gevinst_okonomisk = models.BooleanField(_("financial benefit"), default=False)
    gevinst_tid_spart = models.BooleanField(_("time saved"), default=False)
    gevinst_kvalitativ = models.BooleanField(_("qualitative benefit"), default=False)
    alternativer = _svarfelt(_("alternatives, including doing nothing"))
    kostnader = _svarfelt(_("costs and resource needs"))
    investering = models.DecimalField(
        _("investment (NOK)"), max_digits=14, decimal_places=0, null=True, blank=True
    )
    arlig_driftskostnad = models.DecimalField(
        _("yearly running cost (NOK)"), max_digits=14, decimal_places=0, null=True, blank=True
    )
    interne_timer = models.PositiveIntegerField(_("internal hours"), null=True, blank=True)
    # Structured costs per year for Velge's frames (konseptnotat/arsbelop.py); None: not given.
    arsbelop = models.JSONField(
        _("costs per year"),
        null=True,
        blank=True,
        help_text=_(
            "For each year: investment and running cost in whole kroner, and the internal "
            "capacity in person-months. Leave a year empty if nothing falls in it. Without "
            "these figures the portfolio sees the note as «cost unknown»."
        ),
    )
    risiko = _svarfelt(_("risk"))
    forankring = _svarfelt(_("anchoring in strategy, plan or decision"))
    berorte_seksjoner = models.ManyToManyField(
        Seksjon, verbose_name=_("sections affected"), blank=True, related_name="berort_av_notater"
    )
    interessenter = _svarfelt(_("sections and stakeholders affected"))
    avhengigheter = _svarfelt(_("dependencies"))
    tidsplan = _svarfelt(_("rough schedule"))

    # Optimistic locking: a save must name the version it started from.
    versjon = models.PositiveIntegerField(_("version"), default=1)
    opprettet = models.DateTimeField(_("created"), auto_now_add=True)
    endret = models.DateTimeField(_("changed"), auto_now=True)
    innsendt = models.DateTimeField(_("submitted"), null=True, blank=True)

    objects = KonseptnotatQuerySet.as_manager()

    history = HistoricalRecords()

    class Meta:
        ordering = ["-endret", "-id"]
        indexes = [
            # The list's default order (views/liste.py) and the start page's blocks.
            models.Index(fields=["-endret", "-id"], name="konseptnotat_endret_idx"),
            # «Notater å veilede / vurdere» on the development team's start page (startside.py).
            models.Index(
                fields=["-innsendt"],
                condition=Q(status="innsendt"),
                name="konseptnotat_innsendt_idx",
            ),
            # A portfolio's notes in one state: the hundreds awaiting decision in KLG on the
            # portfolio, meeting and scenario pages (velge/selectors.py).
            models.Index(fields=["portefolje", "status"], name="konseptnotat_portefolje_idx"),
        ]
        verbose_name = _("concept note")
        verbose_name_plural = _("concept notes")
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=Status.values), name="konseptnotat_status_gyldig"
            ),
            models.CheckConstraint(
                condition=Q(investering__gte=0) | Q(investering__isnull=True),
                name="konseptnotat_investering_ikke_negativ",
            ),
            models.CheckConstraint(
                condition=Q(arlig_driftskostnad__gte=0) | Q(arlig_driftskostnad__isnull=True),
                name="konseptnotat_drift_ikke_negativ",
            ),
        ]

    def __str__(self):
        return self.tittel

    def get_absolute_url(self):
        return reverse("konseptnotat:detalj", kwargs={"pk": self.pk})

    @property
    def status_farge(self) -> str:
        """The badge colour (a `portefolje.farger.Farge` value) for the status."""
        return STATUS_FARGE.get(self.status, Farge.GRA)


class KonseptnotatVersjon(models.Model):
    """What a note said at one save. Versions are never changed; a frozen one went to a meeting."""

    notat = models.ForeignKey(
        Konseptnotat, on_delete=models.CASCADE, related_name="versjoner", verbose_name=_("note")
    )
    nummer = models.PositiveIntegerField(_("version number"))
    innhold = models.JSONField(_("content"))
    lagret_av = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("saved by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    lagret = models.DateTimeField(_("saved"), auto_now_add=True)
    frosset = models.BooleanField(
        _("frozen"), default=False, help_text=_("This version went to a portfolio meeting.")
    )

    class Meta:
        ordering = ["notat", "-nummer"]
        verbose_name = _("concept note version")
        verbose_name_plural = _("concept note versions")
        constraints = [
            models.UniqueConstraint(
                fields=["notat", "nummer"], name="ett_versjonsnummer_per_notat"
            ),
        ]

    def __str__(self):
        return f"{self.notat} v{self.nummer}"


class Kommentar(models.Model):
    """Guidance on one section of a note (or the whole note), open until someone resolves it."""

    notat = models.ForeignKey(
        Konseptnotat, on_delete=models.CASCADE, related_name="kommentarer", verbose_name=_("note")
    )
    # A `mal.Seksjon.nokkel`, or empty for a comment on the whole note.
    seksjon = models.CharField(_("section"), max_length=40, blank=True)
    forfatter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    tekst = models.TextField(_("comment"), max_length=5000)
    versjon = models.PositiveIntegerField(_("on version"), default=1)
    opprettet = models.DateTimeField(_("created"), auto_now_add=True)
    lost = models.DateTimeField(_("resolved"), null=True, blank=True)
    lost_av = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("resolved by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["opprettet", "id"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        indexes = [
            # Open comments per note: the detail page and the list's count (views/).
            models.Index(
                fields=["notat"], condition=Q(lost__isnull=True), name="kommentar_apen_idx"
            ),
        ]

    def __str__(self):
        return self.tekst[:60]

    @property
    def er_apen(self) -> bool:
        return self.lost is None
