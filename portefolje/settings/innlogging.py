"""Who may sign in, and how: passwords, lockout, sessions, password reset, Entra ID."""

from datetime import timedelta

from django.core.exceptions import ImproperlyConfigured

from portefolje.env import env_bool, env_int, env_str

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    # Axes first: it refuses a locked-out address before any password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "startside"
LOGOUT_REDIRECT_URL = "login"

# Login throttling: five failures from one address for one username lock it for 15 minutes.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "registration/sperret.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
# The client's address through the trusted proxies, the same function as the rate limits use.
AXES_CLIENT_IP_CALLABLE = "portefolje.klient.klientadresse"

# Sessions live in PostgreSQL, so any web process serves any signed-in person (no sticky
# sessions at the load balancer). `manage.py check --deploy` warns of per-process state.
SESSION_ENGINE = "django.contrib.sessions.backends.db"

# Sessions end when the browser closes, and at the latest a working day after sign-in.
SESSION_EXPIRE_AT_BROWSER_CLOSE = env_bool("SESSION_EXPIRE_AT_BROWSER_CLOSE", True)
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 10 * 60 * 60)
# Off: the working day counts from sign-in, not from the last click.
SESSION_SAVE_EVERY_REQUEST = env_bool("SESSION_SAVE_EVERY_REQUEST", False)
if SESSION_COOKIE_AGE < 60:
    raise ImproperlyConfigured("SESSION_COOKIE_AGE må være minst 60 sekunder.")

# Password reset: at most this many requests per hour for one e-mail address and per client.
PASSORD_TILBAKESTILLING_PER_TIME = env_int("PASSORD_TILBAKESTILLING_PER_TIME", 5)

# Single sign-on with Microsoft Entra ID (OpenID Connect), on when a client id is configured.
OIDC_ENABLED = bool(env_str("OIDC_RP_CLIENT_ID"))
# The municipality's tenant (a GUID, not «common» or «organizations»): tokens from any other
# tenant are refused, and accounts are linked by (tid, oid) within it.
OIDC_ENTRA_TENANT_ID = env_str("OIDC_ENTRA_TENANT_ID", "")
if OIDC_ENABLED:
    if not OIDC_ENTRA_TENANT_ID or OIDC_ENTRA_TENANT_ID in {"common", "organizations"}:
        raise ImproperlyConfigured(
            "Miljøvariabelen OIDC_ENTRA_TENANT_ID må være kommunens tenant-id (en GUID)."
        )
    _entra = f"https://login.microsoftonline.com/{OIDC_ENTRA_TENANT_ID}"
    OIDC_RP_CLIENT_ID = env_str("OIDC_RP_CLIENT_ID")
    OIDC_RP_CLIENT_SECRET = env_str("OIDC_RP_CLIENT_SECRET", required=True)
    OIDC_RP_SIGN_ALGO = "RS256"
    OIDC_RP_SCOPES = "openid email profile"
    OIDC_OP_AUTHORIZATION_ENDPOINT = f"{_entra}/oauth2/v2.0/authorize"
    OIDC_OP_TOKEN_ENDPOINT = f"{_entra}/oauth2/v2.0/token"
    OIDC_OP_USER_ENDPOINT = "https://graph.microsoft.com/oidc/userinfo"
    OIDC_OP_JWKS_ENDPOINT = f"{_entra}/discovery/v2.0/keys"
    OIDC_CREATE_USER = env_bool("OIDC_CREATE_USER", True)
    LOGIN_REDIRECT_URL_FAILURE = "login"
    AUTHENTICATION_BACKENDS.append("portefolje.auth.EntraIdBackend")
