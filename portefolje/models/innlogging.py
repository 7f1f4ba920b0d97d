"""Which Entra ID account is which portal user: linked by the identifiers a tenant cannot change."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class EntraIdentitet(models.Model):
    """A portal user's Entra ID account: tenant id (`tid`) and object id (`oid`).

    E-mail and UPN are attributes a tenant's administrators can change (and, in a multi-tenant
    app, anyone's tenant can claim: «nOAuth»); `oid` within `tid` is immutable. Sign-in looks the
    pair up here first, and uses e-mail only once, to link an existing account that has no
    Entra ID yet (see `portefolje.auth.EntraIdBackend`).
    """

    bruker = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="entra_identitet",
    )
    tenant_id = models.CharField(_("tenant id (tid)"), max_length=64)
    objekt_id = models.CharField(_("object id (oid)"), max_length=64)
    koblet = models.DateTimeField(_("linked"), auto_now_add=True)

    class Meta:
        verbose_name = _("Entra ID account")
        verbose_name_plural = _("Entra ID accounts")
        constraints = [
            models.UniqueConstraint(
                fields=["tenant_id", "objekt_id"], name="entra_identitet_unik_tid_oid"
            )
        ]

    def __str__(self):
        return f"{self.bruker} ({self.objekt_id})"
