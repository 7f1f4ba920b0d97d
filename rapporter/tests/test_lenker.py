"""The phases reach the reports through the core's link places (portefolje/lenker.py), with the
same rule as the reports themselves: the look-back only for the portfolio's roles."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_portfolio_page_links_to_the_dashboard_and_the_look_back_for_a_member(
    portefolje, medlem, klient_for
):
    side = klient_for(medlem).get(portefolje.get_absolute_url()).content.decode()
    assert reverse("rapporter:dashbord-portefolje", args=[portefolje.slug]) in side
    assert f"{reverse('rapporter:beslutningskvalitet')}?portefolje={portefolje.slug}" in side
    # …and the link leads to a page the member may read.
    assert klient_for(medlem).get(reverse("rapporter:beslutningskvalitet")).status_code == 200


def test_an_outsider_gets_the_dashboard_link_but_not_the_look_back(portefolje, ansatt, klient_for):
    side = klient_for(ansatt).get(portefolje.get_absolute_url()).content.decode()
    assert reverse("rapporter:dashbord-portefolje", args=[portefolje.slug]) in side
    assert reverse("rapporter:beslutningskvalitet") not in side


def test_the_project_overviews_have_a_dashboard_tab(ansatt, klient_for):
    side = klient_for(ansatt).get(reverse("prosjekter:liste")).content.decode()
    assert f'href="{reverse("rapporter:dashbord")}"' in side
