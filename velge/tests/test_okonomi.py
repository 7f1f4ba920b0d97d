"""The line and the optimiser (velge/okonomi.py): against a brute force on small random cases."""

from itertools import combinations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from velge.okonomi import Kandidat, fyll_i_rekkefolge, optimer

AR = (2027, 2028)
DIMS = ("investering", "personmaneder")


def _kostnad(verdier):
    return {
        ar: {d: verdier[i * len(DIMS) + j] for j, d in enumerate(DIMS)} for i, ar in enumerate(AR)
    }


# (score, cost or None for «cost unknown», imposed): about one in four unknown or imposed.
kandidat = st.tuples(
    st.integers(0, 100),
    st.lists(st.integers(0, 20), min_size=4, max_size=4).map(_kostnad),
    st.integers(0, 3).map(lambda n: n == 0),
    st.integers(0, 3).map(lambda n: n == 0),
).map(lambda t: (t[0], None if t[2] else t[1], t[3]))


@st.composite
def tilfelle(draw):
    rader = draw(st.lists(kandidat, min_size=0, max_size=9))
    kandidater = [
        Kandidat(id=i, skar=float(s), kostnad=k, palagt=p) for i, (s, k, p) in enumerate(rader)
    ]
    grenser = {(ar, d): draw(st.none() | st.integers(0, 40)) for ar in AR for d in DIMS}
    return kandidater, grenser


def brute_force(kandidater, grenser):
    """The best total score over every subset that holds the forced notes and fits."""
    tvunget = [k for k in kandidater if k.palagt]
    valgbare = [k for k in kandidater if not k.palagt and not k.ukjent]
    aktive = {n: v for n, v in grenser.items() if v is not None}
    rest = {n: max(0, v - sum(k.bruk(n) for k in tvunget)) for n, v in aktive.items()}
    beste = 0.0
    for r in range(len(valgbare) + 1):
        for sett in combinations(valgbare, r):
            if all(sum(k.bruk(n) for k in sett) <= rest[n] for n in rest):
                beste = max(beste, sum(k.skar for k in sett))
    return beste + sum(k.skar for k in tvunget)


@settings(max_examples=150, deadline=None)
@given(tilfelle())
def test_optimiser_matches_brute_force(data):
    kandidater, grenser = data
    forslag = optimer(kandidater, grenser)
    assert forslag.optimalt
    assert forslag.total_skar == pytest.approx(brute_force(kandidater, grenser))
    # The set it proposes holds every imposed order and fits what is left of each frame.
    valgt = {k.id: k for k in kandidater if k.id in set(forslag.valgt)}
    assert {k.id for k in kandidater if k.palagt} <= set(valgt)
    for n, grense in grenser.items():
        if grense is None:
            continue
        tvunget = sum(k.bruk(n) for k in valgt.values() if k.palagt)
        fritt = sum(k.bruk(n) for k in valgt.values() if not k.palagt)
        assert fritt <= max(0, grense - tvunget)
    # Never a note with unknown cost unless it is forced.
    assert not [k for k in valgt.values() if k.ukjent and not k.palagt]


@settings(max_examples=150, deadline=None)
@given(tilfelle())
def test_cumulative_totals_and_the_line(data):
    kandidater, grenser = data
    fylling = fyll_i_rekkefolge(kandidater, grenser)
    sum_ = {n: 0.0 for n in grenser if grenser[n] is not None}
    sett_strek = False
    for i, rad in enumerate(fylling.rader):
        for n in sum_:
            sum_[n] += rad.kandidat.bruk(n)
            assert rad.kumulativ[n] == sum_[n]
        if fylling.strek_for is not None and i >= fylling.strek_for:
            sett_strek = True
            assert not rad.innenfor or rad.tvunget
        elif not rad.tvunget and not rad.kandidat.ukjent:
            # Above the line every frame the note uses is within its limit.
            assert all(sum_[n] <= grenser[n] for n in sum_ if rad.kandidat.bruk(n) > 0)
    # Forced notes come first and are always inside.
    tvungne = [r.tvunget for r in fylling.rader]
    assert tvungne == sorted(tvungne, reverse=True)
    assert all(r.innenfor for r in fylling.rader if r.tvunget)
    if fylling.strek_for is not None:
        assert sett_strek
        forste = fylling.rader[fylling.strek_for]
        assert any(forste.kumulativ[n] > grenser[n] for n in fylling.tom_for)


def test_imposed_orders_are_forced_in_first_even_over_the_frame():
    kandidater = [
        Kandidat("best", 90.0, {2027: {"investering": 5}}),
        Kandidat("lov", 10.0, {2027: {"investering": 12}}, palagt=True),
        Kandidat("gratis", 50.0, {2027: {"investering": 0}}),
    ]
    grenser = {(2027, "investering"): 10}
    fylling = fyll_i_rekkefolge(kandidater, grenser)
    assert [r.kandidat.id for r in fylling.rader] == ["lov", "best", "gratis"]
    assert fylling.rader[0].tvunget and fylling.rader[0].innenfor
    assert fylling.tvunget_over == [(2027, "investering")]
    assert fylling.strek_for == 1  # «best» needs money that is gone
    forslag = optimer(kandidater, grenser)
    assert forslag.valgt == ["lov", "gratis"]
    assert forslag.tvunget_over == [(2027, "investering")]


def test_cumulative_arithmetic_by_hand():
    kandidater = [
        Kandidat("a", 80.0, {2027: {"investering": 400_000, "drift": 50_000}}),
        Kandidat("b", 70.0, {2027: {"investering": 300_000}, 2028: {"drift": 100_000}}),
        Kandidat("ukjent", 75.0, None),
        Kandidat("c", 60.0, {2027: {"investering": 400_000}}),
        Kandidat("d", 50.0, {2027: {"investering": 200_000}}),
    ]
    grenser = {(2027, "investering"): 1_000_000, (2027, "drift"): None}
    fylling = fyll_i_rekkefolge(kandidater, grenser)
    ids = [r.kandidat.id for r in fylling.rader]
    assert ids == ["a", "ukjent", "b", "c", "d"]
    assert [r.kumulativ[(2027, "investering")] for r in fylling.rader] == [
        400_000,
        400_000,
        700_000,
        1_100_000,
        1_300_000,
    ]
    assert fylling.strek_for == 3 and fylling.tom_for == [(2027, "investering")]
    assert [r.innenfor for r in fylling.rader] == [True, False, True, False, False]
    assert fylling.ukjente == 1
    forslag = optimer(kandidater, grenser)
    # a + b + d = 200 fits (900 000); a + b + c does not; c + a + d = 1 000 000 scores 190.
    assert forslag.valgt == ["a", "b", "d"] and forslag.total_skar == 200
    assert forslag.ukjente == ["ukjent"]
    assert forslag.fortrenger["d"] == ["c"]


def test_forcing_out_and_in():
    kandidater = [
        Kandidat("a", 80.0, {2027: {"investering": 6}}),
        Kandidat("b", 70.0, {2027: {"investering": 6}}),
    ]
    grenser = {(2027, "investering"): 10}
    assert optimer(kandidater, grenser).valgt == ["a"]
    assert optimer(kandidater, grenser, tvunget_inn=["b"]).valgt == ["b"]
    assert optimer(kandidater, grenser, tvunget_ut=["a"]).valgt == ["b"]
    forslag = optimer(kandidater, grenser, tvunget_inn=["a", "b"])
    assert forslag.valgt == ["a", "b"] and forslag.tvunget_over == [(2027, "investering")]
