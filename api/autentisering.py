"""`Authorization: Token <key>` for the API: personal keys and service accounts' keys."""

from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions

from api.models import PREFIKS_LENGDE, ApiNokkel, hash_av

# «Last used» is written at most this often per key, so a Power BI refresh of twenty tables
# does not write twenty rows.
SIST_BRUKT_OPPLOSNING = timedelta(minutes=5)


class NokkelAutentisering(authentication.BaseAuthentication):
    """Finds the key by its prefix and compares the hash; refuses expired and revoked keys
    and inactive users with a Norwegian 401, never telling which part of a wrong key was wrong.
    """

    nokkelord = "Token"

    def authenticate_header(self, request):
        return self.nokkelord

    def authenticate(self, request):
        deler = authentication.get_authorization_header(request).split()
        if not deler or deler[0].lower() not in (b"token", b"bearer"):
            return None
        if len(deler) != 2:
            raise exceptions.AuthenticationFailed(
                _("Malformed Authorization header: use «Token <key>».")
            )
        try:
            hemmelighet = deler[1].decode()
        except UnicodeDecodeError:
            raise exceptions.AuthenticationFailed(_("Unknown API key.")) from None
        nokkel = (
            ApiNokkel.objects.select_related("bruker")
            .filter(prefiks=hemmelighet[:PREFIKS_LENGDE], hash=hash_av(hemmelighet))
            .first()
        )
        if nokkel is None:
            raise exceptions.AuthenticationFailed(_("Unknown API key."))
        if nokkel.trukket_tilbake is not None:
            raise exceptions.AuthenticationFailed(_("This API key has been revoked."))
        if nokkel.er_utlopt:
            raise exceptions.AuthenticationFailed(_("This API key has expired."))
        if not nokkel.bruker.is_active:
            raise exceptions.AuthenticationFailed(_("The key's user account is deactivated."))
        naa = timezone.now()
        if nokkel.sist_brukt is None or naa - nokkel.sist_brukt > SIST_BRUKT_OPPLOSNING:
            ApiNokkel.objects.filter(pk=nokkel.pk).update(sist_brukt=naa)
        return nokkel.bruker, nokkel


class NokkelSkjema(OpenApiAuthenticationExtension):
    """How the schema (and Swagger UI) describes the key: `Authorization: Token <key>`."""

    target_class = "api.autentisering.NokkelAutentisering"
    name = "nokkel"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": "«Token <nøkkel>»; lag nøkkelen på «Min profil».",
        }
