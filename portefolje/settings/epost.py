"""E-mail: Django 6.1's MAILERS, filled from the EMAIL_* variables operators know."""

from portefolje.env import env_bool, env_int, env_str
from portefolje.settings.grunnlag import BASE_DIR, DEBUG

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
