"""Meetings, their agendas of concept notes, and the members' scores."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from portefolje.models.organisasjon import Portefolje
from velge.models.kriterier import Kriterium


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
    # Set on a member's scores of a note once the member has seen the others' scores: from
    # then on they are final, also when the chair adds a criterion later (velge.selectors.
    # synlighet.endelige).
    endelig = models.BooleanField(_("final"), default=False)

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
