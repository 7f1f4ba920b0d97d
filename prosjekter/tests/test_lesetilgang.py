"""Every employee reads the portfolio's projects: published status, deliverables, benefits,
risks and programmes. Drafts and projects exempt from public access stay with the project and
its leader group, and a municipality may narrow reading to the portfolio (PROSJEKTER_LESES_AV).
"""

import pytest
from django.urls import reverse

from prosjekter import services
from prosjekter.models import Program, Programprosjekt
from prosjekter.tests.factories import (
    GevinstFactory,
    LeveranseFactory,
    ProsjektFactory,
    StatusrapportFactory,
    UsikkerhetFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def program(portefolje, prosjekt):
    program = Program.objects.create(navn="Heltid og velferdsteknologi", portefolje=portefolje)
    Programprosjekt.objects.create(program=program, prosjekt=prosjekt)
    return program


@pytest.fixture
def smal_lesing(settings):
    settings.PROSJEKTER_LESES_AV = "portefoljen"


def test_an_ordinary_employee_reads_a_project_and_all_its_parts(prosjekt, ansatt, klient_for):
    LeveranseFactory(prosjekt=prosjekt, tittel="Digitalt tilsyn i sone nord")
    GevinstFactory(prosjekt=prosjekt, tittel="Færre nattbesøk")
    UsikkerhetFactory(prosjekt=prosjekt, tittel="Leverandøren leverer sent")
    rapport = StatusrapportFactory(prosjekt=prosjekt, oppnadd="Vi ansetter en ny koordinator")
    klient = klient_for(ansatt)

    liste = klient.get(reverse("prosjekter:liste")).content.decode()
    assert reverse("prosjekter:detalj", args=[prosjekt.pk]) in liste
    side = klient.get(reverse("prosjekter:detalj", args=[prosjekt.pk]))
    assert side.status_code == 200
    tekst = side.content.decode()
    for del_ in ("Digitalt tilsyn i sone nord", "Færre nattbesøk", "Leverandøren leverer sent"):
        assert del_ in tekst
    # What she reads she cannot change: no edit buttons on the page.
    assert reverse("prosjekter:rediger", args=[prosjekt.pk]) not in tekst
    rapportside = klient.get(reverse("prosjekter:rapport", args=[prosjekt.pk, rapport.pk]))
    assert "Vi ansetter en ny koordinator" in rapportside.content.decode()


def test_the_api_gives_an_employee_the_projects_the_pages_show(prosjekt, ansatt, klient_for):
    svar = klient_for(ansatt).get("/api/v1/prosjekter/")
    assert svar.status_code == 200
    assert [p["nummer"] for p in svar.json()["results"]] == [prosjekt.nummer]


def test_an_employee_reads_the_programme_and_the_project_manager_hers(
    program, prosjekt, prosjektleder, ansatt, klient_for
):
    for hvem in (ansatt, prosjektleder):
        klient = klient_for(hvem)
        liste = klient.get(reverse("prosjekter:programmer")).content.decode()
        assert "Heltid og velferdsteknologi" in liste
        assert "Ingen programmer du kan lese" not in liste
        side = klient.get(program.get_absolute_url())
        assert side.status_code == 200 and prosjekt.tittel in side.content.decode()


def test_a_draft_stays_with_those_who_edit_the_project(prosjekt, prosjektleder, ansatt, klient_for):
    utkast = services.statusrapport_ny(prosjekt=prosjekt, aktor=prosjektleder)
    url = reverse("prosjekter:rapport", args=[prosjekt.pk, utkast.pk])
    assert klient_for(prosjektleder).get(url).status_code == 200
    assert klient_for(ansatt).get(url).status_code == 403
    side = klient_for(ansatt).get(reverse("prosjekter:detalj", args=[prosjekt.pk]))
    assert url not in side.content.decode()


def test_a_project_exempt_from_public_access_stays_with_its_portfolio(
    portefolje, medlem, ansatt, klient_for
):
    unntatt = ProsjektFactory(
        portefolje=portefolje,
        tittel="Forhandlinger om tomtekjøp",
        unntatt_offentlighet=True,
        hjemmel="offentleglova § 23",
    )
    url = reverse("prosjekter:detalj", args=[unntatt.pk])
    assert klient_for(medlem).get(url).status_code == 200
    assert klient_for(ansatt).get(url).status_code == 403
    liste = klient_for(ansatt).get(reverse("prosjekter:liste")).content.decode()
    assert url not in liste
    assert klient_for(ansatt).get("/api/v1/prosjekter/").json()["results"] == []


def test_a_municipality_may_narrow_reading_to_the_portfolio(
    smal_lesing, program, prosjekt, medlem, ansatt, klient_for
):
    url = reverse("prosjekter:detalj", args=[prosjekt.pk])
    assert klient_for(medlem).get(url).status_code == 200
    assert klient_for(ansatt).get(url).status_code == 403
    assert klient_for(ansatt).get(program.get_absolute_url()).status_code == 403
    assert klient_for(ansatt).get("/api/v1/prosjekter/").json()["results"] == []


def test_the_start_plan_button_shows_only_to_those_who_may_open_it(
    portefolje, medlem, ansatt, klient_for
):
    nytt = ProsjektFactory(portefolje=portefolje, tilstand="ikke_startet", fase="konsept")
    url = reverse("prosjekter:detalj", args=[nytt.pk])
    startplan = reverse("prosjekter:startplan", args=[portefolje.slug])
    assert startplan in klient_for(medlem).get(url).content.decode()
    assert klient_for(medlem).get(startplan).status_code == 200
    assert startplan not in klient_for(ansatt).get(url).content.decode()
    assert klient_for(ansatt).get(startplan).status_code == 403
