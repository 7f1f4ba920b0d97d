"""The chair before deciding, in the browser: the meeting page draws the portfolio matrix, the
chair follows its «Beslutt» link and reads the basis (who scored, the spread, the place in the
ranking, the cost against the frame) on the decision page, with the CSP enforced."""

import pytest
from playwright.sync_api import expect

from konseptnotat import arsbelop
from tests.browser.conftest import logg_inn
from velge.models import Akse, Ramme, Vurdering
from velge.tests.factories import kriterier_for, mote_med_notater

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_chair_reads_the_matrix_then_the_basis_on_the_decision_page(
    side, portefolje, leder, medlem, raske_passord
):
    kriterier = kriterier_for(portefolje)
    for k, akse in zip(kriterier, [Akse.VERDI, Akse.VERDI, Akse.GJENNOMFORBARHET], strict=True):
        k.akse = akse
        k.save()
    mote, notater = mote_med_notater(portefolje, antall=2)
    neste = arsbelop.planar()[1]
    Ramme.objects.create(portefolje=portefolje, ar=neste, investering=500_000)
    for n, notat in enumerate(notater):
        notat.arsbelop = [{"ar": neste, "investering": 300_000, "drift": 0, "personmaneder": 1}]
        notat.save()
        for person in (leder, medlem):
            for k in kriterier:
                Vurdering.objects.create(kriterium=k, notat=notat, medlem=person, poeng=5 - 2 * n)

    logg_inn(side, "leder", "hemmelig-123")
    side.goto(f"/portefoljer/{portefolje.slug}/moter/{mote.pk}/")
    matrise = side.get_by_role("region", name="Porteføljematrise: verdi mot gjennomførbarhet")
    expect(matrise.get_by_role("group", name="Porteføljematrise")).to_be_visible()
    matrise.get_by_text("Matrisen som tabell").click()
    expect(matrise.get_by_role("link", name=notater[1].tittel, exact=True)).to_be_visible()
    # Each bubble is a link named by its note and figures.
    expect(matrise.get_by_role("link", name=f"{notater[1].tittel}: verdi 50")).to_be_visible()

    side.locator(f"a[href$='/notater/{notater[1].pk}/beslutt/']").click()
    grunnlag = side.get_by_role("region", name="Grunnlaget for beslutningen")
    expect(grunnlag).to_contain_text("Plass 2 av 2 notater på denne sakslisten.")
    expect(grunnlag).to_contain_text("Får ikke plass")
    expect(grunnlag).to_contain_text(notater[0].tittel)  # it would push the first one out
    expect(grunnlag.get_by_role("table", name="Snitt, spredning")).to_be_visible()
    expect(
        grunnlag.get_by_role("link", name=f"Les hele notatet «{notater[1].tittel}»")
    ).to_be_visible()
