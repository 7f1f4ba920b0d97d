"""Samle's blocks on the start page: «Mine innspill» and, for the team, new inputs to triage."""

import pytest

from ideer.startside import blokker
from ideer.tests.factories import InnspillFactory

pytestmark = pytest.mark.django_db


def test_employee_sees_own_inputs_only(klient_for, ansatt):
    InnspillFactory(tittel="Min egen idé", innsender=ansatt)
    InnspillFactory(tittel="Noen andres idé")
    innhold = klient_for(ansatt).get("/").content.decode()
    assert "Mine innspill" in innhold and "Min egen idé" in innhold
    assert "Nye innspill til triagering" not in innhold


def test_development_team_sees_new_inputs(klient_for, utvikler):
    InnspillFactory(tittel="Trenger triagering")
    innhold = klient_for(utvikler).get("/").content.decode()
    assert "Nye innspill til triagering" in innhold and "Trenger triagering" in innhold


def test_blocks_make_a_constant_number_of_queries(utvikler, django_assert_num_queries):
    InnspillFactory(innsender=utvikler)
    with django_assert_num_queries(3):  # mine, role check, new ones
        [len(b.oppgaver) for b in blokker(utvikler)]
    for _ in range(10):
        InnspillFactory(innsender=utvikler)
    utvikler.__dict__.pop("_er_utvikler", None)
    with django_assert_num_queries(3):
        [len(b.oppgaver) for b in blokker(utvikler)]
