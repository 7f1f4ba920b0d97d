"""Status reports with Prosjektportalen's dimensions and values; a colour always has its word."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from portefolje.farger import Farge, verste
from prosjekter.models.prosjekt import Prosjekt


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


def farge_for(verdi: str) -> str:
    return FARGE_FOR_VERDI.get(verdi, Farge.GRA) if verdi else Farge.GRA


def samlet_farge(verdier) -> str:
    """The overall colour: the worst colour of the dimensions that have a value."""
    return verste(farge_for(v) for v in verdier if v)


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
    # What the report speaks of as it stood when published (prosjekter/oyeblikksbilde.py): a
    # versioned JSON value, written once by `statusrapport_publiser`. Empty on drafts and on
    # reports published before snapshots were kept.
    oyeblikksbilde = models.JSONField(_("snapshot"), null=True, blank=True, editable=False)

    # The snapshot is written once, at publishing: the field log need not copy it.
    history = HistoricalRecords(excluded_fields=["oyeblikksbilde"])

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
            # The latest published report per project (`selectors.siste_publiserte`: newest
            # first, id breaking a tie), read by the overview, dashboards, timeline and reports.
            # The colour is carried in the index: the overview filters, sorts and counts every
            # project by its latest colour, and reads it without visiting the table.
            models.Index(
                fields=["prosjekt", "-publisert", "-id"],
                include=["farge"],
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
