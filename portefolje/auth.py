"""Single sign-on with Microsoft Entra ID (OpenID Connect), switched on by OIDC_* variables.

People are recognised by their Entra account's immutable identifiers, tenant id (`tid`) and
object id (`oid`), stored in `EntraIdentitet`. E-mail (or the UPN when e-mail is not released)
is used only the first time, to link an existing portal user who has no Entra account yet, so
they keep their roles; after that a changed e-mail or UPN neither moves nor steals an account.
A superuser is never matched by e-mail, and a token from another tenant is refused.
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import SuspiciousOperation
from django.db import transaction
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from portefolje.models import EntraIdentitet

logger = logging.getLogger(__name__)


def epost_fra_claims(claims: dict) -> str:
    return (claims.get("email") or claims.get("preferred_username") or "").strip().lower()


def _identitet(claims: dict) -> tuple[str, str]:
    return str(claims.get("tid") or "").strip(), str(claims.get("oid") or "").strip()


class EntraIdBackend(OIDCAuthenticationBackend):
    def get_userinfo(self, access_token, id_token, payload):
        # The verified ID token carries the claims we need; asking Microsoft Graph as well would
        # need an extra API permission for nothing.
        return payload

    def verify_claims(self, claims):
        """The token must name its account (tid, oid) and come from the municipality's tenant."""
        tid, oid = _identitet(claims)
        if not (tid and oid and epost_fra_claims(claims)):
            return False
        return tid == settings.OIDC_ENTRA_TENANT_ID

    @transaction.atomic
    def get_or_create_user(self, access_token, id_token, payload):
        """The user linked to this Entra account; else link or create one (first sign-in).

        Refuses (None: sign-in fails, nothing linked) when the e-mail belongs to a superuser or
        to a user already linked to another Entra account, or to more than one user.
        """
        claims = self.get_userinfo(access_token, id_token, payload)
        if not self.verify_claims(claims):
            raise SuspiciousOperation("Claims verification failed")
        tid, oid = _identitet(claims)
        kobling = (
            EntraIdentitet.objects.select_related("bruker")
            .filter(tenant_id=tid, objekt_id=oid)
            .first()
        )
        if kobling is not None:
            return self.update_user(kobling.bruker, claims)

        epost = epost_fra_claims(claims)
        like = list(
            get_user_model()
            .objects.select_for_update(of=("self",))
            .filter(email__iexact=epost)
            .select_related("entra_identitet")
        )
        if any(b.is_superuser for b in like):
            logger.warning("Entra ID-innlogging avvist: e-posten tilhører en superbruker.")
            return None
        if any(hasattr(b, "entra_identitet") for b in like):
            logger.warning("Entra ID-innlogging avvist: e-posten er koblet til en annen konto.")
            return None
        if len(like) > 1:
            logger.warning("Entra ID-innlogging avvist: flere brukere har samme e-post.")
            return None
        if like:
            bruker = self.update_user(like[0], claims)
        elif self.get_settings("OIDC_CREATE_USER", True):
            if get_user_model().objects.filter(username__iexact=epost[:150]).exists():
                logger.warning("Entra ID-innlogging avvist: brukernavnet finnes alt.")
                return None
            bruker = self.create_user(claims)
        else:
            return None
        EntraIdentitet.objects.create(bruker=bruker, tenant_id=tid, objekt_id=oid)
        logger.info("Entra ID-konto koblet til %s", bruker.username)
        return bruker

    def create_user(self, claims):
        epost = epost_fra_claims(claims)
        bruker = get_user_model().objects.create_user(
            username=epost[:150],
            email=epost,
            first_name=claims.get("given_name", "")[:150],
            last_name=claims.get("family_name", "")[:150],
        )
        logger.info("Ny bruker fra Entra ID: %s", bruker.username)
        return bruker

    def update_user(self, user, claims):
        fornavn, etternavn = claims.get("given_name", ""), claims.get("family_name", "")
        if fornavn and etternavn and (user.first_name, user.last_name) != (fornavn, etternavn):
            user.first_name, user.last_name = fornavn[:150], etternavn[:150]
            user.save(update_fields=["first_name", "last_name"])
        return user
