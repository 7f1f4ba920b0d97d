"""Styre: projects, from decision to realised benefits.

The vocabulary and value lists follow Prosjektportalen, which the municipality uses today.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ideer.models import Innspill
from konseptnotat.models import Konseptnotat
from portefolje.models import Beslutning, Portefolje, Seksjon


class Prosjekttype(models.TextChoices):
    IKT = "ikt", _("IT")
    ORGANISASJONSUTVIKLING = "organisasjonsutvikling", _("Organisational development")
    BYGG = "bygg", _("Building")
    ANLEGG = "anlegg", _("Civil works")
    ANNET = "annet", _("Other")


class Fase(models.TextChoices):
    """The phases of the state's project model."""

    KONSEPT = "konsept", pgettext_lazy("project phase", "Concept")
    PLANLEGGE = "planlegge", pgettext_lazy("project phase", "Plan")
    GJENNOMFORE = "gjennomfore", pgettext_lazy("project phase", "Execute")
    AVSLUTTE = "avslutte", pgettext_lazy("project phase", "Close")
    REALISERE = "realisere", pgettext_lazy("project phase", "Realise")


class Tilstand(models.TextChoices):
    IKKE_STARTET = "ikke_startet", _("Not started")
    AKTIV = "aktiv", _("Active")
    PA_VENT = "pa_vent", _("On hold")
    STOPPET = "stoppet", _("Stopped")
    AVSLUTTET = "avsluttet", _("Closed")


class ProsjektQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Projects whose page `user` may read: their own, and all of their portfolios' projects.

        A member of a portfolio's leader group reads its projects and those of the portfolios
        below it (KLG reads all sections' projects).
        """
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self
        from portefolje.models import Medlemskap

        medlem = Medlemskap.objects.filter(bruker=user)
        return self.filter(
            Q(prosjektleder=user)
            | Q(prosjekteier=user)
            | Q(gevinstansvarlig=user)
            | Exists(medlem.filter(portefolje=OuterRef("portefolje")))
            | Exists(medlem.filter(portefolje=OuterRef("portefolje__forelder")))
        )

    def mine(self, user):
        return self.filter(Q(prosjektleder=user) | Q(prosjekteier=user))


class Prosjekt(models.Model):
    tittel = models.CharField(_("title"), max_length=200)
    nummer = models.CharField(_("project number"), max_length=30, unique=True)
    malsetting = models.TextField(_("goal"), blank=True)
    portefolje = models.ForeignKey(
        Portefolje, on_delete=models.PROTECT, related_name="prosjekter", verbose_name=_("portfolio")
    )
    tjenesteomrade = models.ForeignKey(
        Seksjon,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="prosjekter",
        verbose_name=_("service area"),
    )
    type = models.CharField(
        _("type"), max_length=30, choices=Prosjekttype.choices, default=Prosjekttype.ANNET
    )
    fase = models.CharField(_("phase"), max_length=20, choices=Fase.choices, default=Fase.KONSEPT)
    tilstand = models.CharField(
        _("state"), max_length=20, choices=Tilstand.choices, default=Tilstand.IKKE_STARTET
    )
    prosjekteier = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="eide_prosjekter",
        verbose_name=_("project owner"),
    )
    prosjektleder = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="ledede_prosjekter",
        verbose_name=_("project manager"),
    )
    gevinstansvarlig = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="gevinstansvar",
        verbose_name=_("benefits owner"),
    )
    startdato = models.DateField(_("start date"), null=True, blank=True)
    sluttdato = models.DateField(_("end date"), null=True, blank=True)
    budsjett = models.DecimalField(
        _("budget (NOK)"), max_digits=14, decimal_places=0, null=True, blank=True
    )
    arkivreferanse = models.CharField(_("case/archive reference"), max_length=100, blank=True)
    rapportfrekvens_mnd = models.PositiveSmallIntegerField(
        _("status report every (months)"), default=1
    )
    beslutning = models.OneToOneField(
        Beslutning,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="prosjekt",
        verbose_name=_("decision"),
    )
    konseptnotat = models.ForeignKey(
        Konseptnotat,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="prosjekter",
        verbose_name=_("concept note"),
    )
    innspill = models.ManyToManyField(
        Innspill, blank=True, related_name="prosjekter", verbose_name=_("inputs")
    )
    opprettet = models.DateTimeField(_("created"), auto_now_add=True)
    endret = models.DateTimeField(_("changed"), auto_now=True)

    objects = ProsjektQuerySet.as_manager()

    class Meta:
        ordering = ["nummer"]
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        constraints = [
            models.CheckConstraint(
                condition=Q(type__in=Prosjekttype.values), name="prosjekt_type_gyldig"
            ),
            models.CheckConstraint(condition=Q(fase__in=Fase.values), name="prosjekt_fase_gyldig"),
            models.CheckConstraint(
                condition=Q(tilstand__in=Tilstand.values), name="prosjekt_tilstand_gyldig"
            ),
            models.CheckConstraint(
                condition=Q(sluttdato__isnull=True)
                | Q(startdato__isnull=True)
                | Q(sluttdato__gte=models.F("startdato")),
                name="prosjekt_slutt_etter_start",
            ),
            models.CheckConstraint(
                condition=Q(rapportfrekvens_mnd__gte=1), name="prosjekt_rapportfrekvens_positiv"
            ),
        ]

    def __str__(self):
        return f"{self.nummer} {self.tittel}"

    def get_absolute_url(self):
        return reverse("prosjekter:detalj", kwargs={"pk": self.pk})


class Farge(models.TextChoices):
    """Status colours; a colour is always shown with its word."""

    GRONN = "gronn", _("Green")
    GUL = "gul", _("Yellow")
    ROD = "rod", _("Red")
    GRA = "gra", _("Not set")


class Fremdrift(models.TextChoices):
    FORAN_PLAN = "foran_plan", _("Ahead of plan")
    PA_PLAN = "pa_plan", _("On plan")
    MINDRE_FORSINKELSER = "mindre_forsinkelser", _("Minor delays")
    FORSINKET = "forsinket", _("Delayed")


class Okonomi(models.TextChoices):
    UNDER_BUDSJETT = "under_budsjett", _("Under budget")
    PA_BUDSJETT = "pa_budsjett", _("On budget")
    MINDRE_OVERSKRIDELSER = "mindre_overskridelser", _("Minor overruns")
    VET_IKKE = "vet_ikke", _("Don't know")
    OVER_BUDSJETT = "over_budsjett", _("Over budget")


class Kvalitet(models.TextChoices):
    IHHT_PLAN = "ihht_plan", _("According to plan")
    SMA_AVVIK = "sma_avvik", _("Small deviations")
    STORE_AVVIK = "store_avvik", _("Large deviations")


class Risikoniva(models.TextChoices):
    LAV = "lav", _("Low")
    MEDIUM = "medium", _("Medium")
    HOY = "hoy", _("High")


class Gevinstoppnaelse(models.TextChoices):
    FORVENTES_OPPNADD = "forventes_oppnadd", _("Expected to be achieved")
    USIKKER = "usikker", _("Uncertain")
    FORVENTES_IKKE = "forventes_ikke", _("Not expected to be achieved")


# Prosjektportalen's mapping from each value to its colour.
FARGE_FOR_VERDI = {
    Fremdrift.FORAN_PLAN: Farge.GRONN,
    Fremdrift.PA_PLAN: Farge.GRONN,
    Fremdrift.MINDRE_FORSINKELSER: Farge.GUL,
    Fremdrift.FORSINKET: Farge.ROD,
    Okonomi.UNDER_BUDSJETT: Farge.GRONN,
    Okonomi.PA_BUDSJETT: Farge.GRONN,
    Okonomi.MINDRE_OVERSKRIDELSER: Farge.GUL,
    Okonomi.VET_IKKE: Farge.GUL,
    Okonomi.OVER_BUDSJETT: Farge.ROD,
    Kvalitet.IHHT_PLAN: Farge.GRONN,
    Kvalitet.SMA_AVVIK: Farge.GUL,
    Kvalitet.STORE_AVVIK: Farge.ROD,
    Risikoniva.LAV: Farge.GRONN,
    Risikoniva.MEDIUM: Farge.GUL,
    Risikoniva.HOY: Farge.ROD,
    Gevinstoppnaelse.FORVENTES_OPPNADD: Farge.GRONN,
    Gevinstoppnaelse.USIKKER: Farge.GUL,
    Gevinstoppnaelse.FORVENTES_IKKE: Farge.ROD,
}

# (field, label, choices) for each dimension of a status report, in Prosjektportalen's order.
DIMENSJONER = [
    ("fremdrift", _("Progress"), Fremdrift),
    ("okonomi", _("Finances"), Okonomi),
    ("kvalitet", _("Quality"), Kvalitet),
    ("risiko", _("Risk"), Risikoniva),
    ("gevinstoppnaelse", _("Benefits realisation"), Gevinstoppnaelse),
]

FARGE_RANG = {Farge.GRA: 0, Farge.GRONN: 1, Farge.GUL: 2, Farge.ROD: 3}


def farge_for(verdi: str) -> str:
    return FARGE_FOR_VERDI.get(verdi, Farge.GRA) if verdi else Farge.GRA


def samlet_farge(verdier) -> str:
    """The overall colour: the worst colour of the dimensions that have a value."""
    farger = [farge_for(v) for v in verdier if v]
    if not farger:
        return Farge.GRA
    return max(farger, key=FARGE_RANG.__getitem__)


class Rapporttilstand(models.TextChoices):
    UTKAST = "utkast", _("Draft")
    PUBLISERT = "publisert", _("Published")


def _dimensjonsfelt(choices, label):
    return models.CharField(label, max_length=30, choices=choices.choices, blank=True)


class Statusrapport(models.Model):
    """A status report: a draft until published, then read-only history on the project's page."""

    prosjekt = models.ForeignKey(
        Prosjekt,
        on_delete=models.PROTECT,
        related_name="statusrapporter",
        verbose_name=_("project"),
    )
    tilstand = models.CharField(
        _("state"), max_length=20, choices=Rapporttilstand.choices, default=Rapporttilstand.UTKAST
    )
    publisert = models.DateTimeField(_("published"), null=True, blank=True)
    skrevet_av = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("written by"),
    )
    # Overall status, in words.
    oppnadd = models.TextField(_("achieved since the last report"), blank=True)
    neste = models.TextField(_("what comes next"), blank=True)
    utfordringer = models.TextField(_("challenges"), blank=True)
    # The dimensions, each with a comment.
    fremdrift = _dimensjonsfelt(Fremdrift, _("progress"))
    fremdrift_kommentar = models.TextField(_("comment on progress"), blank=True)
    okonomi = _dimensjonsfelt(Okonomi, _("finances"))
    okonomi_kommentar = models.TextField(_("comment on finances"), blank=True)
    kvalitet = _dimensjonsfelt(Kvalitet, _("quality"))
    kvalitet_kommentar = models.TextField(_("comment on quality"), blank=True)
    risiko = _dimensjonsfelt(Risikoniva, _("risk"))
    risiko_kommentar = models.TextField(_("comment on risk"), blank=True)
    gevinstoppnaelse = _dimensjonsfelt(Gevinstoppnaelse, _("benefits realisation"))
    gevinstoppnaelse_kommentar = models.TextField(_("comment on benefits realisation"), blank=True)
    budsjett = models.DecimalField(
        _("budget (NOK)"), max_digits=14, decimal_places=0, null=True, blank=True
    )
    kostnad_hittil = models.DecimalField(
        _("cost to date (NOK)"), max_digits=14, decimal_places=0, null=True, blank=True
    )
    prognose = models.DecimalField(
        _("forecast (NOK)"), max_digits=14, decimal_places=0, null=True, blank=True
    )
    # The worst dimension's colour, kept when saved so lists can sort and count by it.
    farge = models.CharField(
        _("overall colour"), max_length=10, choices=Farge.choices, default=Farge.GRA
    )
    # Optimistic locking: a save names the version it started from.
    versjon = models.PositiveIntegerField(_("version"), default=1)
    opprettet = models.DateTimeField(_("created"), auto_now_add=True)
    endret = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        ordering = ["prosjekt", "-publisert", "-opprettet"]
        verbose_name = _("status report")
        verbose_name_plural = _("status reports")
        constraints = [
            models.CheckConstraint(
                condition=Q(tilstand__in=Rapporttilstand.values),
                name="statusrapport_tilstand_gyldig",
            ),
            models.CheckConstraint(
                condition=Q(tilstand="utkast") | Q(publisert__isnull=False),
                name="publisert_rapport_har_tidspunkt",
            ),
            models.CheckConstraint(
                condition=Q(farge__in=Farge.values), name="statusrapport_farge_gyldig"
            ),
            models.CheckConstraint(
                condition=Q(fremdrift__in=[*Fremdrift.values, ""]),
                name="statusrapport_fremdrift_gyldig",
            ),
            models.CheckConstraint(
                condition=Q(okonomi__in=[*Okonomi.values, ""]),
                name="statusrapport_okonomi_gyldig",
            ),
            models.CheckConstraint(
                condition=Q(kvalitet__in=[*Kvalitet.values, ""]),
                name="statusrapport_kvalitet_gyldig",
            ),
            models.CheckConstraint(
                condition=Q(risiko__in=[*Risikoniva.values, ""]),
                name="statusrapport_risiko_gyldig",
            ),
            models.CheckConstraint(
                condition=Q(gevinstoppnaelse__in=[*Gevinstoppnaelse.values, ""]),
                name="statusrapport_gevinst_gyldig",
            ),
            # One draft at a time per project: «new report» continues the open draft.
            models.UniqueConstraint(
                fields=["prosjekt"], condition=Q(tilstand="utkast"), name="ett_utkast_per_prosjekt"
            ),
        ]
        indexes = [
            # The latest published report per project (overview, reminders).
            models.Index(
                fields=["prosjekt", "-publisert"],
                condition=Q(tilstand="publisert"),
                name="statusrapport_publisert_idx",
            ),
        ]

    def __str__(self):
        return f"{self.prosjekt} – {self.get_tilstand_display()}"

    @property
    def er_publisert(self) -> bool:
        return self.tilstand == Rapporttilstand.PUBLISERT

    def dimensjoner(self):
        """[(label, value label, colour, comment)] for templates."""
        return [
            (
                label,
                getattr(self, f"get_{felt}_display")() if getattr(self, felt) else "",
                farge_for(getattr(self, felt)),
                getattr(self, f"{felt}_kommentar"),
            )
            for felt, label, _choices in DIMENSJONER
        ]

    def beregn_farge(self) -> str:
        return samlet_farge(getattr(self, felt) for felt, _l, _c in DIMENSJONER)


def _prosent_validatorer():
    return [MinValueValidator(0), MaxValueValidator(100)]


def _skala_validatorer():
    return [MinValueValidator(1), MaxValueValidator(5)]


class Leveransestatus(models.TextChoices):
    IHHT_PLAN = "ihht_plan", _("According to plan")
    SMA_AVVIK = "sma_avvik", _("Small deviations")
    STORE_AVVIK = "store_avvik", _("Large deviations")
    GODKJENT = "godkjent", _("Approved")


LEVERANSE_FARGE = {
    Leveransestatus.IHHT_PLAN: Farge.GRONN,
    Leveransestatus.SMA_AVVIK: Farge.GUL,
    Leveransestatus.STORE_AVVIK: Farge.ROD,
    Leveransestatus.GODKJENT: Farge.GRONN,
}


class Leveranse(models.Model):
    prosjekt = models.ForeignKey(
        Prosjekt, on_delete=models.PROTECT, related_name="leveranser", verbose_name=_("project")
    )
    tittel = models.CharField(_("title"), max_length=200)
    beskrivelse = models.TextField(_("description"), blank=True)
    startdato = models.DateField(_("start"), null=True, blank=True)
    sluttdato = models.DateField(_("end"), null=True, blank=True)
    akseptkriterier = models.TextField(_("acceptance criteria"), blank=True)
    ansvarlig = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("responsible"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Leveransestatus.choices, default="ihht_plan"
    )
    godkjent_dato = models.DateField(_("approved date"), null=True, blank=True)
    arkivert = models.BooleanField(_("archived"), default=False)

    class Meta:
        ordering = ["prosjekt", "sluttdato", "id"]
        verbose_name = _("deliverable")
        verbose_name_plural = _("deliverables")
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=Leveransestatus.values), name="leveranse_status_gyldig"
            ),
            models.CheckConstraint(
                condition=Q(sluttdato__isnull=True)
                | Q(startdato__isnull=True)
                | Q(sluttdato__gte=models.F("startdato")),
                name="leveranse_slutt_etter_start",
            ),
        ]

    def __str__(self):
        return self.tittel

    @property
    def farge(self):
        return LEVERANSE_FARGE.get(self.status, Farge.GRA)


class Gevinsttype(models.TextChoices):
    OKONOMISK = "okonomisk", _("Financial (NOK)")
    TID_SPART = "tid_spart", _("Time saved")
    KVALITATIV = "kvalitativ", _("Qualitative")


class Gevinst(models.Model):
    prosjekt = models.ForeignKey(
        Prosjekt, on_delete=models.PROTECT, related_name="gevinster", verbose_name=_("project")
    )
    tittel = models.CharField(_("title"), max_length=200)
    beskrivelse = models.TextField(_("description"), blank=True)
    type = models.CharField(_("type"), max_length=20, choices=Gevinsttype.choices)
    ansvarlig = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("responsible"),
    )
    eier = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("owner"),
    )
    realiseringsdato = models.DateField(_("realisation date"), null=True, blank=True)
    arkivert = models.BooleanField(_("archived"), default=False)

    class Meta:
        ordering = ["prosjekt", "tittel"]
        verbose_name = _("benefit")
        verbose_name_plural = _("benefits")
        constraints = [
            models.CheckConstraint(
                condition=Q(type__in=Gevinsttype.values), name="gevinst_type_gyldig"
            ),
        ]

    def __str__(self):
        return self.tittel


class Enhet(models.TextChoices):
    ANTALL = "antall", _("count")
    KRONER = "kroner", _("NOK")
    PROSENT = "prosent", _("percent")
    TIMER = "timer", _("hours")


class Indikator(models.Model):
    """How a benefit is measured: from a baseline towards a target, rising or falling."""

    gevinst = models.ForeignKey(
        Gevinst, on_delete=models.PROTECT, related_name="indikatorer", verbose_name=_("benefit")
    )
    navn = models.CharField(_("name"), max_length=200)
    enhet = models.CharField(_("unit"), max_length=20, choices=Enhet.choices)
    nullpunkt = models.DecimalField(_("baseline"), max_digits=14, decimal_places=2)
    malverdi = models.DecimalField(_("target"), max_digits=14, decimal_places=2)
    arkivert = models.BooleanField(_("archived"), default=False)

    class Meta:
        ordering = ["gevinst", "navn"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        constraints = [
            models.CheckConstraint(
                condition=Q(enhet__in=Enhet.values), name="indikator_enhet_gyldig"
            ),
        ]

    def __str__(self):
        return self.navn


class Maling(models.Model):
    indikator = models.ForeignKey(
        Indikator, on_delete=models.PROTECT, related_name="malinger", verbose_name=_("indicator")
    )
    dato = models.DateField(_("date"))
    verdi = models.DecimalField(_("value"), max_digits=14, decimal_places=2)
    kommentar = models.TextField(_("comment"), blank=True)
    registrert_av = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("registered by"),
    )
    registrert = models.DateTimeField(_("registered"), auto_now_add=True)

    class Meta:
        ordering = ["indikator", "dato", "id"]
        verbose_name = _("measurement")
        verbose_name_plural = _("measurements")

    def __str__(self):
        return f"{self.indikator}: {self.verdi} ({self.dato})"


class Allokeringstype(models.TextChoices):
    PROSJEKT = "prosjekt", _("Project")
    LINJE = "linje", _("Line duties")
    FRAVAER = "fravaer", _("Absence")


class Allokeringsstatus(models.TextChoices):
    FORESPURT = "forespurt", _("Requested")
    TILDELT = "tildelt", _("Assigned")
    AVVIST = "avvist", _("Rejected")


class Ressursallokering(models.Model):
    """A person's (or an unfilled role's) load in percent over a period."""

    type = models.CharField(
        _("kind"), max_length=20, choices=Allokeringstype.choices, default="prosjekt"
    )
    prosjekt = models.ForeignKey(
        Prosjekt,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="allokeringer",
        verbose_name=_("project"),
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="allokeringer",
        verbose_name=_("person"),
        help_text=_("Leave empty when only the role is known."),
    )
    rolle = models.CharField(_("role"), max_length=120, blank=True)
    belastning = models.PositiveSmallIntegerField(_("load (%)"), validators=_prosent_validatorer())
    fra = models.DateField(_("from"))
    til = models.DateField(_("to"))
    status = models.CharField(
        _("status"), max_length=20, choices=Allokeringsstatus.choices, default="forespurt"
    )
    kommentar = models.CharField(_("comment"), max_length=300, blank=True)
    arkivert = models.BooleanField(_("archived"), default=False)

    class Meta:
        ordering = ["fra", "id"]
        verbose_name = _("resource allocation")
        verbose_name_plural = _("resource allocations")
        constraints = [
            models.CheckConstraint(
                condition=Q(type__in=Allokeringstype.values), name="allokering_type_gyldig"
            ),
            models.CheckConstraint(
                condition=Q(status__in=Allokeringsstatus.values), name="allokering_status_gyldig"
            ),
            models.CheckConstraint(
                condition=Q(belastning__gte=0) & Q(belastning__lte=100),
                name="allokering_belastning_0_til_100",
            ),
            models.CheckConstraint(
                condition=Q(til__gte=models.F("fra")), name="allokering_til_etter_fra"
            ),
            models.CheckConstraint(
                condition=~Q(type="prosjekt") | Q(prosjekt__isnull=False),
                name="prosjektallokering_har_prosjekt",
            ),
            models.CheckConstraint(
                condition=Q(person__isnull=False) | ~Q(rolle=""),
                name="allokering_har_person_eller_rolle",
            ),
        ]
        indexes = [
            # A person's allocations over a period (overbooking, timeline).
            models.Index(
                fields=["person", "fra", "til"],
                condition=Q(arkivert=False),
                name="allokering_person_idx",
            ),
        ]

    def __str__(self):
        hvem = self.person or self.rolle
        return f"{hvem}: {self.belastning} % {self.fra:%d.%m.%Y}–{self.til:%d.%m.%Y}"


class Usikkerhetstype(models.TextChoices):
    RISIKO = "risiko", _("Risk")
    MULIGHET = "mulighet", _("Opportunity")


class Strategi(models.TextChoices):
    UNNGA = "unnga", _("Avoid")
    REDUSERE = "redusere", _("Reduce")
    OVERFORE = "overfore", _("Transfer")
    AKSEPTERE = "akseptere", _("Accept")
    UTNYTTE = "utnytte", _("Exploit")
    FORSTERKE = "forsterke", _("Enhance")


class Usikkerhetsstatus(models.TextChoices):
    APEN = "apen", pgettext_lazy("uncertainty status", "Open")
    UNDER_HANDTERING = "under_handtering", _("Being handled")
    LUKKET = "lukket", _("Closed")


class Usikkerhet(models.Model):
    """A risk or an opportunity, scored by probability and consequence before and after measures."""

    prosjekt = models.ForeignKey(
        Prosjekt, on_delete=models.PROTECT, related_name="usikkerheter", verbose_name=_("project")
    )
    tittel = models.CharField(_("title"), max_length=200)
    beskrivelse = models.TextField(_("description"), blank=True)
    type = models.CharField(
        _("kind"), max_length=20, choices=Usikkerhetstype.choices, default="risiko"
    )
    sannsynlighet = models.PositiveSmallIntegerField(
        _("probability (1–5)"), validators=_skala_validatorer()
    )
    konsekvens = models.PositiveSmallIntegerField(
        _("consequence (1–5)"), validators=_skala_validatorer()
    )
    tiltak = models.TextField(_("measures"), blank=True)
    ansvarlig = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("responsible"),
    )
    strategi = models.CharField(_("strategy"), max_length=20, choices=Strategi.choices, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Usikkerhetsstatus.choices, default="apen"
    )
    sannsynlighet_etter = models.PositiveSmallIntegerField(
        _("probability after measures"), null=True, blank=True, validators=_skala_validatorer()
    )
    konsekvens_etter = models.PositiveSmallIntegerField(
        _("consequence after measures"), null=True, blank=True, validators=_skala_validatorer()
    )
    arkivert = models.BooleanField(_("archived"), default=False)

    class Meta:
        ordering = ["prosjekt", "-sannsynlighet", "-konsekvens", "id"]
        verbose_name = _("uncertainty")
        verbose_name_plural = _("uncertainties")
        constraints = [
            models.CheckConstraint(
                condition=Q(type__in=Usikkerhetstype.values), name="usikkerhet_type_gyldig"
            ),
            models.CheckConstraint(
                condition=Q(strategi__in=[*Strategi.values, ""]), name="usikkerhet_strategi_gyldig"
            ),
            models.CheckConstraint(
                condition=Q(status__in=Usikkerhetsstatus.values), name="usikkerhet_status_gyldig"
            ),
            models.CheckConstraint(
                condition=Q(sannsynlighet__gte=1) & Q(sannsynlighet__lte=5),
                name="usikkerhet_sannsynlighet_1_til_5",
            ),
            models.CheckConstraint(
                condition=Q(konsekvens__gte=1) & Q(konsekvens__lte=5),
                name="usikkerhet_konsekvens_1_til_5",
            ),
            models.CheckConstraint(
                condition=Q(sannsynlighet_etter__isnull=True)
                | (Q(sannsynlighet_etter__gte=1) & Q(sannsynlighet_etter__lte=5)),
                name="usikkerhet_sannsynlighet_etter_1_til_5",
            ),
            models.CheckConstraint(
                condition=Q(konsekvens_etter__isnull=True)
                | (Q(konsekvens_etter__gte=1) & Q(konsekvens_etter__lte=5)),
                name="usikkerhet_konsekvens_etter_1_til_5",
            ),
        ]

    def __str__(self):
        return self.tittel

    @property
    def faktor(self) -> int:
        return self.sannsynlighet * self.konsekvens

    @property
    def faktor_etter(self) -> int | None:
        if self.sannsynlighet_etter is None or self.konsekvens_etter is None:
            return None
        return self.sannsynlighet_etter * self.konsekvens_etter


class Beslutningstype(models.TextChoices):
    FORTSETT = "fortsett", _("Continue")
    PA_VENT = "pa_vent", _("Put on hold")
    STOPP = "stopp", _("Stop")
    ENDRE_FASE = "endre_fase", _("Change phase")
    AVSLUTT = "avslutt", _("Close")


class Styringsbeslutning(models.Model):
    """The chair's decision on a running project, with who, when and why; never edited."""

    prosjekt = models.ForeignKey(
        Prosjekt,
        on_delete=models.PROTECT,
        related_name="styringsbeslutninger",
        verbose_name=_("project"),
    )
    type = models.CharField(_("decision"), max_length=20, choices=Beslutningstype.choices)
    begrunnelse = models.TextField(_("rationale"))
    fra_tilstand = models.CharField(_("state before"), max_length=20, choices=Tilstand.choices)
    til_tilstand = models.CharField(_("state after"), max_length=20, choices=Tilstand.choices)
    fra_fase = models.CharField(_("phase before"), max_length=20, choices=Fase.choices)
    til_fase = models.CharField(_("phase after"), max_length=20, choices=Fase.choices)
    sjekkliste = models.JSONField(_("checklist confirmed"), default=list, blank=True)
    besluttet_av = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="styringsbeslutninger",
        verbose_name=_("decided by"),
    )
    besluttet = models.DateTimeField(_("decided"), auto_now_add=True)

    class Meta:
        ordering = ["-besluttet", "-id"]
        verbose_name = _("steering decision")
        verbose_name_plural = _("steering decisions")
        constraints = [
            models.CheckConstraint(
                condition=Q(type__in=Beslutningstype.values),
                name="styringsbeslutning_type_gyldig",
            ),
            models.CheckConstraint(
                condition=~Q(begrunnelse=""), name="styringsbeslutning_har_begrunnelse"
            ),
        ]

    def __str__(self):
        return f"{self.prosjekt}: {self.get_type_display()}"


class Ressursbehov(models.Model):
    """A planned project's estimated need in its n-th month (1 = the start month)."""

    prosjekt = models.ForeignKey(
        Prosjekt, on_delete=models.CASCADE, related_name="ressursbehov", verbose_name=_("project")
    )
    maned_nr = models.PositiveSmallIntegerField(
        _("project month"), validators=[MinValueValidator(1), MaxValueValidator(120)]
    )
    personprosent = models.PositiveIntegerField(
        _("person-percent"), help_text=_("100 means one full-time person for the month.")
    )

    class Meta:
        ordering = ["prosjekt", "maned_nr"]
        verbose_name = _("resource need")
        verbose_name_plural = _("resource needs")
        constraints = [
            models.UniqueConstraint(
                fields=["prosjekt", "maned_nr"], name="ett_ressursbehov_per_prosjektmaned"
            ),
            models.CheckConstraint(condition=Q(maned_nr__gte=1), name="ressursbehov_maned_fra_1"),
        ]

    def __str__(self):
        return f"{self.prosjekt} mnd {self.maned_nr}: {self.personprosent} %"


class Kapasitet(models.Model):
    """A portfolio's project capacity in person-percent per month, from a month onwards."""

    portefolje = models.ForeignKey(
        Portefolje, on_delete=models.CASCADE, related_name="kapasitet", verbose_name=_("portfolio")
    )
    fra_maned = models.DateField(_("from month"), help_text=_("The first day of a month."))
    personprosent = models.PositiveIntegerField(
        _("capacity (person-percent per month)"),
        help_text=_("E.g. 400 means four full-time persons."),
    )

    class Meta:
        ordering = ["portefolje", "fra_maned"]
        verbose_name = _("capacity")
        verbose_name_plural = _("capacities")
        constraints = [
            models.UniqueConstraint(
                fields=["portefolje", "fra_maned"], name="en_kapasitet_per_portefolje_maned"
            ),
        ]

    def __str__(self):
        return f"{self.portefolje} fra {self.fra_maned:%m.%Y}: {self.personprosent} %"


class Startvedtak(models.Model):
    """The chair's decision on when an approved project starts (the plan's proposal or not)."""

    prosjekt = models.ForeignKey(
        Prosjekt, on_delete=models.PROTECT, related_name="startvedtak", verbose_name=_("project")
    )
    foreslatt_start = models.DateField(_("proposed start month"), null=True, blank=True)
    vedtatt_start = models.DateField(_("decided start month"))
    begrunnelse = models.TextField(_("rationale"))
    besluttet_av = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("decided by"),
    )
    besluttet = models.DateTimeField(_("decided"), auto_now_add=True)

    class Meta:
        ordering = ["-besluttet", "-id"]
        verbose_name = _("start decision")
        verbose_name_plural = _("start decisions")
        constraints = [
            models.CheckConstraint(
                condition=~Q(begrunnelse=""), name="startvedtak_har_begrunnelse"
            ),
        ]

    def __str__(self):
        return f"{self.prosjekt}: {self.vedtatt_start:%m.%Y}"


class Nummerserie(models.Model):
    """The last project number used per year; locked while a number is taken."""

    ar = models.PositiveSmallIntegerField(_("year"), unique=True)
    siste = models.PositiveIntegerField(_("last number"), default=0)

    class Meta:
        verbose_name = _("number series")
        verbose_name_plural = _("number series")

    def __str__(self):
        return f"{self.ar}: {self.siste}"
