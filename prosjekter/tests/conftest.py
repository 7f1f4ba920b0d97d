import pytest

from prosjekter.tests.factories import ProsjektFactory


@pytest.fixture(autouse=True)
def rask_passordhashing(settings):
    """Test users need no strong hashes; the default one costs seconds per user here."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def prosjektleder(lag_bruker):
    return lag_bruker("prosjektleder")


@pytest.fixture
def prosjekteier(lag_bruker):
    return lag_bruker("prosjekteier")


@pytest.fixture
def prosjekt(portefolje, prosjektleder, prosjekteier, leder, medlem):
    """An active project in «Helse og omsorg», with a chair and a member in its portfolio."""
    return ProsjektFactory(
        portefolje=portefolje,
        prosjektleder=prosjektleder,
        prosjekteier=prosjekteier,
        tittel="Velferdsteknologi i hjemmetjenesten",
        budsjett=1_500_000,
    )
