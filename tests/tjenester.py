"""The real services a test run has: PostgreSQL, Redis and the programs some tests start.

A test that needs one says so with a marker, and the root conftest.py decides what a missing one
means: on a developer's machine the test is skipped with this module's reason and listed at the
end of the run; in CI (CI=true) the test fails, because there every promise must be tested.

    @pytest.mark.postgres                              the test database is PostgreSQL
    @pytest.mark.postgres(programmer=("pg_dump",))     ... and these client programs are on PATH
    @pytest.mark.redis                                 CELERY_BROKER_URL is a Redis that answers
    @pytest.mark.redis(url=...)                        this Redis answers
"""

import functools
import shutil
from urllib.parse import urlsplit

from django.conf import settings

from portefolje.env import env_bool


def i_ci() -> bool:
    """CI=true: every test must run, so a missing service fails the run instead of skipping."""
    return env_bool("CI", False)


def vis_url(url: str) -> str:
    """A service URL without its password, for the run's header and messages."""
    deler = urlsplit(url)
    vert = deler.hostname or ""
    port = f":{deler.port}" if deler.port else ""
    return f"{deler.scheme}://{vert}{port}{deler.path}"


def broker_url() -> str:
    return settings.CELERY_BROKER_URL


@functools.cache
def redis_svarer(url: str) -> bool:
    if not url.startswith(("redis://", "rediss://")):
        return False
    import redis

    try:
        redis.Redis.from_url(url, socket_connect_timeout=1, socket_timeout=2).ping()
    except redis.RedisError:
        return False
    return True


def postgres_mangler(programmer=()) -> str | None:
    if not settings.IS_POSTGRES:
        return "PostgreSQL (DATABASE_URL peker ikke på PostgreSQL, men SQLite)"
    borte = [p for p in programmer if not shutil.which(p)]
    if borte:
        return f"PostgreSQL-programmene {', '.join(borte)} (finnes ikke på PATH)"
    return None


def redis_mangler(url: str | None = None) -> str | None:
    if url is None:
        url = broker_url()
        if not url.startswith(("redis://", "rediss://")):
            return f"Redis (CELERY_BROKER_URL er {vis_url(url)}, ikke redis://…)"
    if not redis_svarer(url):
        return f"Redis (svarer ikke på {vis_url(url)})"
    return None


def mangler_for(item) -> list[str]:
    """What the test `item` needs and this run does not have, each with why («Redis (…)»)."""
    mangler = []
    if (merke := item.get_closest_marker("postgres")) is not None:
        mangler.append(postgres_mangler(merke.kwargs.get("programmer", ())))
    if (merke := item.get_closest_marker("redis")) is not None:
        mangler.append(redis_mangler(merke.kwargs.get("url")))
    return [m for m in mangler if m]


def beskriv_database() -> str:
    db = settings.DATABASES["default"]
    if settings.IS_POSTGRES:
        vert = f"{db.get('HOST') or 'localhost'}:{db.get('PORT') or 5432}"
        return (
            f"PostgreSQL på {vert}; hver testprosess får en kopi av malen test_{db['NAME']}_mal "
            "(migreres bare når en migrering er endret)"
        )
    return (
        "SQLite i minnet, kopiert fra malen i .run/testdatabase/ (tester merket postgres kjører "
        "ikke; CI bruker PostgreSQL)"
    )


def beskriv_redis() -> str:
    url = broker_url()
    if not url.startswith(("redis://", "rediss://")):
        return f"ingen (CELERY_BROKER_URL er {vis_url(url)}; tester merket redis kjører ikke)"
    if redis_svarer(url):
        return f"{vis_url(url)} svarer"
    return f"{vis_url(url)} svarer IKKE (tester merket redis kjører ikke)"


def rapporthode() -> list[str]:
    linjer = [f"Database: {beskriv_database()}", f"Redis: {beskriv_redis()}"]
    if i_ci():
        linjer.append("CI=true: en test som hoppes over, feiler kjøringen")
    return linjer
