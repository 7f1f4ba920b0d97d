from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class VarselQuerySet(models.QuerySet):
    def uleste(self):
        return self.filter(lest__isnull=True)

    def epost_venter(self):
        """Claimed notifications whose e-mail is wanted but not (yet) sent."""
        return self.filter(epost_onsket=True, epost_sendt__isnull=True)


class Varsel(models.Model):
    """A notification to one person, shown in the portal and optionally e-mailed.

    The unique constraint makes a notification a claim: whoever inserts the row first owns the
    sending of it, so two workers or a restarted beat never send the same reminder twice.
    """

    mottaker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="varsler",
        verbose_name=_("recipient"),
    )
    # A recipient without an account (a citizen who consented to e-mail): the notification is
    # only an e-mail. Emptied once it is sent, or when the input is anonymised.
    mottaker_epost = models.EmailField(_("recipient's e-mail"), blank=True)
    # A kind registered by a phase (portefolje.varsler.varseltype_registrer); free text here,
    # since the core does not know the phases' kinds.
    type = models.CharField(_("kind"), max_length=60)
    objekt_type = models.CharField(_("object type"), max_length=100)
    objekt_id = models.PositiveBigIntegerField(_("object id"), default=0)
    # The period the notification belongs to, e.g. "2026-11" for a monthly status report;
    # empty for one-off notifications keyed by the object alone.
    periode = models.CharField(_("period"), max_length=40, blank=True)
    tittel = models.CharField(_("title"), max_length=200)
    tekst = models.TextField(_("text"), blank=True)
    lenke = models.CharField(_("link"), max_length=300, blank=True)
    opprettet = models.DateTimeField(_("created"), auto_now_add=True)
    lest = models.DateTimeField(_("read"), null=True, blank=True)
    epost_sendt = models.DateTimeField(_("e-mail sent"), null=True, blank=True)
    # Decided when the notification is claimed (the person has an address and wants this kind by
    # e-mail). A wanted e-mail that is not sent is retried by the next reminder pass.
    epost_onsket = models.BooleanField(_("e-mail wanted"), default=False)
    # The written language the title and text were made in, and the e-mail is written in: the
    # recipient's (portefolje.sprak). Empty on rows from before: the municipality's default.
    sprak = models.CharField(_("written language"), max_length=8, blank=True)

    objects = VarselQuerySet.as_manager()

    class Meta:
        ordering = ["-opprettet", "-id"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        constraints = [
            models.UniqueConstraint(
                fields=["mottaker", "type", "objekt_type", "objekt_id", "periode"],
                name="ett_varsel_per_mottaker_objekt_type_periode",
            ),
            # An object has at most one submitter without an account (a citizen), so the claim
            # of an e-mail to them is the kind, the object and the period.
            models.UniqueConstraint(
                fields=["type", "objekt_type", "objekt_id", "periode"],
                condition=models.Q(mottaker__isnull=True),
                name="ett_varsel_uten_konto_per_objekt_type_periode",
            ),
        ]
        indexes = [
            # The bell's unread count on every page (portefolje.context_processors.portal).
            models.Index(
                fields=["mottaker"], condition=models.Q(lest__isnull=True), name="varsel_ulest_idx"
            ),
            # Claimed but unsent e-mails, re-queued by each reminder pass
            # (portefolje.paminnelser.epost_ettersend, VarselQuerySet.epost_venter).
            models.Index(
                fields=["opprettet"],
                condition=models.Q(epost_onsket=True, epost_sendt__isnull=True),
                name="varsel_epost_venter_idx",
            ),
        ]

    def __str__(self):
        return self.tittel

    @property
    def adresse(self) -> str:
        return self.mottaker.email if self.mottaker_id else self.mottaker_epost


class VarselInnstilling(models.Model):
    """One person's choice of e-mail for one kind of notification (the portal always shows it).

    No row means the kind's default (portefolje.varsler.varseltype_registrer). The kinds are
    registered by the phases at start-up, so the database does not constrain `type`.
    """

    bruker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="varselinnstillinger",
        verbose_name=_("user"),
    )
    type = models.CharField(_("kind"), max_length=60)
    epost = models.BooleanField(_("by e-mail"))

    class Meta:
        ordering = ["bruker", "type"]
        verbose_name = _("notification setting")
        verbose_name_plural = _("notification settings")
        constraints = [
            models.UniqueConstraint(
                fields=["bruker", "type"], name="en_innstilling_per_bruker_type"
            ),
        ]

    def __str__(self):
        return f"{self.bruker}: {self.type}"


class PaminnelsesInnstilling(models.Model):
    """A portfolio's own day counts for reminders; an empty field uses the portal's default
    (settings.PAMINNELSER)."""

    portefolje = models.OneToOneField(
        "portefolje.Portefolje",
        on_delete=models.CASCADE,
        related_name="paminnelsesinnstilling",
        verbose_name=_("portfolio"),
    )
    dager_for_rapportfrist = models.PositiveSmallIntegerField(
        _("days before a status report is due"),
        null=True,
        blank=True,
        help_text=_("Remind the project manager this many days before. Empty: the default."),
    )
    dager_til_eskalering = models.PositiveSmallIntegerField(
        _("days overdue before escalation"),
        null=True,
        blank=True,
        help_text=_(
            "Tell the project owner and the portfolio's chair when a report is this many days "
            "overdue. Empty: the default."
        ),
    )
    dager_for_mote_notater = models.PositiveSmallIntegerField(
        _("days before a meeting: notes ready"),
        null=True,
        blank=True,
        help_text=_("Remind owners and guides of notes not ready. Empty: the default."),
    )
    dager_for_mote_vurdering = models.PositiveSmallIntegerField(
        _("days before a meeting: scoring"),
        null=True,
        blank=True,
        help_text=_("Remind members who have not scored. Empty: the default."),
    )

    class Meta:
        verbose_name = _("reminder setting")
        verbose_name_plural = _("reminder settings")

    def __str__(self):
        return str(self.portefolje)

    def dager(self, felt: str) -> int:
        verdi = getattr(self, felt)
        return standard_dager(felt) if verdi is None else verdi


def standard_dager(felt: str) -> int:
    return settings.PAMINNELSER[felt.upper()]


def dager_for(portefolje, felt: str) -> int:
    """The day count `felt` for `portefolje`; select_related("paminnelsesinnstilling") first."""
    try:
        innstilling = portefolje.paminnelsesinnstilling
    except PaminnelsesInnstilling.DoesNotExist:
        return standard_dager(felt)
    return innstilling.dager(felt)
