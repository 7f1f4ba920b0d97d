"""The arithmetic of weighted totals, spread, ranking and sensitivity (pure functions)."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from velge import beregning


def test_all_fives_is_100_and_all_ones_is_0():
    vekter = {"a": 2, "b": 1}
    assert beregning.vektet_score({"a": 5, "b": 5}, vekter) == 100
    assert beregning.vektet_score({"a": 1, "b": 1}, vekter) == 0


def test_each_mean_is_mapped_to_0_1_and_weighted_by_its_share():
    # a: (4-1)/4 = 0.75 with share 3/4; b: (2-1)/4 = 0.25 with share 1/4 -> 0.625
    assert beregning.vektet_score({"a": 4, "b": 2}, {"a": 3, "b": 1}) == pytest.approx(62.5)


def test_means_need_not_be_whole_numbers():
    assert beregning.vektet_score({"a": 3.5}, {"a": 1}) == pytest.approx(62.5)


def test_unscored_criterion_is_left_out_and_the_others_fill_its_share():
    assert beregning.vektet_score({"a": 5, "b": None}, {"a": 1, "b": 1}) == 100
    assert beregning.vektet_score({}, {"a": 1}) is None


def test_weights_summing_to_zero_are_refused():
    with pytest.raises(beregning.VektFeil):
        beregning.vektet_score({"a": 3}, {"a": 0, "b": 0})
    with pytest.raises(beregning.VektFeil):
        beregning.vektandeler({"a": 0})


def test_shares_of_the_total():
    assert beregning.vektandeler({"a": 3, "b": 1}) == {"a": 0.75, "b": 0.25}


def test_spread_and_disagreement_from_two_points():
    assert beregning.spredning([3, 4, 2]) == 2
    assert beregning.spredning([]) is None
    assert beregning.er_uenighet(2)
    assert not beregning.er_uenighet(1)
    assert not beregning.er_uenighet(None)


def test_ranking_shares_places_on_equal_scores_and_skips_unscored():
    assert beregning.rangering({"a": 80, "b": 60, "c": 80, "d": None, "e": 10}) == {
        "a": 1,
        "c": 1,
        "b": 3,
        "e": 4,
    }


def test_a_clear_leader_is_firm_under_every_weight_change():
    snitt = {"topp": {"x": 5, "y": 5}, "bunn": {"x": 1, "y": 1}}
    resultat = beregning.sensitivitet(snitt, {"x": 1, "y": 1})
    assert list(resultat) == ["topp", "bunn"]
    assert resultat["topp"].fast and resultat["bunn"].fast


def test_notes_that_swap_place_when_a_weight_moves_20_percent_are_not_firm():
    # a is strong on x, b on y. Equal weights: a = (0.75*1 + 0.5*1)/2 = 62.5; b = (0.5 + 0.8125)/2
    # = 65.6, so b leads. With x's weight +20 %: a = (0.9 + 0.5)/2.2 = 63.6, b = (0.6 + 0.8125)/2.2
    # = 64.2, b still leads. With y's weight −20 %: a = (0.75 + 0.4)/1.8 = 63.9, b = (0.5 + 0.65)
    # /1.8 = 63.9 -> equal: both share place 1, so a moves from 2 to 1.
    snitt = {"a": {"x": 4, "y": 3}, "b": {"x": 3, "y": 4.25}}
    resultat = beregning.sensitivitet(snitt, {"x": 1.0, "y": 1.0})
    assert resultat["b"].plass == 1 and resultat["a"].plass == 2
    assert not resultat["a"].fast
    endring = resultat["a"].endringer[0]
    assert (endring.kriterium, endring.prosent, endring.plass) == ("y", -20, 1)
    assert resultat["a"].beste_plass == 1 and resultat["a"].verste_plass == 2
    assert resultat["b"].fast  # sharing place 1 is still place 1


def test_sensitivity_finds_a_swap_from_a_weight_increase():
    # Equal weights: a = (1.0 + 0)/2 = 50, b = (0.5 + 0.5)/2 = 50 -> would tie; give b a little
    # more: b leads at 51.25. Raising x by 20 % favours a (60/...); a passes b.
    snitt = {"a": {"x": 5, "y": 1}, "b": {"x": 3, "y": 3.1}}
    grunn = beregning.sensitivitet(snitt, {"x": 1.0, "y": 1.0})
    assert grunn["b"].plass == 1
    assert any(e.kriterium == "x" and e.prosent == 20 for e in grunn["a"].endringer)
    assert any(e.kriterium == "y" and e.prosent == -20 for e in grunn["b"].endringer)


@settings(max_examples=300, deadline=None)
@given(
    snitt=st.dictionaries(
        st.integers(0, 30),
        st.fixed_dictionaries(
            {
                k: st.one_of(st.none(), st.sampled_from([1, 1.5, 2, 2.25, 3, 3.5, 4, 5]))
                for k in "xyz"
            }
        ),
        max_size=12,
    ),
    vekter=st.fixed_dictionaries({k: st.integers(0, 10) for k in "xyz"}).filter(
        lambda v: sum(v.values()) > 0
    ),
)
def test_sensitivity_equals_ranking_anew_with_each_weight_moved(snitt, vekter):
    """The fast path (one sum per note, two additions per move) must give exactly the places
    that recomputing every weighted total with the moved weights gives."""
    resultat = beregning.sensitivitet(snitt, vekter)
    grunn = beregning.rangering({n: beregning.vektet_score(s, vekter) for n, s in snitt.items()})
    assert {n: p.plass for n, p in resultat.items()} == grunn
    forventet = {n: [] for n in grunn}
    for kriterium, vekt in vekter.items():
        for faktor in (0.8, 1.2):
            flyttet = {**vekter, kriterium: vekt * faktor}
            if sum(flyttet.values()) <= 0:
                continue
            nye = beregning.rangering(
                {n: beregning.vektet_score(s, flyttet) for n, s in snitt.items()}
            )
            for n, plass in nye.items():
                if plass != grunn[n]:
                    forventet[n].append((kriterium, round((faktor - 1) * 100), plass))
    assert {
        n: [(e.kriterium, e.prosent, e.plass) for e in p.endringer] for n, p in resultat.items()
    } == forventet
