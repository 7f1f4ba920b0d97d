import pytest

from offentlig.tests.data import lag_kjede


@pytest.fixture
def kjede(portefolje, klg, leder, seksjon):
    """One citizen's idea followed to a project with a measured benefit (offentlig.tests.data)."""
    return lag_kjede(portefolje=portefolje, klg=klg, leder=leder, seksjon=seksjon)
