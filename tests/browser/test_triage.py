"""Triage in a real browser: one form; an error takes the focus to its field; a suggested
duplicate is merged by its own button, asked once, and the feedback beside the form has focus."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import logg_inn

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_an_error_gets_the_focus_and_a_suggested_duplicate_is_merged_by_its_button(side, demo):
    from ideer.models import Innspill, Status
    from ideer.tests.factories import InnspillFactory

    innspill = InnspillFactory(
        tittel="Strøing av gangveier ved sykehjemmet",
        beskrivelse="Beboere og ansatte sklir på isen; gangveiene ved sykehjemmet må strøs.",
    )
    lik = InnspillFactory(
        tittel="Strøing ved sykehjemmet om vinteren",
        beskrivelse="Gangveiene ved sykehjemmet er glatte; ansatte og beboere sklir på isen.",
    )
    logg_inn(side, "utvikler")
    side.goto(f"/ideer/{innspill.pk}/")
    triage = side.get_by_role("region", name="Hva vil du gjøre?")

    # Reject without a reason: nothing is saved, and the focus is on the reason's field.
    triage.get_by_role("radio", name="Avvis med begrunnelse").check()
    triage.get_by_role("button", name="Lagre").click()
    grunn = triage.get_by_role("textbox", name="Begrunnelse for avvisning")
    expect(grunn).to_be_focused()
    expect(triage.get_by_text("Feltet er påkrevd.").first).to_be_visible()
    expect(triage.get_by_role("link", name=re.compile("Begrunnelse for avvisning"))).to_be_visible()

    # The suggestion's one-click merge: one confirmation, then the feedback has the focus.
    dialoger = []
    side.on("dialog", lambda d: (dialoger.append(d.message), d.accept()))
    knapp = re.compile(f"Slå sammen med denne\\W+{re.escape(lik.tittel)}")
    side.get_by_role("button", name=knapp).click()
    kvittering = side.locator("#triage-kvittering")
    expect(kvittering).to_contain_text("Innspillene er slått sammen.")
    expect(kvittering).to_be_focused()
    assert len(dialoger) == 1 and lik.tittel in dialoger[0]
    expect(side.get_by_role("link", name=lik.tittel).first).to_be_visible()
    innspill.refresh_from_db()
    assert innspill.status == Status.SLATT_SAMMEN and innspill.slatt_sammen_med_id == lik.pk
    assert Innspill.objects.get(pk=lik.pk).status == Status.NY
