"""Which portfolio: the section's own, or KLG when several sections or large costs are involved."""

from dataclasses import dataclass
from decimal import Decimal

import pytest

from konseptnotat.portefoljevalg import foreslag, foreslag_for

from .factories import KonseptnotatFactory


@dataclass
class P:
    navn: str
    kostnadsterskel: Decimal = Decimal("2000000")

    def __str__(self):
        return self.navn


HELSE, KLG = P("Helse og omsorg"), P("KLG")


def _forslag(**kw):
    args = {
        "seksjonens_portefolje": HELSE,
        "klg": KLG,
        "berorte_seksjoner": {1},
        "investering": Decimal("500000"),
        "arlig_driftskostnad": Decimal("100000"),
    } | kw
    return foreslag(**args)


def test_one_section_within_threshold_stays_in_the_section():
    f = _forslag()
    assert f.portefolje is HELSE and not f.til_klg and f.grunner == ()


def test_two_sections_go_to_klg_with_the_reason():
    f = _forslag(berorte_seksjoner={1, 2})
    assert f.portefolje is KLG and f.til_klg
    assert "2" in f.grunner[0]


def test_cost_above_threshold_goes_to_klg():
    f = _forslag(investering=Decimal("1900000"), arlig_driftskostnad=Decimal("100001"))
    assert f.til_klg and len(f.grunner) == 1
    assert "2\u00a0000\u00a0001" in f.grunner[0]


def test_cost_exactly_at_threshold_stays():
    f = _forslag(investering=Decimal("1900000"), arlig_driftskostnad=Decimal("100000"))
    assert not f.til_klg


def test_missing_costs_count_as_zero():
    assert not _forslag(investering=None, arlig_driftskostnad=None).til_klg


def test_no_section_portfolio_goes_to_klg():
    f = _forslag(seksjonens_portefolje=None)
    assert f.portefolje is KLG and f.til_klg


def test_both_reasons_are_given():
    f = _forslag(berorte_seksjoner={1, 2, 3}, investering=Decimal("9000000"))
    assert len(f.grunner) == 2


@pytest.mark.django_db
def test_a_saved_note_counts_its_own_section_among_those_affected(portefolje, klg, seksjon):
    from portefolje.models import Seksjon

    annen = Seksjon.objects.create(navn="Oppvekst og kultur", slug="oppvekst-og-kultur")
    notat = KonseptnotatFactory(seksjon=seksjon, investering=100, arlig_driftskostnad=100)
    assert foreslag_for(notat).portefolje == portefolje
    notat.berorte_seksjoner.add(seksjon)
    assert foreslag_for(notat).portefolje == portefolje
    notat.berorte_seksjoner.add(annen)
    assert foreslag_for(notat).portefolje == klg
