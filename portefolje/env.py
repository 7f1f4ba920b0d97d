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
