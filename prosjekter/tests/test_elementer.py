"""Deliverables, benefits, indicators, measurements, allocations and risks: who may register them,
and bad input refused next to its field with nothing lost."""

import pytest
from django.urls import reverse

from prosjekter.models import Indikator, Leveranse, Maling, Ressursallokering, Usikkerhet
from prosjekter.tests.factories import (
    GevinstFactory,
    IndikatorFactory,
    LeveranseFactory,
    UsikkerhetFactory,
)

pytestmark = pytest.mark.django_db

RISIKO = {
    "tittel": "Leverandøren leverer for sent",
    "type": "risiko",
    "sannsynlighet": "3",
    "konsekvens": "4",
    "status": "apen",
}


def test_a_probability_of_7_is_refused_next_to_the_field(prosjekt, prosjektleder, klient_for):
    url = reverse("prosjekter:risiko-ny", args=[prosjekt.pk])
    svar = klient_for(prosjektleder).post(url, {**RISIKO, "sannsynlighet": "7"})
    assert svar.status_code == 200
    innhold = svar.content.decode()
    assert "Velg en verdi fra 1 til 5." in innhold
    assert 'id="error_1_id_sannsynlighet"' in innhold  # crispy ties the error to the field
    assert "Leverandøren leverer for sent" in innhold  # what was typed is kept
    assert not Usikkerhet.objects.exists()


def test_a_valid_risk_is_saved_with_its_factor(prosjekt, prosjektleder, klient_for):
    url = reverse("prosjekter:risiko-ny", args=[prosjekt.pk])
    svar = klient_for(prosjektleder).post(url, RISIKO)
    assert svar.status_code == 302
    risiko = Usikkerhet.objects.get()
    assert risiko.prosjekt == prosjekt and risiko.faktor == 12


def test_the_risk_and_allocation_forms_say_what_the_scales_mean(
    prosjekt, prosjektleder, klient_for
):
    klient = klient_for(prosjektleder)
    risiko = klient.get(reverse("prosjekter:risiko-ny", args=[prosjekt.pk])).content.decode()
    assert "1 – Svært lav: skjer nesten aldri: under 10 % sannsynlig" in risiko
    assert "5 – Svært stor: prosjektet kan ikke nå målene sine" in risiko
    ressurs = klient.get(reverse("prosjekter:ressurs-ny", args=[prosjekt.pk])).content.decode()
    assert "100 = full stilling" in ressurs


def test_a_matrix_cell_leads_to_the_risks_it_holds(prosjekt, prosjektleder, klient_for):
    import re

    from prosjekter.tests.factories import UsikkerhetFactory

    inni = [
        UsikkerhetFactory(prosjekt=prosjekt, tittel=t)
        for t in ("Sen leveranse", "Nøkkelperson slutter")
    ]
    UsikkerhetFactory(prosjekt=prosjekt, tittel="Budsjettkutt", sannsynlighet=5, konsekvens=5)
    klient = klient_for(prosjektleder)
    for side_url, anker in (
        (
            reverse("prosjekter:risikooversikt") + f"?portefolje={prosjekt.portefolje.slug}",
            "risikoer",
        ),
        (prosjekt.get_absolute_url(), "risikoliste"),
    ):
        innhold = klient.get(side_url).content.decode()
        assert "{#" not in innhold
        lenke = re.search(rf'href="(\?[^"]*s=3&amp;k=4#{anker})">2<', innhold)
        assert lenke, side_url
        liste = klient.get(
            side_url.split("?")[0] + lenke.group(1).replace("&amp;", "&").split("#")[0]
        )
        tekst = liste.content.decode()
        # The filtered list only: from its anchor to the end of its table (the page's history,
        # further down, names every risk that was ever registered).
        tekst = tekst[tekst.index(f'id="{anker}"') :]
        tekst = tekst[: tekst.index("</table>")]
        assert all(u.tittel in tekst for u in inni) and "Budsjettkutt" not in tekst, side_url


def test_a_load_of_150_percent_is_refused(prosjekt, prosjektleder, klient_for):
    url = reverse("prosjekter:ressurs-ny", args=[prosjekt.pk])
    svar = klient_for(prosjektleder).post(
        url,
        {
            "person": prosjektleder.pk,
            "rolle": "Prosjektleder",
            "belastning": "150",
            "fra": "2027-01-04",
            "til": "2027-03-31",
            "status": "tildelt",
        },
    )
    assert svar.status_code == 200
    assert "mindre enn eller lik 100" in svar.content.decode()
    assert not Ressursallokering.objects.exists()


def test_an_allocation_ending_before_it_starts_is_refused(prosjekt, prosjektleder, klient_for):
    url = reverse("prosjekter:ressurs-ny", args=[prosjekt.pk])
    svar = klient_for(prosjektleder).post(
        url,
        {
            "rolle": "Prosjektleder",
            "belastning": "50",
            "fra": "2027-03-01",
            "til": "2027-01-31",
            "status": "tildelt",
        },
    )
    assert "Slutt kan ikke være før start." in svar.content.decode()
    assert not Ressursallokering.objects.exists()


def test_a_deliverable_ending_before_it_starts_is_refused(prosjekt, prosjektleder, klient_for):
    url = reverse("prosjekter:leveranse-ny", args=[prosjekt.pk])
    svar = klient_for(prosjektleder).post(
        url,
        {
            "tittel": "Pilot",
            "startdato": "2027-03-01",
            "sluttdato": "2027-01-31",
            "status": "ihht_plan",
        },
    )
    assert "Slutt kan ikke være før start." in svar.content.decode()
    assert not Leveranse.objects.exists()


def test_a_measurement_without_an_indicator_is_refused(prosjekt, prosjektleder, klient_for):
    IndikatorFactory(gevinst=GevinstFactory(prosjekt=prosjekt))
    url = reverse("prosjekter:maling-ny", args=[prosjekt.pk])
    svar = klient_for(prosjektleder).post(url, {"dato": "2026-11-01", "verdi": "80"})
    assert svar.status_code == 200
    assert "Velg indikatoren målingen hører til." in svar.content.decode()
    assert not Maling.objects.exists()


def test_a_measurement_cannot_be_put_on_another_projects_indicator(
    prosjekt, prosjektleder, klient_for
):
    fremmed = IndikatorFactory()
    url = reverse("prosjekter:maling-ny", args=[prosjekt.pk])
    svar = klient_for(prosjektleder).post(
        url, {"indikator": fremmed.pk, "dato": "2026-11-01", "verdi": "80"}
    )
    assert svar.status_code == 200 and not Maling.objects.exists()


def test_an_indicator_with_target_equal_to_baseline_is_refused(prosjekt, prosjektleder, klient_for):
    gevinst = GevinstFactory(prosjekt=prosjekt)
    url = reverse("prosjekter:indikator-ny", args=[prosjekt.pk])
    svar = klient_for(prosjektleder).post(
        url,
        {
            "gevinst": gevinst.pk,
            "navn": "Ventetid",
            "enhet": "timer",
            "nullpunkt": "5",
            "malverdi": "5",
        },
    )
    assert "Målverdien må være forskjellig fra nullpunktet." in svar.content.decode()
    assert not Indikator.objects.exists()


def test_a_measurement_shows_its_realisation_on_the_project_page(
    prosjekt, prosjektleder, klient_for
):
    indikator = IndikatorFactory(
        gevinst=GevinstFactory(prosjekt=prosjekt), nullpunkt=100, malverdi=60
    )
    url = reverse("prosjekter:maling-ny", args=[prosjekt.pk])
    klient = klient_for(prosjektleder)
    klient.post(url, {"indikator": indikator.pk, "dato": "2026-11-01", "verdi": "70"})
    assert Maling.objects.get().registrert_av == prosjektleder
    side = klient.get(reverse("prosjekter:detalj", args=[prosjekt.pk])).content.decode()
    assert "75 %" in side  # from 100 towards 60, at 70: three quarters of the way


def test_archiving_hides_a_deliverable_but_keeps_it(prosjekt, prosjektleder, klient_for):
    leveranse = LeveranseFactory(prosjekt=prosjekt, tittel="Gammel leveranse")
    klient = klient_for(prosjektleder)
    url = reverse("prosjekter:leveranse-arkiver", args=[prosjekt.pk, leveranse.pk])
    assert klient.post(url).status_code == 302
    leveranse.refresh_from_db()
    assert leveranse.arkivert
    side = klient.get(reverse("prosjekter:detalj", args=[prosjekt.pk])).content.decode()
    assert "Gammel leveranse" not in side


@pytest.mark.parametrize(
    "hvem,forventet",
    [
        ("prosjektleder", 302),
        ("prosjekteier", 302),
        ("leder", 302),
        ("medlem", 403),
        ("ansatt", 403),
    ],
)
def test_who_may_register_and_change_a_risk(request, prosjekt, klient_for, hvem, forventet):
    bruker = request.getfixturevalue(hvem)
    klient = klient_for(bruker)
    ny = klient.post(reverse("prosjekter:risiko-ny", args=[prosjekt.pk]), RISIKO)
    assert ny.status_code == forventet
    eksisterende = UsikkerhetFactory(prosjekt=prosjekt, tittel="Før")
    url = reverse("prosjekter:risiko-rediger", args=[prosjekt.pk, eksisterende.pk])
    data = {**RISIKO, "tittel": "Etter", "versjon": eksisterende.versjon}
    assert klient.post(url, data).status_code == forventet
    eksisterende.refresh_from_db()
    assert (eksisterende.tittel == "Etter") == (forventet == 302)


def test_anonymous_cannot_register_anything(client, prosjekt):
    svar = client.post(reverse("prosjekter:risiko-ny", args=[prosjekt.pk]), RISIKO)
    assert svar.status_code == 302 and "/konto/login/" in svar.url
    assert not Usikkerhet.objects.exists()


def test_an_element_of_another_project_is_not_found(prosjekt, prosjektleder, klient_for):
    fremmed = LeveranseFactory()
    url = reverse("prosjekter:leveranse-rediger", args=[prosjekt.pk, fremmed.pk])
    assert klient_for(prosjektleder).get(url).status_code == 404


def test_a_member_reads_the_project_but_sees_no_edit_links(prosjekt, medlem, klient_for):
    svar = klient_for(medlem).get(reverse("prosjekter:detalj", args=[prosjekt.pk]))
    assert svar.status_code == 200
    assert reverse("prosjekter:risiko-ny", args=[prosjekt.pk]) not in svar.content.decode()


def test_an_outsider_cannot_read_a_project_exempt_from_public_access(prosjekt, ansatt, klient_for):
    prosjekt.unntatt_offentlighet, prosjekt.hjemmel = True, "offentleglova § 23"
    prosjekt.save()
    assert (
        klient_for(ansatt).get(reverse("prosjekter:detalj", args=[prosjekt.pk])).status_code == 403
    )


def test_a_project_ending_before_it_starts_is_refused(prosjekt, prosjekteier, klient_for):
    url = reverse("prosjekter:rediger", args=[prosjekt.pk])
    svar = klient_for(prosjekteier).post(
        url,
        {
            "tittel": "Nytt navn",
            "type": "ikt",
            "startdato": "2027-03-01",
            "sluttdato": "2027-01-31",
            "rapportfrekvens_mnd": "1",
            "versjon": prosjekt.versjon,
        },
    )
    assert "Slutt kan ikke være før start." in svar.content.decode()
    prosjekt.refresh_from_db()
    assert prosjekt.tittel == "Velferdsteknologi i hjemmetjenesten"


def test_the_owner_names_a_new_manager(prosjekt, prosjekteier, medlem, klient_for):
    url = reverse("prosjekter:rediger", args=[prosjekt.pk])
    svar = klient_for(prosjekteier).post(
        url,
        {
            "tittel": prosjekt.tittel,
            "type": "ikt",
            "prosjektleder": medlem.pk,
            "prosjekteier": prosjekteier.pk,
            "rapportfrekvens_mnd": "2",
            "versjon": prosjekt.versjon,
        },
    )
    assert svar.status_code == 302
    prosjekt.refresh_from_db()
    assert prosjekt.prosjektleder == medlem and prosjekt.rapportfrekvens_mnd == 2


def test_posting_the_same_new_risk_form_twice_registers_one_risk(
    prosjekt, prosjektleder, klient_for
):
    """The element forms carry the core's one-time key too."""
    import re

    klient = klient_for(prosjektleder)
    url = reverse("prosjekter:risiko-ny", args=[prosjekt.pk])
    nokkel = re.search(
        r'name="skjema_nokkel" value="([0-9a-f-]{36})"', klient.get(url).content.decode()
    )
    data = {**RISIKO, "skjema_nokkel": nokkel[1]}
    forste, andre = klient.post(url, data), klient.post(url, data)
    assert forste.status_code == andre.status_code == 302
    assert Usikkerhet.objects.count() == 1


def test_an_allocated_person_without_a_full_name_is_named_by_user_name(
    prosjekt, prosjektleder, lag_bruker, klient_for
):
    """The portal's one rule for a person's name (portefolje.personer.navn), not the role."""
    from prosjekter.tests.factories import AllokeringFactory

    AllokeringFactory(prosjekt=prosjekt, person=lag_bruker("kari.konsulent"), rolle="Utvikler")
    AllokeringFactory(prosjekt=prosjekt, person=None, rolle="Arkitekt")
    innhold = klient_for(prosjektleder).get(prosjekt.get_absolute_url()).content.decode()
    assert ">kari.konsulent</a>" in innhold
    assert ">Arkitekt</a>" in innhold  # a role not yet filled by anyone
