"""The input itself: one row per idea or order, whatever its road in."""

import secrets

from django.conf import settings
from django.contrib.postgres.search import (
    SearchQuery,
    SearchRank,
    SearchVector,
    SearchVectorField,
)
from django.db import connection, models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ideer.models.valg import LUKKEDE_STATUSER, STATUS_FARGE, Kanal, Opphav, Status, Type
from portefolje.farger import Farge
from portefolje.models import Portefolje, Seksjon


def ny_kvitteringskode() -> str:
    # 12 characters from a 32-letter alphabet without look-alikes: 60 bits, unguessable, and
    # short enough to read aloud on the phone.
    alfabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return "".join(secrets.choice(alfabet) for _ in range(12))


# The text configuration of PostgreSQL's full-text search: Norwegian stemming and stop words.
SOK_KONFIG = "norwegian"


def sokevektor_uttrykk():
    """The weighted search vector: title weighs most, then the need, then the rest."""
    return (
        SearchVector("tittel", weight="A", config=SOK_KONFIG)
        + SearchVector("beskrivelse", weight="B", config=SOK_KONFIG)
        + SearchVector(
            "losningsforslag", "forventet_gevinst", "referanse", weight="C", config=SOK_KONFIG
        )
    )


class InnspillQuerySet(models.QuerySet):
    def synlige_for(self, user):
        """Every employee sees every input (personal data is hidden in the templates)."""
        if not user.is_authenticated:
            return self.none()
        return self

    def mine(self, user):
        return self.filter(innsender=user)

    def til_triagering(self):
        return self.filter(status=Status.NY)

    def sok(self, tekst: str):
        """Ranked full-text search (Norwegian) on PostgreSQL; a plain substring match elsewhere."""
        tekst = (tekst or "").strip()
        if not tekst:
            return self
        if connection.vendor == "postgresql":
            query = SearchQuery(tekst, config=SOK_KONFIG, search_type="websearch")
            return self.filter(sokevektor=query).annotate(
                rangering=SearchRank(models.F("sokevektor"), query)
            )
        return self.filter(
            Q(tittel__icontains=tekst)
            | Q(beskrivelse__icontains=tekst)
            | Q(losningsforslag__icontains=tekst)
            | Q(referanse__icontains=tekst)
        ).annotate(rangering=models.Value(0.0, output_field=models.FloatField()))

    def oppdater_sokevektor(self) -> int:
        """Recompute the stored search vector of these rows (PostgreSQL only); returns rows."""
        if connection.vendor != "postgresql":
            return 0
        return self.update(sokevektor=sokevektor_uttrykk())


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
    # The written language the input was sent in (bokmål or nynorsk): a citizen without an
    # account gets their answers in it. Empty for imports: the municipality's default.
    sprak = models.CharField(_("written language"), max_length=8, blank=True, editable=False)
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
    # Optimistic locking for triage: each change bumps it; a form posted with an older value is
    # refused instead of silently overwriting someone else's change.
    versjon = models.PositiveIntegerField(_("version"), default=1, editable=False)
    # Kept current by the services (InnspillQuerySet.oppdater_sokevektor); GIN-indexed on
    # PostgreSQL by migration 0003 for the list's ?q= search.
    sokevektor = SearchVectorField(null=True, blank=True, editable=False)

    objects = InnspillQuerySet.as_manager()

    history = HistoricalRecords()

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
        indexes = [
            # «Nye innspill til triagering» on the development team's start page (ideer.apps).
            models.Index(fields=["-opprettet"], condition=Q(status="ny"), name="innspill_ny_idx"),
            # The retention pass (ideer.services.innspill_anonymiser_utlopte).
            models.Index(
                fields=["lukket"],
                condition=Q(anonymisert__isnull=True, lukket__isnull=False),
                name="innspill_til_anonymisering_idx",
            ),
            # The list sorted by title or status (ideer/filters.py), with id as tie-break so the
            # pages are stable; read backwards for the descending sorts.
            models.Index(fields=["tittel", "id"], name="innspill_tittel_idx"),
            models.Index(fields=["status", "id"], name="innspill_status_idx"),
        ]

    def __str__(self):
        return self.tittel

    def get_absolute_url(self):
        return reverse("ideer:detalj", kwargs={"pk": self.pk})

    @property
    def er_lukket(self) -> bool:
        return self.status in LUKKEDE_STATUSER

    @property
    def fra_innbygger(self) -> bool:
        """Sent by someone outside the organisation (no user account): personal data applies."""
        return self.innsender_id is None

    @property
    def status_farge(self) -> str:
        """The badge colour (a `portefolje.farger.Farge` value) for the status."""
        return STATUS_FARGE.get(self.status, Farge.GRA)
