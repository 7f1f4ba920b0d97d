"""`manage.py check --deploy`: nothing a web process needs may live in that process alone.

A municipality runs several web processes behind its load balancer. Sessions are in the
database, rate limits in the cache; with a per-process cache each process would count its own
limits, so production must point CACHE_URL (or the broker) at Redis.
"""

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.caches, deploy=True)
def delt_tilstand(app_configs, **kwargs):
    meldinger = []
    if settings.CACHES["default"]["BACKEND"].endswith("LocMemCache"):
        meldinger.append(
            Warning(
                "Cachen ligger i prosessens minne: rategrensene telles per webprosess.",
                hint="Sett CACHE_URL=redis://… (eller en Redis-broker i CELERY_BROKER_URL).",
                id="portefolje.W001",
            )
        )
    if settings.SESSION_ENGINE not in (
        "django.contrib.sessions.backends.db",
        "django.contrib.sessions.backends.cached_db",
        "django.contrib.sessions.backends.cache",
        "django.contrib.sessions.backends.signed_cookies",
    ) or (
        settings.SESSION_ENGINE.endswith(".cache")
        and settings.CACHES["default"]["BACKEND"].endswith("LocMemCache")
    ):
        meldinger.append(
            Warning(
                "Øktene ligger ikke i en delt lagring: en innlogging gjelder bare én webprosess.",
                id="portefolje.W002",
            )
        )
    return meldinger
