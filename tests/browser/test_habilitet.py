"""Impartiality and the score form in a real browser, on the demo data, following the pages'
own links: the initiator (a member of Helse og omsorg who owns the notes on its coming meeting)
is not offered her own notes to score; the chair scores one, and the form then is read-only and
says why."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import logg_inn

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

TITTEL = "Sensorbasert fallvarsling i omsorgsboliger"  # on Helse og omsorg's coming meeting
MOTE = re.compile("Porteføljemøte helse og omsorg, desember")
# The start page's «Venter på din vurdering» names the note with its portfolio.
A_VURDERE = re.compile(re.escape(f"{TITTEL} (Ledergruppe helse og omsorg)"))


def test_an_author_is_not_offered_her_own_note_to_score(side, demo):
    logg_inn(side, "initiativtaker")
    side.goto("/")
    expect(side.get_by_role("link", name=A_VURDERE)).to_have_count(0)
    expect(
        side.get_by_text("Du har vurdert alle notatene på de kommende møtene dine.")
    ).to_be_visible()
    side.get_by_role("link", name=MOTE).first.click()
    expect(side.get_by_role("heading", level=1)).to_contain_text("desember")

    sak = side.get_by_role("region", name=re.compile(re.escape(TITTEL)))
    expect(sak.get_by_text("Du er inhabil")).to_be_visible()
    expect(sak.get_by_text(re.compile("Inhabile: Ingrid Initiativtaker"))).to_be_visible()
    expect(sak.get_by_role("link", name=re.compile(r"^Vurder\b"))).to_have_count(0)


def test_a_locked_score_form_is_read_only_and_says_why(side, demo):
    logg_inn(side, "helseleder")
    side.goto("/")
    side.get_by_role("link", name=A_VURDERE).click()
    expect(side.get_by_role("heading", level=1)).to_have_text(f"Vurder: {TITTEL}")
    expect(side.get_by_text(re.compile("Vurderingene dine blir endelige når"))).to_be_visible()
    expect(side.get_by_text("5 betyr lav kostnad, som er best.")).to_be_visible()
    expect(side.get_by_text(re.compile("5 er alltid best"))).to_have_count(0)

    kriterier = side.get_by_role("group").filter(has=side.get_by_role("radio"))
    for kriterium in kriterier.all():
        kriterium.get_by_role("radio", name=re.compile(r"^4 – ")).check()
    side.get_by_role("button", name="Lagre vurderingen min").click()

    expect(side.get_by_text(re.compile("Vurderingene dine er endelige"))).to_be_visible()
    expect(side.get_by_role("button", name="Lagre vurderingen min")).to_have_count(0)
    radioknapper = side.get_by_role("radio")
    expect(radioknapper.first).to_be_disabled()
    for knapp in radioknapper.all():
        expect(knapp).to_be_disabled()

    side.get_by_role("navigation", name="Brødsmulesti").get_by_role(
        "link", name=re.compile("^Møte")
    ).click()
    sak = side.get_by_role("region", name=re.compile(re.escape(TITTEL)))
    expect(sak.get_by_role("link", name=re.compile(r"^Se vurderingene"))).to_be_visible()
    expect(sak.get_by_role("link", name=re.compile(r"^(Endre|Vurder)\b"))).to_have_count(0)
