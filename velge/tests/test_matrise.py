"""The portfolio matrix: the chair chooses the axes on the criteria page, the portfolio and
meeting pages draw value against feasibility with the bubble's area by cost, a table says the
same, every bubble and row links to the note, and it is hidden by the rule for the averages."""

import pytest
from django.urls import reverse
from lxml import html as lxml_html

from konseptnotat import arsbelop
from portefolje.models import Medlemskap, Rolle
from velge import matrise
from velge.models import Akse, Vurdering
from velge.selectors import notatresultater
from velge.tests.factories import kriterier_for, mote_med_notater

pytestmark = pytest.mark.django_db


@pytest.fixture
def sak(portefolje, leder, medlem):
    """Three criteria, three notes scored by the chair and a member; the third has no costs."""
    kriterier = kriterier_for(portefolje)
    mote, notater = mote_med_notater(portefolje, antall=3)
    neste = arsbelop.planar()[1]
    for n, notat in enumerate(notater):
        if n < 2:
            notat.arsbelop = [
                {"ar": neste, "investering": 100_000 * (n + 1), "drift": 0, "personmaneder": 1}
            ]
            notat.save()
        for person in (leder, medlem):
            for i, k in enumerate(kriterier):
                Vurdering.objects.create(
                    kriterium=k, notat=notat, medlem=person, poeng=[5, 3, 1][(n + i) % 3]
                )
    return mote, notater, kriterier


def _side(svar):
    assert svar.status_code == 200
    return lxml_html.fromstring(svar.content)


def _matrise(side):
    [blokk] = side.xpath("//div[@id='matrise-innhold']")
    return blokk


def test_chair_chooses_the_axes_and_the_pages_draw_the_matrix(sak, portefolje, leder, klient_for):
    mote, notater, kriterier = sak
    klient = klient_for(leder)
    blokk = _matrise(_side(klient.get(portefolje.get_absolute_url())))
    assert not blokk.xpath(".//svg")
    [lenke] = blokk.xpath(".//a[contains(@href, '/kriterier/')]")
    skjema_side = _side(klient.get(lenke.get("href")))
    [skjema] = skjema_side.xpath("//form[.//input[@name='form-TOTAL_FORMS']]")
    data = {n: v.removeprefix("\n") for n, v in skjema.form_values() if n != "csrfmiddlewaretoken"}
    data["form-0-akse"] = Akse.VERDI
    data["form-1-akse"] = Akse.VERDI
    data["form-2-akse"] = Akse.GJENNOMFORBARHET
    assert klient.post(lenke.get("href"), data).status_code == 302

    for adresse in (
        portefolje.get_absolute_url(),
        reverse("velge:mote", args=[portefolje.slug, mote.pk]),
    ):
        blokk = _matrise(_side(klient.get(adresse)))
        [svg] = blokk.xpath(".//svg")
        assert svg.get("role") == "group" and svg.xpath(".//title")
        bobler = {a.get("href"): a for a in svg.xpath(".//a")}
        assert set(bobler) == {n.get_absolute_url() for n in notater}
        # The table under «details» has the same notes, each a link.
        rader = blokk.xpath(".//details//tbody/tr")
        assert {r.xpath(".//a")[0].get("href") for r in rader} == set(bobler)
        tekst = " ".join(blokk.text_content().split())
        assert "kostnad ukjent" in tekst and "200 000 kr" in tekst
    # The dearer note's bubble is the larger one.
    radius = {a.get("href"): float(a.xpath(".//circle")[0].get("r")) for a in svg.xpath(".//a")}
    assert radius[notater[1].get_absolute_url()] > radius[notater[0].get_absolute_url()]


def test_the_matrix_is_hidden_from_a_member_until_scored_or_revealed(
    sak, portefolje, lag_bruker, klient_for
):
    mote, notater, kriterier = sak
    for k, akse in zip(kriterier, [Akse.VERDI, Akse.GJENNOMFORBARHET, ""], strict=True):
        k.akse = akse
        k.save()
    ny = lag_bruker("nytt-medlem")
    Medlemskap.objects.create(portefolje=portefolje, bruker=ny, rolle=Rolle.MEDLEM)
    klient = klient_for(ny)
    adresser = (
        portefolje.get_absolute_url(),
        reverse("velge:mote", args=[portefolje.slug, mote.pk]),
    )
    for adresse in adresser:
        blokk = _matrise(_side(klient.get(adresse)))
        assert not blokk.xpath(".//svg") and not blokk.xpath(".//a")
        assert notater[0].tittel not in blokk.text_content()
    mote.vurderinger_synlige = True
    mote.save()
    blokk = _matrise(_side(klient.get(adresser[1])))
    assert blokk.xpath(".//svg//a")


def test_an_axis_is_the_weighted_total_of_its_criteria_and_unknown_cost_is_not_free(
    sak, portefolje, leder
):
    mote, notater, kriterier = sak
    kriterier[0].akse, kriterier[1].akse = Akse.VERDI, Akse.GJENNOMFORBARHET
    resultater = notatresultater(
        notater=notater, kriterier=kriterier, bruker=leder, portefolje=portefolje
    )
    m = matrise.matrise_for(
        resultater=resultater,
        kriterier=kriterier,
        kostnader={notater[0].pk: {2030: {"investering": 10, "drift": 5}}},
    )
    punkt = {p.notat.pk: p for p in m.punkter}
    # The first note scored 5 on the first criterion and 3 on the second.
    assert punkt[notater[0].pk].verdi == 100 and punkt[notater[0].pk].gjennomforbarhet == 50
    assert punkt[notater[0].pk].kostnad == 15
    assert punkt[notater[1].pk].kostnad is None and punkt[notater[1].pk].r == matrise.UKJENT_RADIUS
    # Without a criterion on an axis, the page says which axis is missing.
    kriterier[1].akse = ""
    tom = matrise.matrise_for(resultater=resultater, kriterier=kriterier, kostnader={})
    assert tom.mangler_akse and not tom.punkter
