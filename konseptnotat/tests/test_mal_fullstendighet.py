"""The completeness check reads the template (mal.py) and names what is missing per section."""

import pytest

from konseptnotat.mal import SEKSJONER, mangler_i
from konseptnotat.services import innhold_av

from .factories import KOMPLETT, KonseptnotatFactory


def test_an_empty_note_misses_every_required_field_by_section():
    mangler = mangler_i({})
    forventet = {s.nokkel: list(s.pakrevd) for s in SEKSJONER if s.pakrevd}
    assert mangler == forventet
    assert "avhengigheter" not in mangler  # optional section


def test_a_complete_note_misses_nothing():
    assert mangler_i(dict(KOMPLETT)) == {}


def test_blank_text_is_missing_but_zero_cost_is_an_answer():
    innhold = dict(KOMPLETT, risiko="   \n ", investering=0, arlig_driftskostnad="0")
    assert mangler_i(innhold) == {"risiko": ["risiko"]}


def test_missing_costs_are_named_field_by_field():
    innhold = dict(KOMPLETT, investering=None, interne_timer=None)
    assert mangler_i(innhold) == {"kostnader": ["investering", "interne_timer"]}


@pytest.mark.django_db
def test_the_check_works_on_a_saved_notes_snapshot():
    notat = KonseptnotatFactory(komplett=True, mal="")
    assert mangler_i(innhold_av(notat)) == {"mal": ["mal"]}
