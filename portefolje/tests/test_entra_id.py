"""Single sign-on with Entra ID, tested at the edge: the provider's token and key endpoints are
faked with a key made here, everything on our side runs for real."""

import time
from unittest import mock
from urllib.parse import parse_qs, urlparse

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

from portefolje.models import EntraIdentitet

TENANT_ID = "3f1c2d4e-0000-4000-8000-0000000000aa"
TENANT = f"https://login.microsoftonline.com/{TENANT_ID}"


@pytest.fixture
def nokkel():
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@pytest.fixture
def sso(settings):
    settings.ROOT_URLCONF = "portefolje.tests.urls_oidc"
    settings.OIDC_ENABLED = True
    settings.OIDC_ENTRA_TENANT_ID = TENANT_ID
    settings.OIDC_RP_CLIENT_ID = "portal-klient"
    settings.OIDC_RP_CLIENT_SECRET = "hemmelig"
    settings.OIDC_RP_SIGN_ALGO = "RS256"
    settings.OIDC_RP_SCOPES = "openid email profile"
    settings.OIDC_OP_AUTHORIZATION_ENDPOINT = f"{TENANT}/oauth2/v2.0/authorize"
    settings.OIDC_OP_TOKEN_ENDPOINT = f"{TENANT}/oauth2/v2.0/token"
    settings.OIDC_OP_USER_ENDPOINT = "https://graph.microsoft.com/oidc/userinfo"
    settings.OIDC_OP_JWKS_ENDPOINT = f"{TENANT}/discovery/v2.0/keys"
    settings.AUTHENTICATION_BACKENDS = [
        "axes.backends.AxesStandaloneBackend",
        "django.contrib.auth.backends.ModelBackend",
        "portefolje.auth.EntraIdBackend",
    ]
    settings.LOGIN_REDIRECT_URL_FAILURE = "/konto/login/"


def svar(status=200, json=None):
    respons = mock.Mock(status_code=status)
    respons.json.return_value = json
    respons.raise_for_status.return_value = None
    return respons


def logg_inn_via_entra(client, nokkel, claims):
    """Start the flow, then come back from «Microsoft» with a signed ID token."""
    start = client.get("/oidc/authenticate/")
    assert start.status_code == 302
    parametre = parse_qs(urlparse(start["Location"]).query)
    assert start["Location"].startswith(f"{TENANT}/oauth2/v2.0/authorize")
    id_token = jwt.encode(
        {
            "iss": TENANT,
            "aud": "portal-klient",
            "iat": int(time.time()),
            "exp": int(time.time()) + 300,
            "nonce": parametre["nonce"][0],
            "tid": TENANT_ID,
            **claims,
        },
        nokkel,
        algorithm="RS256",
        headers={"kid": "k1"},
    )
    jwk = RSAAlgorithm.to_jwk(nokkel.public_key(), as_dict=True) | {"kid": "k1", "alg": "RS256"}
    with (
        mock.patch("mozilla_django_oidc.auth.requests.post") as token_kall,
        mock.patch("mozilla_django_oidc.auth.requests.get") as nokkel_kall,
    ):
        token_kall.return_value = svar(json={"id_token": id_token, "access_token": "a"})
        nokkel_kall.return_value = svar(json={"keys": [jwk]})
        return client.get(
            "/oidc/callback/", {"code": "kode-fra-entra", "state": parametre["state"][0]}
        )


@pytest.mark.django_db
def test_existing_employee_logs_in_by_email_and_keeps_their_user(client, sso, nokkel, lag_bruker):
    kari = lag_bruker("kari")
    kari.email = "Kari.Nordmann@ovre-eiker.kommune.no"
    kari.save()
    svar_ = logg_inn_via_entra(
        client,
        nokkel,
        {
            "email": "kari.nordmann@ovre-eiker.kommune.no",
            "oid": "oid-kari",
            "given_name": "Kari",
            "family_name": "Nordmann",
        },
    )
    assert svar_.status_code == 302
    assert int(client.session["_auth_user_id"]) == kari.pk
    kari.refresh_from_db()
    assert kari.get_full_name() == "Kari Nordmann"


@pytest.mark.django_db
def test_new_employee_is_created_from_the_upn(client, sso, nokkel, django_user_model):
    logg_inn_via_entra(
        client,
        nokkel,
        {
            "preferred_username": "ola@ovre-eiker.kommune.no",
            "oid": "oid-ola",
            "given_name": "Ola",
            "family_name": "N",
        },
    )
    ola = django_user_model.objects.get(email="ola@ovre-eiker.kommune.no")
    assert int(client.session["_auth_user_id"]) == ola.pk


@pytest.mark.django_db
def test_token_signed_by_someone_else_is_refused(client, sso, nokkel, django_user_model):
    falsk = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    start = client.get("/oidc/authenticate/")
    parametre = parse_qs(urlparse(start["Location"]).query)
    id_token = jwt.encode(
        {"email": "inntrenger@example.com", "nonce": parametre["nonce"][0]},
        falsk,
        algorithm="RS256",
        headers={"kid": "k1"},
    )
    jwk = RSAAlgorithm.to_jwk(nokkel.public_key(), as_dict=True) | {"kid": "k1", "alg": "RS256"}
    with (
        mock.patch("mozilla_django_oidc.auth.requests.post") as token_kall,
        mock.patch("mozilla_django_oidc.auth.requests.get") as nokkel_kall,
    ):
        token_kall.return_value = svar(json={"id_token": id_token, "access_token": "a"})
        nokkel_kall.return_value = svar(json={"keys": [jwk]})
        svar_ = client.get("/oidc/callback/", {"code": "k", "state": parametre["state"][0]})
    assert svar_.status_code == 400
    assert "Forespørselen kunne ikke behandles" in svar_.content.decode()
    assert "_auth_user_id" not in client.session
    assert not django_user_model.objects.filter(email="inntrenger@example.com").exists()


@pytest.mark.django_db
def test_login_page_offers_sso_only_when_configured(client, settings):
    assert "kommunekontoen" not in client.get("/konto/login/").content.decode()
    settings.OIDC_ENABLED = True
    settings.ROOT_URLCONF = "portefolje.tests.urls_oidc"
    assert "kommunekontoen" in client.get("/konto/login/").content.decode()


@pytest.mark.django_db
def test_a_linked_account_follows_its_oid_when_the_email_changes(client, sso, nokkel, lag_bruker):
    kari = lag_bruker("kari")
    logg_inn_via_entra(client, nokkel, {"email": kari.email, "oid": "oid-kari"})
    assert EntraIdentitet.objects.get(bruker=kari).objekt_id == "oid-kari"
    client.logout()
    # The tenant renames her address: she is still Kari, by her object id.
    logg_inn_via_entra(client, nokkel, {"email": "kari.ny@example.no", "oid": "oid-kari"})
    assert int(client.session["_auth_user_id"]) == kari.pk


@pytest.mark.django_db
def test_another_account_given_a_linked_users_email_gets_nothing(
    client, sso, nokkel, lag_bruker, django_user_model
):
    """nOAuth: someone sets their e-mail to Kari's; Kari is linked, so no account is taken."""
    kari = lag_bruker("kari")
    EntraIdentitet.objects.create(bruker=kari, tenant_id=TENANT_ID, objekt_id="oid-kari")
    svar_ = logg_inn_via_entra(client, nokkel, {"email": kari.email, "oid": "oid-inntrenger"})
    assert svar_.status_code == 302
    assert "_auth_user_id" not in client.session
    assert django_user_model.objects.filter(email__iexact=kari.email).count() == 1
    assert not EntraIdentitet.objects.filter(objekt_id="oid-inntrenger").exists()


@pytest.mark.django_db
def test_a_superuser_is_never_matched_by_email(client, sso, nokkel, django_user_model):
    django_user_model.objects.create_superuser("admin", "admin@ovre-eiker.kommune.no", "x-123")
    logg_inn_via_entra(client, nokkel, {"email": "admin@ovre-eiker.kommune.no", "oid": "oid-noen"})
    assert "_auth_user_id" not in client.session
    assert not EntraIdentitet.objects.exists()


@pytest.mark.django_db
def test_a_token_from_another_tenant_is_refused(client, sso, nokkel, lag_bruker):
    kari = lag_bruker("kari")
    EntraIdentitet.objects.create(bruker=kari, tenant_id=TENANT_ID, objekt_id="oid-kari")
    svar_ = logg_inn_via_entra(
        client, nokkel, {"email": kari.email, "oid": "oid-kari", "tid": "annen-tenant"}
    )
    assert svar_["Location"] == "/konto/login/"
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_a_token_without_object_id_is_refused(client, sso, nokkel, lag_bruker):
    kari = lag_bruker("kari")
    svar_ = logg_inn_via_entra(client, nokkel, {"email": kari.email})
    assert svar_["Location"] == "/konto/login/"
    assert "_auth_user_id" not in client.session
