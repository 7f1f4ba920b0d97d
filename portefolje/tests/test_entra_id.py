"""Single sign-on with Entra ID, tested at the edge: the provider's token and key endpoints are
faked with a key made here, everything on our side runs for real."""

import time
from unittest import mock
from urllib.parse import parse_qs, urlparse

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

TENANT = "https://login.microsoftonline.com/test-tenant"


@pytest.fixture
def nokkel():
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@pytest.fixture
def sso(settings):
    settings.ROOT_URLCONF = "portefolje.tests.urls_oidc"
    settings.OIDC_ENABLED = True
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
