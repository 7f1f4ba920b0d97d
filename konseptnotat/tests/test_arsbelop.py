"""Costs per year in the concept note: the form, the page, the version and bad input."""

import datetime

import pytest
from django.urls import reverse

from konseptnotat import arsbelop
from konseptnotat.diff import seksjonsdiff

from .factories import KonseptnotatFactory
from .test_rediger import _skjema

pytestmark = pytest.mark.django_db


def test_the_years_start_from_the_next_budget_year():
    """In December 2026 the 2027 budget is being adopted: a new note plans from 2027."""
    assert arsbelop.planar(datetime.date(2026, 12, 7)) == [2027, 2028, 2029, 2030]
    assert arsbelop.planar(datetime.date(2027, 1, 4))[0] == 2028


def test_the_form_asks_for_the_plan_years(client):
    notat = KonseptnotatFactory()
    client.force_login(notat.eier)
    side = client.get(reverse("konseptnotat:rediger", args=[notat.pk])).content.decode()
    for ar in arsbelop.planar():
        assert f'name="arsbelop_{ar}_investering"' in side
    assert f'name="arsbelop_{datetime.date.today().year}_investering"' not in side


def test_costs_per_year_are_saved_shown_versioned_and_diffed(client):
    notat = KonseptnotatFactory()
    client.force_login(notat.eier)
    ar = arsbelop.planar()
    url = reverse("konseptnotat:rediger", kwargs={"pk": notat.pk})
    svar = client.post(
        url,
        _skjema(
            notat,
            **{
                f"arsbelop_{ar[1]}_investering": "1 500 000",
                f"arsbelop_{ar[1]}_drift": "",
                f"arsbelop_{ar[1]}_personmaneder": "2,5",
                f"arsbelop_{ar[2]}_drift": "200000",
            },
        ),
    )
    assert svar.status_code == 302
    notat.refresh_from_db()
    assert notat.arsbelop == [
        {"ar": ar[1], "investering": 1_500_000, "drift": 0, "personmaneder": 2.5},
        {"ar": ar[2], "investering": 0, "drift": 200_000, "personmaneder": 0},
    ]
    versjon = notat.versjoner.get(nummer=notat.versjon)
    assert versjon.innhold["arsbelop"] == notat.arsbelop
    side = client.get(notat.get_absolute_url()).content.decode()
    assert f"{ar[1]}: investering 1\u00a0500\u00a0000\u00a0kr" in side
    endret = dict(versjon.innhold, arsbelop=[dict(notat.arsbelop[0], investering=2_000_000)])
    kostnader = next(
        d
        for d in seksjonsdiff(versjon.innhold, endret)
        if d["seksjon"] and d["seksjon"].nokkel == "kostnader"
    )
    assert any(f.get("endret") for f in kostnader["felter"])


@pytest.mark.parametrize(
    ("verdi", "melding"),
    [("-1", "negativt"), ("20000000000", "10 milliarder"), ("en del", "ikke et tall")],
)
def test_a_bad_cell_is_named_and_everything_typed_is_kept(client, verdi, melding):
    notat = KonseptnotatFactory()
    client.force_login(notat.eier)
    ar = arsbelop.planar()[1]
    svar = client.post(
        reverse("konseptnotat:rediger", kwargs={"pk": notat.pk}),
        _skjema(
            notat,
            risiko="Min nye risikotekst",
            **{f"arsbelop_{ar}_investering": verdi, f"arsbelop_{ar}_drift": "300000"},
        ),
    )
    assert svar.status_code == 200
    innhold = svar.content.decode()
    assert melding in innhold and str(ar) in innhold
    assert f'value="{verdi}"' in innhold and 'value="300000"' in innhold
    assert "Min nye risikotekst" in innhold
    notat.refresh_from_db()
    assert notat.arsbelop is None and notat.versjon == 1
