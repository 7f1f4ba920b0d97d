"""The API's main journey in a browser: a project manager makes a key on «Min profil», reads the
API with it, revokes it, and reads the documentation page (Swagger UI under the CSP)."""

import re

from playwright.sync_api import expect

from tests.browser.conftest import logg_inn
from tests.browser.test_uu import beskriv, kjor_axe


def test_project_manager_makes_uses_and_revokes_an_api_key(side, demo, settings):
    settings.API_STRUPING = None
    logg_inn(side, "prosjektleder")
    side.goto("/profil/")
    seksjon = side.get_by_role("region", name="API-nøkler")
    expect(seksjon).to_contain_text("Du har ingen API-nøkler.")
    seksjon.get_by_label("Navn").fill("Power BI, statusrapporter")
    seksjon.get_by_label("Gyldig i").select_option(label="30 dager")
    seksjon.get_by_role("button", name="Lag nøkkel").click()

    felt = side.get_by_label("Nøkkel", exact=True)
    expect(felt).to_be_visible()
    nokkel = felt.input_value()
    assert len(nokkel) == 40

    api = side.context.request
    svar = api.get("/api/v1/prosjekter/", headers={"Authorization": f"Token {nokkel}"})
    assert svar.status == 200 and svar.json()["count"] > 0

    # Shown once: after a reload only the first characters are left.
    side.reload()
    expect(side.get_by_label("Nøkkel", exact=True)).to_have_count(0)
    expect(seksjon).to_contain_text(nokkel[:8] + "…")
    seksjon.get_by_role("button", name=re.compile("Trekk tilbake")).click()
    expect(side.get_by_text("er trukket tilbake og virker ikke lenger")).to_be_visible()

    svar = api.get("/api/v1/prosjekter/", headers={"Authorization": f"Token {nokkel}"})
    assert svar.status == 401
    assert svar.json()["detail"] == "API-nøkkelen er trukket tilbake."

    side.goto("/api/v1/dokumentasjon/")
    expect(side.get_by_role("heading", name="API-dokumentasjon", level=1)).to_be_visible()
    expect(side.locator("#swagger-ui").get_by_text("Porteføljeportalen API")).to_be_visible()


def test_the_key_section_and_the_documentation_have_no_serious_accessibility_violations(
    uu_side, demo
):
    logg_inn(uu_side, "prosjektleder")
    uu_side.goto("/profil/")
    uu_side.get_by_role("button", name="Lag nøkkel").click()  # empty: the errors at the fields
    expect(uu_side.locator(".invalid-feedback").first).to_be_visible()
    brudd = kjor_axe(uu_side)
    assert not brudd, beskriv(brudd)
    uu_side.goto("/api/v1/dokumentasjon/")
    expect(uu_side.locator("#swagger-ui").get_by_text("Porteføljeportalen API")).to_be_visible()
    brudd = kjor_axe(uu_side)
    assert not brudd, beskriv(brudd)
