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


def test_a_member_of_the_group_above_follows_the_look_back_to_the_sections_projects(
    portefolje, klg, leder, lag_bruker, klient_for
):
    """KLG reads every section's projects, so a KLG member is offered the section's look-back
    on the section's page; the link filters the look-back to that section, and its project
    links lead to the projects' pages."""
    import re

    from portefolje.models import Medlemskap, Rolle
    from prosjekter.tests.factories import PortefoljeFactory
    from rapporter.tests.test_beslutningskvalitet import besluttet_prosjekt

    klg_medlem = lag_bruker("klgmedlem")
    Medlemskap.objects.create(portefolje=klg, bruker=klg_medlem, rolle=Rolle.MEDLEM)
    her = besluttet_prosjekt(portefolje, leder, skar=80, nr=1)
    andre = besluttet_prosjekt(PortefoljeFactory(forelder=klg), leder, skar=70, nr=2)
    klient = klient_for(klg_medlem)

    side = klient.get(portefolje.get_absolute_url()).content.decode()
    lenke = f"{reverse('rapporter:beslutningskvalitet')}?portefolje={portefolje.slug}"
    assert f'href="{lenke}"' in side
    tilbakeblikk = klient.get(lenke)
    assert tilbakeblikk.status_code == 200
    innhold = tilbakeblikk.content.decode()
    assert her.tittel in innhold and andre.tittel not in innhold
    prosjektlenker = re.findall(r'<a href="(/prosjekter/[^"]+)">', innhold)
    assert prosjektlenker == [her.get_absolute_url()]
    assert klient.get(prosjektlenker[0]).status_code == 200
