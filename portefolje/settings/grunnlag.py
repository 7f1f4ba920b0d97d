"""The ground every other settings module stands on: the project, its apps, data, language.

Everything that differs between a laptop and production comes from the environment. The
defaults are for trying the portal out: SQLite and Kombu's filesystem broker, so `make run`
needs neither PostgreSQL nor Redis.
"""

from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy

from portefolje.env import cache_config, env_bool, env_database, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parents[2]

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
    # Pages and API answers gzip-compressed for a client that asks (static files come compressed
    # from WhiteNoise above, before this). Django pads each answer with 0–99 random bytes against
    # BREACH, and masks the CSRF token anew in every page: docs/drift.md, «Komprimering».
    "django.middleware.gzip.GZipMiddleware",
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
# An index may carry columns it is not sorted by (PostgreSQL's INCLUDE, e.g. the latest report's
# colour): SQLite, for trying the portal, builds the index without them and says so at every start.
SILENCED_SYSTEM_CHECKS = [] if IS_POSTGRES else ["models.W040"]

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
# The portal's stylesheet (Bootstrap from its Sass sources and the portal's own CSS) and its icon
# sprite are built by `make assets` into static/build/ (docs/arkitektur.md); the other third-party
# assets are served straight from the npm packages installed by `make` (package.json).
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("vendor/bootstrap/js", BASE_DIR / "node_modules/bootstrap/dist/js"),
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
