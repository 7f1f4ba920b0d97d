from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from portefolje.models.organisasjon import Medlemskap, Portefolje


class VisningQuerySet(models.QuerySet):
    def synlige_for(self, user):
        """The person's own views and those shared with a portfolio whose leader group they sit
        in (one query, no duplicates: membership is an EXISTS, not a join)."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(
            Q(eier=user)
            | Q(Exists(Medlemskap.objects.filter(portefolje=OuterRef("portefolje"), bruker=user)))
        )


class Visning(models.Model):
    """A view of a list saved under a name: the query string that chose its columns, filters,
    sort and grouping (`portefolje.tabellvisning`).

    Private to its owner, or shared with a portfolio (its leader group reads it). One shared
    view per list and portfolio may be the portfolio's default, set by who leads it.
    """

    # The key a phase registered its list under (`tabellvisning.liste_registrer`), e.g.
    # «prosjekter»: the core names no phase.
    liste = models.CharField(_("list"), max_length=40)
    navn = models.CharField(_("name"), max_length=100)
    eier = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="visninger",
        verbose_name=_("owner"),
    )
    portefolje = models.ForeignKey(
        Portefolje,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="visninger",
        verbose_name=_("shared with"),
    )
    standard = models.BooleanField(_("the portfolio's default view"), default=False)
    sporring = models.CharField(_("choices"), max_length=2000, blank=True)
    versjon = models.PositiveIntegerField(_("version"), default=1, editable=False)
    opprettet = models.DateTimeField(_("created"), auto_now_add=True)
    endret = models.DateTimeField(_("changed"), auto_now=True)

    objects = VisningQuerySet.as_manager()

    class Meta:
        verbose_name = _("saved view")
        verbose_name_plural = _("saved views")
        constraints = [
            models.UniqueConstraint(
                fields=["liste", "portefolje"],
                condition=Q(standard=True),
                name="visning_en_standard_per_portefolje",
            ),
            models.CheckConstraint(
                condition=Q(standard=False) | Q(portefolje__isnull=False),
                name="visning_standard_er_delt",
            ),
        ]
        indexes = [
            # tabellvisning.visninger_for: a person's own views of one list.
            models.Index(fields=["eier", "liste"], name="visning_eier_liste_idx"),
        ]

    def __str__(self):
        return self.navn
