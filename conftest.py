"""Fixtures shared by every app's tests: one fixed user per role, and the organisation.

Also the run's policy for real services (tests/tjenester.py): a test marked `postgres` or `redis`
runs against the configured service; when the service is missing it is skipped with the reason
and listed at the end, except in CI (CI=true), where it fails and so does the run.
"""

import uuid

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.utils import translation
from hypothesis import settings as hypotese

from portefolje import hurtigbuffer
from portefolje.models import Medlemskap, Portefolje, Rolle, Seksjon
from portefolje.models.organisasjon import KLG_SLUG, UTVIKLINGSTEAM_GRUPPE
from tests import testdatabase, tjenester

# Hypothesis: no deadline anywhere (a shared two-core machine's timing is no property of the code).
# «rask» is the loop's profile (`make test-fast`): fewer examples where a test leaves the number to
# the profile.
hypotese.register_profile("standard", deadline=None)
hypotese.register_profile("rask", parent=hypotese.get_profile("standard"), max_examples=20)
hypotese.load_profile("standard")


def pytest_configure(config):
    """Compile the message files first, so tests always see the current Norwegian texts."""
    if hasattr(config, "workerinput"):
        return  # an xdist worker: the controller has compiled them already
    from django.core.management import call_command

    call_command("compilemessages", ignore_patterns=[".venv", "node_modules"], verbosity=0)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """Order the run for two processes finishing together (`make test`: -n 2 --dist loadgroup).

    The longest tests go first (marker `slow`, then the browser journeys), so that neither
    process is left with a walk of several minutes while the other has nothing to do. A module
    of tests that start processes is one group, run by one process, so that what it starts
    once per module is started once.
    """
    if config.pluginmanager.hasplugin("xdist"):
        for item in items:
            if item.get_closest_marker("subprocess"):
                item.add_marker(pytest.mark.xdist_group(item.module.__name__))

    def rang(item) -> tuple[bool, bool]:
        # A slow browser test (the scan of every page) is the longest of all.
        return (not item.get_closest_marker("slow"), not item.get_closest_marker("browser"))

    items.sort(key=rang)


def pytest_report_header(config):
    return tjenester.rapporthode()


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    mangler = tjenester.mangler_for(item)
    if not mangler:
        return
    hva = " og ".join(mangler)
    if tjenester.i_ci():
        pytest.fail(
            f"CI=true, og testen trenger {hva}: i CI skal alle tester kjøre.", pytrace=False
        )
    pytest.skip(f"Mangler {hva}")


def _hoppet_over(terminalreporter) -> list:
    return [r for r in terminalreporter.stats.get("skipped", []) if not hasattr(r, "wasxfail")]


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    """Say which tests did not run and why (for a test marked postgres/redis: what was missing)."""
    grupper: dict[str, list[str]] = {}
    for rapport in _hoppet_over(terminalreporter):
        lang = rapport.longrepr
        grunn = lang[2] if isinstance(lang, tuple) else str(lang)
        grupper.setdefault(grunn.removeprefix("Skipped: "), []).append(rapport.nodeid)
    if not grupper:
        return
    terminalreporter.section("Tester som ikke kjørte", sep="=", yellow=True, bold=True)
    for grunn, tester in sorted(grupper.items()):
        terminalreporter.write_line(f"{len(tester)} test(er): {grunn}")
        for nodeid in sorted(tester):
            terminalreporter.write_line(f"    {nodeid}")
    if tjenester.i_ci():
        terminalreporter.write_line(
            "CI=true: ingen test får hoppes over, så kjøringen feiler.", red=True, bold=True
        )


def pytest_sessionfinish(session, exitstatus):
    """In CI a skipped test fails the run: the promises it tests would go untested."""
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if tjenester.i_ci() and reporter is not None and _hoppet_over(reporter) and exitstatus == 0:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.fixture(scope="session")
def django_db_setup(
    request,
    django_test_environment,
    django_db_blocker,
    django_db_keepdb,
    django_db_createdb,
    django_db_modify_db_settings,
):
    """The test databases cloned from a template migrated once (tests/testdatabase.py), in place
    of pytest-django's migrating each process's database from empty."""
    verbosity = request.config.option.verbose
    serialiser = any(_vil_ha_serialisering(item) for item in request.session.items)
    with django_db_blocker.unblock():
        gamle = testdatabase.klargjor(
            verbosity=verbosity,
            keepdb=django_db_keepdb and not django_db_createdb,
            bygg_ny=django_db_createdb,
            serialiser=serialiser,
            # xdist gives every process of one run the same id; a run without xdist is one process.
            kjoring=getattr(request.config, "workerinput", {}).get("testrunuid", uuid.uuid4().hex),
        )
    yield
    with django_db_blocker.unblock():
        testdatabase.rydd(gamle, verbosity=verbosity, keepdb=django_db_keepdb)


def _vil_ha_serialisering(item) -> bool:
    merke = item.get_closest_marker("django_db")
    return bool(merke and merke.kwargs.get("serialized_rollback")) or (
        "django_db_serialized_rollback" in getattr(item, "fixturenames", ())
    )


@pytest.fixture(autouse=True)
def kommunens_malform():
    """Each test starts and ends in the municipality's language: a test that switched to nynorsk
    in-process must not leave the next test in the same process reading nynorsk messages."""
    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def tom_hurtigbuffer():
    """Each test starts with an empty cache (the tests' own, in-process: CACHE_URL=locmem://) and
    a new data version (portefolje.hurtigbuffer): a result cached by an earlier test, whose rows
    were rolled back or restored under the same ids, is never read, and the rate limits (the
    public form's posts per address, login attempts) do not count an earlier test's requests."""
    cache.clear()
    hurtigbuffer.ny_versjon()


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
