"""The pure arithmetic: realisation, overbooking, the risk matrix and the start plan."""

from datetime import date
from decimal import Decimal

from prosjekter import beregning
from prosjekter.beregning import Kandidat, Last


def test_realisation_of_a_rising_indicator():
    # From 20 to 60 users; 50 measured is 75 % of the way.
    assert beregning.realisering(nullpunkt=20, malverdi=60, malt=50) == Decimal("0.75")


def test_realisation_of_a_falling_indicator():
    # Waiting time from 100 down to 60 hours; 80 measured is halfway, 110 is backwards.
    assert beregning.realisering(nullpunkt=100, malverdi=60, malt=80) == Decimal("0.5")
    assert beregning.realisering(nullpunkt=100, malverdi=60, malt=60) == Decimal("1")
    assert beregning.realisering(nullpunkt=100, malverdi=60, malt=110) == Decimal("-0.25")


def test_realisation_beyond_the_target_is_above_one():
    assert beregning.realisering(nullpunkt=0, malverdi=10, malt=15) == Decimal("1.5")


def test_realisation_when_target_equals_baseline_is_none_not_a_crash():
    assert beregning.realisering(nullpunkt=5, malverdi=5, malt=7) is None


def test_realisation_without_a_measurement_is_none():
    assert beregning.realisering(nullpunkt=5, malverdi=10, malt=None) is None


def test_overbooking_is_flagged_in_the_weeks_where_the_sum_exceeds_100():
    laster = [
        Last("pia", 60, date(2026, 11, 2), date(2026, 11, 29)),  # weeks 45–48
        Last("pia", 50, date(2026, 11, 16), date(2026, 12, 13)),  # weeks 47–50
        Last("ola", 100, date(2026, 11, 2), date(2026, 12, 31)),
    ]
    over = beregning.overbookede_uker(laster)
    assert over == {"pia": [(2026, 47, 110), (2026, 48, 110)]}


def test_exactly_100_percent_is_not_overbooked():
    laster = [
        Last("pia", 40, date(2026, 11, 2), date(2026, 11, 8)),
        Last("pia", 60, date(2026, 11, 2), date(2026, 11, 8)),
    ]
    assert beregning.overbookede_uker(laster) == {}


def test_iso_weeks_cross_the_new_year():
    assert beregning.iso_uker(date(2026, 12, 28), date(2027, 1, 10)) == [
        (2026, 53),
        (2027, 1),
    ]


def test_risk_matrix_counts_per_cell_and_names_the_level():
    matrise = beregning.risikomatrise([(5, 5), (5, 5), (1, 1), (3, 4)])
    assert len(matrise) == 5 and all(len(rad) == 5 for rad in matrise)
    topp_hoyre = matrise[0][4]
    assert (topp_hoyre["sannsynlighet"], topp_hoyre["konsekvens"]) == (5, 5)
    assert topp_hoyre["antall"] == 2 and topp_hoyre["niva"] == "hoy" and topp_hoyre["faktor"] == 25
    nederst_venstre = matrise[4][0]
    assert nederst_venstre["antall"] == 1 and nederst_venstre["niva"] == "lav"
    assert matrise[2][3]["antall"] == 1 and matrise[2][3]["niva"] == "middels"  # 3 × 4 = 12
    assert sum(c["antall"] for rad in matrise for c in rad) == 4


def _kapasitet(prosent, fra=date(2027, 1, 1), n=24):
    return {beregning.add_maneder(fra, i): prosent for i in range(n)}


def test_start_plan_starts_each_project_as_early_as_capacity_allows():
    plan = beregning.foresla_start(
        kandidater=[Kandidat(1, [100, 100]), Kandidat(2, [100, 100]), Kandidat(3, [50])],
        kapasitet=_kapasitet(150),
        allerede_brukt={},
        forste_maned=date(2027, 1, 1),
    )
    starter = {f.id: f.start for f in plan.forslag}
    # 1 takes Jan–Feb; 2 does not fit beside it (200 > 150) and waits to March; 3 fits in Jan.
    assert starter == {1: date(2027, 1, 1), 2: date(2027, 3, 1), 3: date(2027, 1, 1)}
    assert max(plan.bruk.values()) <= 150


def test_start_plan_counts_what_running_projects_use():
    plan = beregning.foresla_start(
        kandidater=[Kandidat(1, [100])],
        kapasitet=_kapasitet(200),
        allerede_brukt={date(2027, 1, 1): 150, date(2027, 2, 1): 150},
        forste_maned=date(2027, 1, 1),
    )
    assert plan.forslag[0].start == date(2027, 3, 1)


def test_start_plan_keeps_the_chairs_decision_and_plans_around_it():
    plan = beregning.foresla_start(
        kandidater=[
            Kandidat(1, [100, 100]),
            Kandidat(2, [100], fast_start=date(2027, 1, 1)),
        ],
        kapasitet=_kapasitet(100),
        allerede_brukt={},
        forste_maned=date(2027, 1, 1),
    )
    forslag = {f.id: f for f in plan.forslag}
    assert forslag[2].fast and forslag[2].start == date(2027, 1, 1)
    assert forslag[1].start == date(2027, 2, 1)


def test_start_plan_says_when_a_project_cannot_fit():
    plan = beregning.foresla_start(
        kandidater=[Kandidat(1, [300])],
        kapasitet=_kapasitet(200),
        allerede_brukt={},
        forste_maned=date(2027, 1, 1),
        horisont=12,
    )
    assert plan.forslag[0].start is None and plan.forslag[0].merknad == "passer_ikke"


def test_start_plan_keeps_the_priority_order():
    plan = beregning.foresla_start(
        kandidater=[Kandidat(7, [100]), Kandidat(3, [100])],
        kapasitet=_kapasitet(100),
        allerede_brukt={},
        forste_maned=date(2027, 1, 1),
    )
    assert [(f.id, f.start) for f in plan.forslag] == [
        (7, date(2027, 1, 1)),
        (3, date(2027, 2, 1)),
    ]
