import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def tom_cache():
    """The public form's rate limit lives in the cache; each test starts with none used."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def media_i_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
