"""The start page and the main menu speak plainly."""

import re

import pytest

pytestmark = pytest.mark.django_db


def synlig_tekst(html: str) -> str:
    """The page's text without what only screen readers get."""
    html = re.sub(r'<span class="visually-hidden">.*?</span>', "", html, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_the_menu_shows_plain_words_beside_each_phase(klient_for, ansatt):
    tekst = synlig_tekst(klient_for(ansatt).get("/").content.decode())
    for ord_ in ("ideer og bestillinger", "konseptnotater", "porteføljer", "prosjekter"):
        assert ord_ in tekst.lower(), ord_


def test_the_start_page_has_one_primary_action_send_an_idea(klient_for, ansatt):
    html = klient_for(ansatt).get("/").content.decode()
    knapper = re.findall(r'<a class="btn btn-primary[^"]*" href="([^"]+)">([^<]+)</a>', html)
    assert knapper == [("/ideer/ny/", "Send inn en idé")]


def test_a_chair_and_a_member_see_their_portfolio_an_outsider_does_not(
    klient_for, leder, medlem, ansatt, portefolje
):
    for bruker, rolle in ((leder, "du leder den"), (medlem, "medlem")):
        html = klient_for(bruker).get("/").content.decode()
        assert "Min portefølje" in html
        assert f'href="{portefolje.get_absolute_url()}"' in html
        assert f"{portefolje.navn} ({rolle})" in html
    assert "Min portefølje" not in klient_for(ansatt).get("/").content.decode()
