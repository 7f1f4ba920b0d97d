"""Programmes: the roll-up rules, who creates and changes them, a project in at most one."""

import re
from decimal import Decimal

import pytest
from django.urls import reverse

from portefolje.models import Medlemskap, Portefolje, Rolle
from prosjekter.models import Program, Programprosjekt
from prosjekter.selectors import program_opprulling, samlet_status
from prosjekter.selectors.program import summer
from prosjekter.tests.factories import (
    IndikatorFactory,
    MalingFactory,
    ProsjektFactory,
    StatusrapportFactory,
    UsikkerhetFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def programeier(lag_bruker):
    return lag_bruker("programeier")


@pytest.fixture
def program(portefolje, programeier):
    return Program.objects.create(
        navn="Heltid og velferdsteknologi", portefolje=portefolje, eier=programeier
    )


def _i_program(program, **felt):
    prosjekt = ProsjektFactory(portefolje=program.portefolje, **felt)
    Programprosjekt.objects.create(program=program, prosjekt=prosjekt)
    return prosjekt


class P:
    def __init__(self, farge, tilstand="aktiv"):
        self.siste_farge, self.tilstand = farge, tilstand


def test_the_overall_status_is_the_worst_of_the_running_projects():
    assert samlet_status([P("gronn"), P("gul"), P("gronn")]) == "gul"
    assert samlet_status([P("gul"), P("rod"), P(None)]) == "rod"
    # A closed or stopped project's last report does not colour the programme.
    assert samlet_status([P("gronn"), P("rod", "avsluttet"), P("rod", "stoppet")]) == "gronn"
    # Not reported counts as nothing, not as the worst.
    assert samlet_status([P(None), P("gronn")]) == "gronn"
    assert samlet_status([P(None)]) == "gra"
    assert samlet_status([]) == "gra"


def test_sums_cover_the_projects_that_have_a_figure():
    assert summer([Decimal(100), None, Decimal(50)]) == (Decimal(150), 2)
    assert summer([None, None]) == (None, 0)


def test_the_programme_page_rolls_up_status_money_benefits_and_risks(program, leder, klient_for):
    a = _i_program(program, tittel="Velferdsteknologi", budsjett=1_000_000)
    b = _i_program(program, tittel="Heltidskultur", budsjett=500_000)
    ProsjektFactory(portefolje=program.portefolje, tittel="Utenfor programmet", budsjett=9_999)
    StatusrapportFactory(prosjekt=a, farge="gronn", kostnad_hittil=400_000, prognose=1_100_000)
    StatusrapportFactory(prosjekt=b, farge="gul", kostnad_hittil=100_000, prognose=None)
    UsikkerhetFactory(prosjekt=a, sannsynlighet=4, konsekvens=5)
    UsikkerhetFactory(prosjekt=b, sannsynlighet=4, konsekvens=5)
    MalingFactory(indikator=IndikatorFactory(gevinst__prosjekt=a), verdi=80)  # 100 → 60: 50 %

    data = program_opprulling(program)
    assert data["farge"] == "gul"
    assert (data["budsjett"], data["n_budsjett"]) == (Decimal(1_500_000), 2)
    assert (data["kostnad"], data["prognose"], data["n_prognose"]) == (500_000, 1_100_000, 1)
    assert data["snitt_realisering"] == Decimal("0.5")
    assert data["matrise"][1][4]["antall"] == 2  # probability 4, consequence 5

    html = klient_for(leder).get(program.get_absolute_url()).content.decode()
    assert '<span class="status status-gul">Gul</span>' in html
    assert "den dårligste siste publiserte statusen" in html  # the rule, stated
    tabell = html.split('id="prosjekter"', 1)[1].split("</table>", 1)[0]
    assert "1\u00a0500\u00a0000\u00a0kr" in tabell and "Utenfor programmet" not in tabell
    # The project outside is offered to add, not counted.
    assert "Utenfor programmet" in html.split('name="prosjekt"', 1)[1]


# --- who may create and change ------------------------------------------------------------------


def _nytt_program_skjema(klient):
    html = klient.get(reverse("prosjekter:program-ny")).content.decode()
    return re.search(r'name="skjema_nokkel" value="([^"]+)"', html).group(1)


def test_the_chair_creates_a_programme_in_their_portfolio(portefolje, leder, klient_for):
    klient = klient_for(leder)
    # The button on the list leads to the form.
    liste = klient.get(reverse("prosjekter:programmer")).content.decode()
    assert reverse("prosjekter:program-ny") in liste
    svar = klient.post(
        reverse("prosjekter:program-ny"),
        {
            "navn": "Heltid",
            "portefolje": portefolje.pk,
            "mal": "Flere hele stillinger",
            "skjema_nokkel": _nytt_program_skjema(klient),
        },
    )
    program = Program.objects.get()
    assert svar.status_code == 302 and svar["Location"] == program.get_absolute_url()


def test_the_development_team_creates_programmes_anywhere(portefolje, utvikler, klient_for):
    klient = klient_for(utvikler)
    svar = klient.post(
        reverse("prosjekter:program-ny"),
        {"navn": "Digitalt førstevalg", "portefolje": portefolje.pk},
    )
    assert svar.status_code == 302 and Program.objects.count() == 1


@pytest.mark.parametrize("hvem", ["medlem", "ansatt", "programeier"])
def test_members_outsiders_and_the_owner_cannot_create_or_change(
    hvem, program, request, klient_for
):
    klient = klient_for(request.getfixturevalue(hvem))
    prosjekt = ProsjektFactory(portefolje=program.portefolje)
    assert klient.get(reverse("prosjekter:program-ny")).status_code == 403
    assert (
        klient.post(
            reverse("prosjekter:program-ny"),
            {"navn": "X", "portefolje": program.portefolje.pk},
        ).status_code
        == 403
    )
    url = reverse("prosjekter:program-rediger", args=[program.pk])
    assert klient.post(url, {"navn": "Nytt navn", "versjon": 1}).status_code == 403
    url = reverse("prosjekter:program-legg-til", args=[program.pk])
    assert klient.post(url, {"prosjekt": prosjekt.pk}).status_code == 403
    program.refresh_from_db()
    assert program.navn == "Heltid og velferdsteknologi" and Program.objects.count() == 1
    assert not Programprosjekt.objects.exists()


def test_with_reading_narrowed_the_owner_and_members_read_the_page_an_outsider_does_not(
    program, programeier, medlem, ansatt, klient_for, settings
):
    settings.PROSJEKTER_LESES_AV = "portefoljen"
    url = program.get_absolute_url()
    assert klient_for(programeier).get(url).status_code == 200
    assert klient_for(medlem).get(url).status_code == 200
    assert klient_for(ansatt).get(url).status_code == 403


def test_anonymous_is_sent_to_log_in(program, client):
    for url in (
        program.get_absolute_url(),
        reverse("prosjekter:program-ny"),
        reverse("prosjekter:program-legg-til", args=[program.pk]),
    ):
        svar = client.post(url, {"navn": "X"})
        assert svar.status_code == 302 and "login" in svar["Location"]
    assert Program.objects.count() == 1


def test_the_chair_adds_and_takes_out_a_project(program, leder, klient_for):
    prosjekt = ProsjektFactory(portefolje=program.portefolje, tittel="Vikarpool")
    klient = klient_for(leder)
    side = klient.get(program.get_absolute_url()).content.decode()
    assert reverse("prosjekter:program-legg-til", args=[program.pk]) in side
    svar = klient.post(
        reverse("prosjekter:program-legg-til", args=[program.pk]), {"prosjekt": prosjekt.pk}
    )
    assert svar.status_code == 302
    assert Programprosjekt.objects.get().prosjekt == prosjekt
    side = klient.get(program.get_absolute_url()).content.decode()
    fjern = reverse("prosjekter:program-fjern", args=[program.pk, prosjekt.pk])
    assert fjern in side
    assert klient.post(fjern).status_code == 302
    assert not Programprosjekt.objects.exists()


def test_a_project_in_two_programmes_is_refused(program, portefolje, leder, klient_for):
    annet = Program.objects.create(navn="Digital hjemmetjeneste", portefolje=portefolje)
    prosjekt = _i_program(annet, tittel="Velferdsteknologi")
    svar = klient_for(leder).post(
        reverse("prosjekter:program-legg-til", args=[program.pk]), {"prosjekt": prosjekt.pk}
    )
    assert svar.status_code == 400
    assert "er allerede i programmet «Digital hjemmetjeneste»" in svar.content.decode()
    assert Programprosjekt.objects.get(prosjekt=prosjekt).program == annet


def test_a_project_from_another_portfolio_is_refused(program, klg, leder, klient_for):
    from django.core.exceptions import ValidationError

    from prosjekter.services import program_legg_til

    annen = Portefolje.objects.create(navn="Oppvekst", slug="oppvekst", forelder=klg)
    prosjekt = ProsjektFactory(portefolje=annen)
    with pytest.raises(ValidationError):
        program_legg_til(program=program, prosjekt=prosjekt, aktor=leder)
    assert not Programprosjekt.objects.exists()


def test_a_klg_programme_takes_projects_from_the_sections(klg, portefolje, lag_bruker):
    from prosjekter.services import program_legg_til

    klgleder = lag_bruker("klgleder")
    Medlemskap.objects.create(portefolje=klg, bruker=klgleder, rolle=Rolle.LEDER)
    program = Program.objects.create(navn="Tverrsektorielt", portefolje=klg)
    prosjekt = ProsjektFactory(portefolje=portefolje)
    program_legg_til(program=program, prosjekt=prosjekt, aktor=klgleder)
    assert prosjekt.programtilknytning.program == program


def test_a_stale_edit_is_refused_and_the_text_kept(program, leder, klient_for):
    klient = klient_for(leder)
    url = reverse("prosjekter:program-rediger", args=[program.pk])
    data = {"navn": "Mitt navn", "portefolje": program.portefolje.pk, "versjon": 1}
    Program.objects.filter(pk=program.pk).update(versjon=2, navn="Noen andres")
    svar = klient.post(url, data)
    assert svar.status_code == 400 and "Mitt navn" in svar.content.decode()
    program.refresh_from_db()
    assert program.navn == "Noen andres"


def test_programmes_in_the_overview_filter_and_export(program, leder, klient_for):
    import io

    from openpyxl import load_workbook

    i_program = _i_program(program, tittel="I programmet")
    ProsjektFactory(portefolje=program.portefolje, tittel="Utenfor")
    klient = klient_for(leder)
    html = klient.get(reverse("prosjekter:liste"), {"program": program.pk}).content.decode()
    assert "I programmet" in html and "Utenfor" not in html
    svar = klient.get(reverse("prosjekter:liste"), {"program": program.pk, "eksport": "xlsx"})
    rader = list(load_workbook(io.BytesIO(svar.content)).active.values)
    assert "Program" in rader[0]
    kolonne = rader[0].index("Program")
    assert [r[kolonne] for r in rader[1:]] == [program.navn]
    assert rader[1][1] == i_program.tittel


def test_the_project_page_links_the_programme_only_for_those_who_may_open_it(
    program, prosjektleder, leder, klient_for, settings
):
    settings.PROSJEKTER_LESES_AV = "portefoljen"  # else every employee opens it
    prosjekt = _i_program(program, tittel="Vikarpool", prosjektleder=prosjektleder)
    lenke = f'href="{program.get_absolute_url()}"'
    side = klient_for(prosjektleder).get(prosjekt.get_absolute_url()).content.decode()
    assert program.navn in side and lenke not in side
    side = klient_for(leder).get(prosjekt.get_absolute_url()).content.decode()
    assert lenke in side
