"""The list: filters, «Mine notater», private drafts, and a constant number of queries."""

import pytest
from django.urls import reverse

from konseptnotat.models import Status

from .factories import KonseptnotatFactory

pytestmark = pytest.mark.django_db


def _lag(antall, **kw):
    for i in range(antall):
        notat = KonseptnotatFactory(
            status=[Status.INNSENDT, Status.KLAR, Status.UTKAST][i % 3], **kw
        )
        notat.kommentarer.create(seksjon="mal", tekst="Hva er målet?")


def test_query_count_is_the_same_at_two_sizes(client, utvikler, django_assert_num_queries):
    client.force_login(utvikler)
    url = reverse("konseptnotat:liste")
    _lag(3)
    client.get(url)  # warm caches (content types, sessions)
    with django_assert_num_queries(9) as liten:
        assert client.get(url).status_code == 200
    _lag(30)
    with django_assert_num_queries(len(liten.captured_queries)):
        svar = client.get(url)
    assert len(svar.context["side"].object_list) == 25


def test_outsider_sees_submitted_notes_but_not_drafts(client, ansatt):
    utkast = KonseptnotatFactory(tittel="Hemmelig utkast")
    innsendt = KonseptnotatFactory(tittel="Åpent notat", status=Status.INNSENDT)
    client.force_login(ansatt)
    html = client.get(reverse("konseptnotat:liste")).content.decode()
    assert innsendt.tittel in html and utkast.tittel not in html


def test_my_notes_shows_own_and_coauthored(client, lag_bruker):
    meg = lag_bruker("meg")
    egen = KonseptnotatFactory(tittel="Eget notat", eier=meg)
    medforfattet = KonseptnotatFactory(tittel="Medforfattet notat", status=Status.INNSENDT)
    medforfattet.medforfattere.add(meg)
    annen = KonseptnotatFactory(tittel="Andres notat", status=Status.INNSENDT)
    client.force_login(meg)
    html = client.get(reverse("konseptnotat:liste") + "?mine=on").content.decode()
    assert egen.tittel in html and medforfattet.tittel in html and annen.tittel not in html


def test_filters_by_status_portfolio_and_section(client, utvikler, portefolje, seksjon):
    klar = KonseptnotatFactory(
        tittel="Klart notat", status=Status.KLAR, portefolje=portefolje, seksjon=seksjon
    )
    KonseptnotatFactory(tittel="Innsendt notat", status=Status.INNSENDT)
    client.force_login(utvikler)
    url = reverse("konseptnotat:liste")
    for query in [
        "?status=klar",
        f"?portefolje={portefolje.pk}",
        f"?seksjon={seksjon.pk}",
        f"?eier={klar.eier_id}",
    ]:
        html = client.get(url + query).content.decode()
        assert "Klart notat" in html and "Innsendt notat" not in html, query


def test_bad_filter_values_do_not_break_the_page(client, utvikler):
    client.force_login(utvikler)
    svar = client.get(reverse("konseptnotat:liste") + "?status=tull&portefolje=abc&side=999")
    assert svar.status_code == 200
