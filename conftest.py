"""Fixtures shared by every app's tests: one fixed user per role, and the organisation."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from portefolje.models import Medlemskap, Portefolje, Rolle, Seksjon
from portefolje.models.organisasjon import KLG_SLUG, UTVIKLINGSTEAM_GRUPPE


def pytest_configure(config):
    """Compile the message files first, so tests always see the current Norwegian texts."""
    if hasattr(config, "workerinput"):
        return  # an xdist worker: the controller has compiled them already
    from django.core.management import call_command

    call_command("compilemessages", ignore_patterns=[".venv", "node_modules"], verbosity=0)


@pytest.fixture(autouse=True)
def rask_passordhashing(settings):
    """Real hashing costs seconds per user on a small machine; tests check behaviour, not PBKDF2."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def lag_bruker(db):
    def lag(brukernavn, **extra):
        return get_user_model().objects.create_user(
            username=brukernavn, password="hemmelig-123", email=f"{brukernavn}@example.no", **extra
        )

    return lag


@pytest.fixture
def seksjon(db):
    return Seksjon.objects.create(navn="Helse og omsorg", slug="helse-og-omsorg")


@pytest.fixture
def klg(db):
    # get_or_create: a transactional test's flush removes what the data migration made.
    return Portefolje.objects.get_or_create(
        slug=KLG_SLUG, defaults={"navn": "Kommunedirektørens ledergruppe (KLG)"}
    )[0]


@pytest.fixture
def portefolje(db, seksjon, klg):
    """A section's portfolio under KLG, with no members yet."""
    return Portefolje.objects.create(
        navn="Ledergruppe helse og omsorg", slug="helse-og-omsorg", seksjon=seksjon, forelder=klg
    )


@pytest.fixture
def ansatt(lag_bruker):
    """An employee with no special role: the «outsider» of most permission tests."""
    return lag_bruker("ansatt")


@pytest.fixture
def utvikler(lag_bruker):
    bruker = lag_bruker("utvikler")
    bruker.groups.add(Group.objects.get_or_create(name=UTVIKLINGSTEAM_GRUPPE)[0])
    return bruker


@pytest.fixture
def leder(lag_bruker, portefolje):
    """The chair of `portefolje`."""
    bruker = lag_bruker("leder")
    Medlemskap.objects.create(portefolje=portefolje, bruker=bruker, rolle=Rolle.LEDER)
    return bruker


@pytest.fixture
def medlem(lag_bruker, portefolje):
    bruker = lag_bruker("medlem")
    Medlemskap.objects.create(portefolje=portefolje, bruker=bruker, rolle=Rolle.MEDLEM)
    return bruker


@pytest.fixture
def sekretaer(lag_bruker, portefolje):
    bruker = lag_bruker("sekretaer")
    Medlemskap.objects.create(portefolje=portefolje, bruker=bruker, rolle=Rolle.SEKRETAER)
    return bruker


@pytest.fixture
def klient_for(client):
    """Log a user in on the test client: `klient_for(bruker).get(...)`."""

    def logg_inn(bruker):
        client.force_login(bruker)
        return client

    return logg_inn
