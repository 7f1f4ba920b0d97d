"""Settings for Porteføljeportalen.

Everything that differs between a laptop and production comes from the environment (see
README, «Konfigurasjon»). The defaults are for trying the portal out: SQLite and Kombu's
filesystem broker, so `make run` needs neither PostgreSQL nor Redis.
"""

from datetime import timedelta
from pathlib import Path

from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy

from portefolje.env import (
    cache_config,
    env_bool,
    env_database,
    env_int,
    env_list,
    env_str,
)

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DEBUG", False)

# With DEBUG off the key must come from the environment; a built-in key is only for trying out.
SECRET_KEY = env_str("SECRET_KEY", required=not DEBUG) or "django-insecure-kun-for-utprøving"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

# The address people reach the portal at; used for links in e-mails. By default the local address
# on PORT (8000), the port `make run` serves on.
PORT = env_int("PORT", 8000)
PORTAL_BASE_URL = env_str("PORTAL_BASE_URL", f"http://127.0.0.1:{PORT}").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_filters",
    "axes",
    "mozilla_django_oidc",
    "simple_history",
    "django_htmx",
    # The four phases, in the order dependencies flow: each may import those above it.
    "portefolje",
    "ideer",
    "konseptnotat",
    "velge",
    "prosjekter",
    # What the phases produce for readers outside the flow; each may import the core and every
    # phase, but not the other two.
    "rapporter",
    "offentlig",
    "api",
    # Last: their own Norwegian catalogues («Dette feltet er påkrevd.») must not win over ours
    # (apps listed first take precedence for translations).
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language: the person's choice (profile or set_language), else the municipality's.
    "portefolje.middleware.SprakMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Cache-Control: no-store on every response to a signed-in person.
    "portefolje.middleware.IngenLagringForInnloggetMiddleware",
    # Every page needs login unless its view is marked @login_not_required.
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # request.htmx, and the signed-in person recorded on every field-history row.
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portefolje.urls"
WSGI_APPLICATION = "portefolje.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
                "portefolje.context_processors.portal",
            ],
        },
    },
]

# --- data

DATABASES = {"default": env_database("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
IS_POSTGRES = DATABASES["default"]["ENGINE"].endswith("postgresql")

# The cache holds the rate limits (public form, password reset). In production it is Redis:
# CACHE_URL, or else the broker's Redis, so several web processes share the limits.
CACHES = {
    "default": cache_config(
        cache_url=env_str("CACHE_URL"),
        broker_url=env_str("CELERY_BROKER_URL"),
        debug=DEBUG,
        # Several portals on one Redis (a test and a production instance) keep apart by prefix.
        key_prefix=env_str("CACHE_KEY_PREFIX", "portal"),
    )
}

# Uploads: with several web processes on several machines, MEDIA_ROOT is a shared volume (NFS,
# Azure Files, a Kubernetes ReadWriteMany volume); every download goes through a view that checks
# access, so the files are never served straight from the folder.
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
MEDIA_URL = "/media/"
# Uploads larger than this are refused by the forms with a message, not by the server.
MAX_UPLOAD_BYTES = 10 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024

# --- people

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

# --- language and time

# Each language is named in itself, as a person looking for their own would read it.
LANGUAGES = [("nb", "Norsk bokmål"), ("nn", "Norsk nynorsk")]
# The municipality's written language (språklova): the default for everyone who has not chosen.
LANGUAGE_CODE = env_str("LANGUAGE_CODE", "nb")
if LANGUAGE_CODE not in dict(LANGUAGES):
    raise ImproperlyConfigured(
        f"LANGUAGE_CODE må være en av {', '.join(dict(LANGUAGES))}, ikke {LANGUAGE_CODE!r}."
    )
# set_language's cookie: a year (secure like the session cookie, further down).
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
LANGUAGE_COOKIE_SAMESITE = "Lax"
LOCALE_PATHS = [BASE_DIR / "locale"]
# django-filter's empty choice in every filter: «Alle», not «---------».
FILTERS_EMPTY_CHOICE_LABEL = gettext_lazy("All")
TIME_ZONE = "Europe/Oslo"
USE_I18N = True
USE_TZ = True

# --- static files

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
# Third-party assets are served straight from the npm packages installed by `make` (package.json).
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("vendor/bootstrap", BASE_DIR / "node_modules/bootstrap/dist"),
    ("vendor/bootstrap-icons", BASE_DIR / "node_modules/bootstrap-icons/font"),
    ("vendor/htmx", BASE_DIR / "node_modules/htmx.org/dist"),
    ("vendor/chart.js", BASE_DIR / "node_modules/chart.js/dist"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if env_bool("STATIC_MANIFEST", not DEBUG)
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# --- security

# Number of reverse proxies in front of the portal that append to X-Forwarded-For (the
# municipality's load balancer: 1). 0 = the portal faces clients directly and ignores the header.
# Never more than there are: the client could then choose its own address.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
if TRUSTED_PROXY_COUNT < 0:
    raise ImproperlyConfigured("TRUSTED_PROXY_COUNT kan ikke være negativ.")

# Behind a proxy that terminates TLS, set BEHIND_TLS_PROXY=true so Django trusts its header and
# the redirect to https stays on without looping.
if env_bool("BEHIND_TLS_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
LANGUAGE_COOKIE_SECURE = SESSION_COOKIE_SECURE
LANGUAGE_COOKIE_HTTPONLY = True
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"

# No inline scripts or styles anywhere: every script and stylesheet is a static file.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

# --- the read-only API (api/): DRF with its own token authentication, see api/README text

REST_FRAMEWORK = {
    # The token first: a request without credentials gets 401 with `WWW-Authenticate: Token`.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "api.autentisering.NokkelAutentisering",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "api.paginering.Sidedeling",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_THROTTLE_CLASSES": ["api.struping.ApiStruping"],
    "EXCEPTION_HANDLER": "api.feil.feilsvar",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
    "URL_FORMAT_OVERRIDE": None,
}
# Requests per user (or address) and period, counted in the cache; empty turns it off.
API_STRUPING = env_str("API_STRUPING", "600/min")
SPECTACULAR_SETTINGS = {
    "TITLE": "Porteføljeportalen API",
    "DESCRIPTION": (
        "Lesetilgang til porteføljer, innspill, konseptnotater, møter, vurderinger, "
        "beslutninger og prosjekter. Autentisering: `Authorization: Token <nøkkel>` "
        "(lag nøkkelen på «Min profil») eller innlogget økt. Hver liste tar `?format=csv`: "
        "hele den filtrerte listen som CSV (semikolon, UTF-8) med norske kolonneoverskrifter, "
        "for Excel og Power BI. Listene sorteres på id og deles i sider (`side`, `per_side`); "
        "hvert svar har en ETag, og `If-None-Match` gir 304 når ingenting er endret."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "ProsjekttilstandEnum": "prosjekter.models.prosjekt.Tilstand",
        "ProsjektfaseEnum": "prosjekter.models.prosjekt.Fase",
        "RapporttilstandEnum": "prosjekter.models.status.Rapporttilstand",
    },
}

# --- e-mail

# Django 6.1's MAILERS, filled from the EMAIL_* variables operators know. In production the
# default is SMTP to a local mail relay. With DEBUG on and no EMAIL_HOST (`make run`), each
# e-mail is written as a file under .run/epost/ (Django's file backend), so the console shows
# the log and not every message; read them there.
_email_host = env_str("EMAIL_HOST")
# EMAIL_FILE_PATH writes each e-mail to a file in that directory instead (Django's file backend):
# for a test instance, and for the reminder test that runs a real Celery worker.
_email_file_path = env_str("EMAIL_FILE_PATH")
if not _email_file_path and DEBUG and not _email_host:
    env_int("EMAIL_PORT", 587)  # still validated, so a typo is caught before it matters
    _email_file_path = str(BASE_DIR / ".run" / "epost")
if _email_file_path:
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "OPTIONS": {"file_path": _email_file_path},
        }
    }
else:
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": _email_host or "localhost",
                "port": env_int("EMAIL_PORT", 587 if _email_host else 25),
                "username": env_str("EMAIL_HOST_USER", ""),
                "password": env_str("EMAIL_HOST_PASSWORD", ""),
                "use_tls": env_bool("EMAIL_USE_TLS", bool(_email_host)),
                "timeout": env_int("EMAIL_TIMEOUT", 20),
            },
        }
    }
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Porteføljeportalen <portefolje@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- background work

# Redis in production and CI. Without it, Kombu's filesystem transport keeps the queue in
# .run/broker so `make run` works on a laptop with no Redis.
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL", "filesystem://")
if CELERY_BROKER_URL.startswith("filesystem://"):
    _broker_dir = BASE_DIR / ".run" / "broker"
    # Kombu expects the folders to exist; made here so `make run` and `make worker` just work.
    (_broker_dir / "processed").mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_broker_dir),
        "data_folder_out": str(_broker_dir),
        "processed_folder": str(_broker_dir / "processed"),
        "store_processed": False,
    }
else:
    CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600}
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", False)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TIMEZONE = TIME_ZONE
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# A worker's default queue; the reminder test gives its own worker a queue of its own.
CELERY_TASK_DEFAULT_QUEUE = env_str("CELERY_TASK_DEFAULT_QUEUE", "celery")
# Each app adds its periodic tasks here (see the apps' tasks.py). A static schedule, not
# django-celery-beat: the cadence is part of the code, not something to edit at run time.
CELERY_BEAT_SCHEDULE: dict = {
    # The reminder pass (portefolje.tasks): at seven past every hour. It works out from the data
    # what is due, and each reminder is claimed once, so a missed or repeated run is harmless.
    "paminnelser": {"task": "portefolje.tasks.kjor_paminnelser", "schedule": crontab(minute=7)},
    # Citizens' names and e-mail addresses are removed when the retention period has passed.
    "ideer-anonymiser-innspill": {
        "task": "ideer.tasks.anonymiser_innspill",
        "schedule": crontab(hour=3, minute=17),
    },
    # One-time form keys (portefolje.skjema) older than two days are never needed again.
    "portefolje-rydd-skjemanokler": {
        "task": "portefolje.tasks.rydd_skjemanokler",
        "schedule": crontab(hour=3, minute=27),
    },
    # Portfolio reports no worker finished in time are queued again, or marked failed.
    "rapporter-feie-portefoljerapporter": {
        "task": "rapporter.tasks.feie_portefoljerapporter",
        "schedule": crontab(minute="*/5"),
    },
}

# Portfolio reports (rapporter): a report still waiting or being made this many minutes after its
# last move is queued again by the sweep (the broker was down, or the worker died); a worker
# still making it is stopped a minute before. After this many attempts it is marked failed.
RAPPORTER = {
    "KOE_IGJEN_ETTER_MINUTTER": env_int("RAPPORTER_KOE_IGJEN_ETTER_MINUTTER", 15),
    "MAKS_FORSOK": env_int("RAPPORTER_MAKS_FORSOK", 3),
}
if RAPPORTER["KOE_IGJEN_ETTER_MINUTTER"] < 2 or RAPPORTER["MAKS_FORSOK"] < 1:
    raise ImproperlyConfigured(
        "RAPPORTER_KOE_IGJEN_ETTER_MINUTTER må være minst 2 og RAPPORTER_MAKS_FORSOK minst 1."
    )

# Reminders (prosjekter/paminnelser): default day counts; a portfolio may set its own
# (portefolje.PaminnelsesInnstilling).
PAMINNELSER = {
    # Remind the project manager this many days before a status report is due.
    "DAGER_FOR_RAPPORTFRIST": env_int("PAMINNELSER_DAGER_FOR_RAPPORTFRIST", 7),
    # Escalate to the project owner and the portfolio's chair this many days after the due date.
    "DAGER_TIL_ESKALERING": env_int("PAMINNELSER_DAGER_TIL_ESKALERING", 14),
    # Before a meeting: notes on the agenda not ready, and members who have not scored.
    "DAGER_FOR_MOTE_NOTATER": env_int("PAMINNELSER_DAGER_FOR_MOTE_NOTATER", 7),
    "DAGER_FOR_MOTE_VURDERING": env_int("PAMINNELSER_DAGER_FOR_MOTE_VURDERING", 3),
    # The weekly digest goes out in the first pass on this weekday (0 = Monday).
    "UKESAMMENDRAG_UKEDAG": env_int("PAMINNELSER_UKESAMMENDRAG_UKEDAG", 0),
    # A claimed e-mail still unsent after this many minutes is queued again by the next pass
    # (the worker crashed, or the broker was down); after this many hours the pass gives up.
    "ETTERSEND_ETTER_MINUTTER": env_int("PAMINNELSER_ETTERSEND_ETTER_MINUTTER", 10),
    "GI_OPP_ETTER_TIMER": env_int("PAMINNELSER_GI_OPP_ETTER_TIMER", 72),
}

# Samle: citizens' names and e-mail addresses are removed this many months after an input is
# closed (ideer.tasks.anonymiser_innspill, daily).
INNSPILL_OPPBEVARING_MAANEDER = env_int("INNSPILL_OPPBEVARING_MAANEDER", 24)
if INNSPILL_OPPBEVARING_MAANEDER < 1:
    raise ImproperlyConfigured("INNSPILL_OPPBEVARING_MAANEDER må være minst 1.")

# --- logging: everything to stdout, for the platform to collect

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
    },
    "handlers": {"stdout": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["stdout"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}
