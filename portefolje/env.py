"""Strict readers for settings that come from the environment.

Each reader names the variable in its error, so a typo in a deployment fails at start-up with a
message an operator can act on, instead of a silently wrong default.
"""

import os

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on", "ja"}
_FALSE = {"0", "false", "no", "off", "nei", ""}


def _raw(name: str) -> str | None:
    value = os.environ.get(name)
    return None if value is None else value.strip()


def env_str(name: str, default: str | None = None, *, required: bool = False) -> str | None:
    value = _raw(name)
    if value:
        return value
    if required:
        raise ImproperlyConfigured(f"Miljøvariabelen {name} må være satt.")
    return default


def env_bool(name: str, default: bool) -> bool:
    value = _raw(name)
    if value is None:
        return default
    if value.lower() in _TRUE:
        return True
    if value.lower() in _FALSE:
        return False
    raise ImproperlyConfigured(
        f"Miljøvariabelen {name}={value!r} er ikke en gyldig sannhetsverdi (bruk true/false)."
    )


def env_int(name: str, default: int) -> int:
    value = _raw(name)
    if not value:
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(
            f"Miljøvariabelen {name}={value!r} er ikke et heltall."
        ) from None


def env_list(name: str, default: list[str]) -> list[str]:
    value = _raw(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def env_database(name: str, default: str) -> dict:
    value = _raw(name) or default
    try:
        config = dj_database_url.parse(value, conn_max_age=60, conn_health_checks=True)
    except ValueError as exc:
        raise ImproperlyConfigured(
            f"Miljøvariabelen {name} er ikke en gyldig database-URL: {exc}"
        ) from exc
    if not config.get("ENGINE"):
        raise ImproperlyConfigured(f"Miljøvariabelen {name} har et ukjent databaseskjema.")
    return config


def cache_config(
    *, cache_url: str | None, broker_url: str | None, debug: bool, key_prefix: str = "portal"
) -> dict:
    """The default cache, which holds the rate limits (public form, password reset).

    `CACHE_URL` wins: `redis://…` for Redis, `locmem://` for one process's memory (tests).
    Without it, production (DEBUG off) shares the broker's Redis when the broker is Redis, so
    several web processes count against the same limits; otherwise process memory.
    """
    url = cache_url or (broker_url if not debug else None) or ""
    if url.startswith(("redis://", "rediss://", "unix://")):
        return {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": key_prefix,
            # A Redis that does not answer costs a request a second, not the operating system's
            # minutes: the rate limits then count per process (portefolje.klient).
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 2},
        }
    if url and not url.startswith("locmem://") and url == cache_url:
        raise ImproperlyConfigured(
            f"Miljøvariabelen CACHE_URL={url!r} støttes ikke (bruk redis://… eller locmem://)."
        )
    return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
