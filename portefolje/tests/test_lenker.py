"""The core's link places: a phase registers the page that shows a core object."""

import pytest

from portefolje import lenker
from portefolje.models import Seksjon


def test_a_portfolio_links_to_the_page_its_phase_registered(portefolje):
    assert portefolje.get_absolute_url() == f"/portefoljer/{portefolje.slug}/"


def test_an_object_no_app_has_registered_a_page_for_fails_loudly():
    with pytest.raises(LookupError, match="Seksjon"):
        lenker.adresse_for(Seksjon(navn="Kultur", slug="kultur"))
