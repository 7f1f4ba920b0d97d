import pytest

from prosjekter.tests.factories import ProsjektFactory


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
