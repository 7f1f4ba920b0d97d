"""Impartiality (habilitet, forvaltningsloven § 6) and a portfolio's rule for deciding.

A note's owner and co-authors are disqualified on it without a row here (the rule in
velge.selectors.habilitet reads them from the note); a member who declares themselves
disqualified gets a row, with the reason the minutes record.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from portefolje.models.organisasjon import Portefolje


class Inhabilitet(models.Model):
    """A member's declaration that they are disqualified on a note, with the reason."""

    notat = models.ForeignKey(
        "konseptnotat.Konseptnotat",
        on_delete=models.CASCADE,
        related_name="inhabiliteter",
        verbose_name=_("concept note"),
    )
    medlem = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="inhabiliteter",
        verbose_name=_("member"),
    )
    grunn = models.TextField(_("reason"))
    erklart = models.DateTimeField(_("declared"), auto_now_add=True)

    class Meta:
        ordering = ["erklart", "id"]
        verbose_name = _("disqualification")
        verbose_name_plural = _("disqualifications")
        constraints = [
            models.UniqueConstraint(fields=["notat", "medlem"], name="en_inhabilitet_per_notat"),
            models.CheckConstraint(condition=~Q(grunn=""), name="inhabilitet_har_grunn"),
        ]

    def __str__(self):
        return f"{self.medlem} – {self.notat}"


class Kvorum(models.TextChoices):
    """How many of the eligible members must have scored a note before it is decided without
    an explicit confirmation."""

    OVER_HALVPARTEN = "over_halvparten", _("More than half of the eligible members")
    TO_TREDJEDELER = "to_tredjedeler", _("At least two thirds of the eligible members")
    ALLE = "alle", _("All eligible members")


class Protokollregel(models.TextChoices):
    """Who approves a meeting's minutes, and when (kommuneloven § 11-4): the chair after the
    meeting, or the leader group as an item in its next meeting."""

    LEDER = "leder", _("The chair approves the minutes after the meeting")
    NESTE_MOTE = "neste_mote", _("The minutes are approved as an item in the next meeting")


class Beslutningsregel(models.Model):
    """A portfolio's rule for deciding: its quorum, the deputy who chairs an item the chair is
    disqualified on, and how its minutes are approved. A portfolio without a row has the
    defaults."""

    portefolje = models.OneToOneField(
        Portefolje,
        on_delete=models.CASCADE,
        related_name="beslutningsregel",
        verbose_name=_("portfolio"),
    )
    kvorum = models.CharField(
        _("quorum"), max_length=20, choices=Kvorum.choices, default=Kvorum.OVER_HALVPARTEN
    )
    stedfortreder = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="stedfortreder_for",
        verbose_name=_("deputy chair"),
        help_text=_("A member who chairs the items the chair is disqualified on."),
    )
    protokoll = models.CharField(
        _("approval of minutes"),
        max_length=20,
        choices=Protokollregel.choices,
        default=Protokollregel.LEDER,
    )

    class Meta:
        verbose_name = _("decision rule")
        verbose_name_plural = _("decision rules")
        constraints = [
            models.CheckConstraint(
                condition=Q(kvorum__in=Kvorum.values), name="beslutningsregel_kvorum_gyldig"
            ),
            models.CheckConstraint(
                condition=Q(protokoll__in=Protokollregel.values),
                name="beslutningsregel_protokoll_gyldig",
            ),
        ]

    def __str__(self):
        return str(self.portefolje)
