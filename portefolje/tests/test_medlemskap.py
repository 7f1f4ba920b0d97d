import pytest
from django.db import IntegrityError

from portefolje import permissions
from portefolje.models import Medlemskap, Rolle


def test_roles_decide_what_a_person_may_do(leder, medlem, sekretaer, ansatt, portefolje):
    assert permissions.er_leder(leder, portefolje)
    assert not permissions.er_leder(medlem, portefolje)
    assert permissions.kan_vurdere(leder, portefolje)
    assert permissions.kan_vurdere(medlem, portefolje)
    assert not permissions.kan_vurdere(sekretaer, portefolje)
    assert permissions.kan_redigere_agenda(sekretaer, portefolje)
    assert not permissions.kan_redigere_agenda(medlem, portefolje)
    assert not permissions.er_medlem(ansatt, portefolje)


def test_membership_in_one_portfolio_gives_nothing_in_another(leder, klg):
    assert not permissions.er_medlem(leder, klg)


def test_development_team_is_a_group(utvikler, ansatt):
    assert permissions.er_utvikler(utvikler)
    assert not permissions.er_utvikler(ansatt)


def test_anonymous_has_no_role(portefolje, django_user_model):
    from django.contrib.auth.models import AnonymousUser

    assert not permissions.er_medlem(AnonymousUser(), portefolje)
    assert not permissions.er_utvikler(AnonymousUser())


@pytest.mark.django_db
def test_a_portfolio_has_one_chair(leder, portefolje, lag_bruker):
    with pytest.raises(IntegrityError):
        Medlemskap.objects.create(portefolje=portefolje, bruker=lag_bruker("to"), rolle=Rolle.LEDER)


@pytest.mark.django_db
def test_a_person_has_one_membership_per_portfolio(medlem, portefolje):
    with pytest.raises(IntegrityError):
        Medlemskap.objects.create(portefolje=portefolje, bruker=medlem, rolle=Rolle.SEKRETAER)


def test_chair_is_read_from_the_membership(leder, medlem, portefolje):
    assert portefolje.leder == leder
