"""Personal API tokens and service accounts.

A token is shown once, when it is made; the database keeps only its first characters (to find
it and to show which one it is) and a SHA-256 hash of the whole. The token is 40 random
characters from `secrets`, so a plain hash is enough: there is nothing to guess from it.
"""

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portefolje.models import Portefolje

PREFIKS_LENGDE = 8


def hash_av(nokkel: str) -> str:
    return hashlib.sha256(nokkel.encode()).hexdigest()


class ApiNokkel(models.Model):
    """A person's (or a service account's) key for the API, stored hashed."""

    bruker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="api_nokler",
        verbose_name=_("user"),
    )
    navn = models.CharField(_("name"), max_length=100)
    prefiks = models.CharField(_("starts with"), max_length=PREFIKS_LENGDE, db_index=True)
    hash = models.CharField(max_length=64, unique=True, editable=False)
    opprettet = models.DateTimeField(_("created"), auto_now_add=True)
    utloper = models.DateTimeField(_("expires"), null=True, blank=True)
    sist_brukt = models.DateTimeField(_("last used"), null=True, blank=True)
    trukket_tilbake = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        ordering = ["-opprettet", "-id"]
        verbose_name = _("API key")
        verbose_name_plural = _("API keys")

    def __str__(self):
        return f"{self.navn} ({self.prefiks}…)"

    @property
    def er_utlopt(self) -> bool:
        return self.utloper is not None and self.utloper <= timezone.now()

    @staticmethod
    def ny_hemmelighet() -> str:
        return secrets.token_urlsafe(30)[:40]


class Tjenestekonto(models.Model):
    """An integration's account (Power BI, the archive, …), made by an administrator.

    It is a user without a password, login or roles, and reads only the chosen portfolios
    (and, as a member of a portfolio would, the portfolios under them): see api/synlighet.py.
    """

    bruker = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="tjenestekonto",
        verbose_name=_("user"),
    )
    beskrivelse = models.TextField(_("description"), blank=True)
    portefoljer = models.ManyToManyField(
        Portefolje, related_name="tjenestekontoer", verbose_name=_("portfolios it may read")
    )
    opprettet = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("service account")
        verbose_name_plural = _("service accounts")

    def __str__(self):
        return self.bruker.username
