"""The demo notes: every state, with versions and comments (the permission walk is tests/)."""

import pytest

from konseptnotat.models import Kommentar, Konseptnotat, KonseptnotatVersjon, Status
from tests.demodata import demo_data_lag


@pytest.fixture
def demo(db):
    # The command's content, put back from the process's snapshot (tests/demodata.py).
    demo_data_lag()


def test_demo_has_notes_in_every_state_with_versions_and_comments(demo):
    statuser = set(Konseptnotat.objects.values_list("status", flat=True))
    assert statuser == set(Status.values)
    assert Konseptnotat.objects.count() >= 15
    klare = Konseptnotat.objects.filter(status=Status.KLAR)
    assert klare.filter(portefolje__slug="klg").exists()
    assert klare.filter(portefolje__slug="helse-og-omsorg").exists()
    assert KonseptnotatVersjon.objects.filter(frosset=True).exists()
    assert Kommentar.objects.exists()
    assert Konseptnotat.objects.filter(innspill__isnull=False).exists()
    assert Konseptnotat.objects.filter(eier__username="initiativtaker").count() >= 8
