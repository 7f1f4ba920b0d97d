"""Single sign-on with Microsoft Entra ID (OpenID Connect), switched on by OIDC_* variables.

People are matched on e-mail address (Entra's `email`, or the user principal name when e-mail is
not released), so an existing portal user keeps their roles when they first use SSO.
"""

import logging

from django.contrib.auth import get_user_model
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

logger = logging.getLogger(__name__)


def epost_fra_claims(claims: dict) -> str:
    return (claims.get("email") or claims.get("preferred_username") or "").strip().lower()


class EntraIdBackend(OIDCAuthenticationBackend):
    def get_userinfo(self, access_token, id_token, payload):
        # The verified ID token carries the claims we need; asking Microsoft Graph as well would
        # need an extra API permission for nothing.
        return payload

    def verify_claims(self, claims):
        # Entra releases the e-mail claim only with an Exchange mailbox; the UPN will do.
        return bool(epost_fra_claims(claims))

    def filter_users_by_claims(self, claims):
        return get_user_model().objects.filter(email__iexact=epost_fra_claims(claims))

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
