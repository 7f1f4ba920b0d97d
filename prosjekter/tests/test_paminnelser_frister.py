from datetime import UTC, date, datetime

from prosjekter.paminnelser.frister import legg_til_maneder, neste_rapportfrist


def test_adding_months_keeps_the_day():
    assert legg_til_maneder(date(2026, 3, 15), 1) == date(2026, 4, 15)
    assert legg_til_maneder(date(2026, 11, 15), 3) == date(2027, 2, 15)


def test_adding_months_clamps_to_the_last_day_of_a_short_month():
    assert legg_til_maneder(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert legg_til_maneder(date(2028, 1, 31), 1) == date(2028, 2, 29)
    assert legg_til_maneder(date(2026, 3, 31), -1) == date(2026, 2, 28)


def test_due_date_counts_from_the_last_published_report():
    frist = neste_rapportfrist(
        rapportfrekvens_mnd=2,
        siste_publisert=datetime(2026, 9, 10, 10, tzinfo=UTC),
        startdato=date(2026, 1, 1),
        opprettet=None,
    )
    assert frist == date(2026, 11, 10)


def test_due_date_counts_from_start_date_before_any_report():
    frist = neste_rapportfrist(
        rapportfrekvens_mnd=1, siste_publisert=None, startdato=date(2026, 10, 5), opprettet=None
    )
    assert frist == date(2026, 11, 5)


def test_due_date_counts_from_creation_without_start_date():
    frist = neste_rapportfrist(
        rapportfrekvens_mnd=3,
        siste_publisert=None,
        startdato=None,
        opprettet=datetime(2026, 6, 1, 8, tzinfo=UTC),
    )
    assert frist == date(2026, 9, 1)


def test_no_due_date_when_nothing_is_known():
    assert (
        neste_rapportfrist(
            rapportfrekvens_mnd=1, siste_publisert=None, startdato=None, opprettet=None
        )
        is None
    )
