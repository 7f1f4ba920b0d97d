"""Status reports: start from the last, publishing locks them, concurrent edits are caught."""

import datetime
import html
import re
from datetime import UTC

import pytest
from django.urls import reverse

from portefolje.overganger import UlovligOvergang
from prosjekter import services
from prosjekter.models import Statusrapport
from prosjekter.overganger import kan_publisere
from prosjekter.tests.factories import StatusrapportFactory

pytestmark = pytest.mark.django_db


def _skjema(rapport, **endringer):
    data = {felt: getattr(rapport, felt) or "" for felt in services.RAPPORTFELT}
    data["versjon"] = rapport.versjon
    data.update(endringer)
    return data


def _felt(side: str) -> dict:
    """The values a rendered form sends back as it stands: inputs, text areas and selects."""
    data = {}
    for navn, verdi in re.findall(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', side):
        data[navn] = html.unescape(verdi)
    for navn, verdi in re.findall(r'<textarea[^>]*name="([^"]+)"[^>]*>([^<]*)</textarea>', side):
        data[navn] = html.unescape(verdi).strip()
    for navn, valg in re.findall(r'<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>', side, re.S):
        valgt = re.search(r'<option value="([^"]*)"[^>]*selected', valg)
        data[navn] = valgt.group(1) if valgt else ""
    data.pop("csrfmiddlewaretoken", None)
    return data


def _bekreft(klient, url):
    """Answer the one question before publishing, as the page asks it."""
    side = klient.get(url)
    assert side.status_code == 200
    assert "Publisere statusrapporten?" in side.content.decode()
    return klient.post(url, _felt(side.content.decode()))


def test_new_report_opens_the_form_from_the_last_and_saves_one_draft_on_first_save(
    prosjekt, prosjektleder, klient_for
):
    StatusrapportFactory(
        prosjekt=prosjekt,
        oppnadd="Pilot i sone nord",
        fremdrift="mindre_forsinkelser",
        fremdrift_kommentar="Leverandøren er sen",
        prognose=1_600_000,
    )
    klient = klient_for(prosjektleder)
    detalj = klient.get(reverse("prosjekter:detalj", args=[prosjekt.pk])).content.decode()
    ny = reverse("prosjekter:rapport-ny", args=[prosjekt.pk])
    assert f'href="{ny}"' in detalj  # a link: opening the form creates nothing
    side = klient.get(ny)
    assert side.status_code == 200 and "Pilot i sone nord" in side.content.decode()
    assert not Statusrapport.objects.filter(tilstand="utkast").exists()
    data = {**_felt(side.content.decode()), "neste": "Utrulling i mars"}
    svar = klient.post(ny, data)
    utkast = Statusrapport.objects.get(prosjekt=prosjekt, tilstand="utkast")
    assert svar.url == reverse("prosjekter:rapport", args=[prosjekt.pk, utkast.pk])
    assert utkast.oppnadd == "Pilot i sone nord" and utkast.neste == "Utrulling i mars"
    assert utkast.fremdrift == "mindre_forsinkelser"
    assert utkast.fremdrift_kommentar == "Leverandøren er sen"
    assert utkast.prognose == 1_600_000
    # The same form sent again (a double click) answers with the same draft.
    assert klient.post(ny, data).url == svar.url
    assert Statusrapport.objects.filter(prosjekt=prosjekt, tilstand="utkast").count() == 1
    # «Ny statusrapport» on a project with a draft continues it.
    assert klient.get(ny).url == svar.url


def test_a_draft_started_meanwhile_refuses_the_new_form_and_keeps_the_text(
    prosjekt, prosjektleder, prosjekteier, klient_for
):
    klient = klient_for(prosjektleder)
    ny = reverse("prosjekter:rapport-ny", args=[prosjekt.pk])
    data = {**_felt(klient.get(ny).content.decode()), "oppnadd": "Min tekst"}
    services.statusrapport_ny(prosjekt=prosjekt, aktor=prosjekteier)
    svar = klient.post(ny, data)
    assert svar.status_code == 200
    assert "Noen startet et utkast" in svar.content.decode()
    assert "Min tekst" in svar.content.decode()
    assert Statusrapport.objects.get(prosjekt=prosjekt).oppnadd != "Min tekst"


def test_save_and_publish_asks_once_then_makes_a_read_only_report_with_its_colour(
    prosjekt, prosjektleder, klient_for
):
    rapport = services.statusrapport_ny(prosjekt=prosjekt, aktor=prosjektleder)
    url = reverse("prosjekter:rapport", args=[prosjekt.pk, rapport.pk])
    klient = klient_for(prosjektleder)
    skjema = klient.get(url).content.decode()
    # No tick box, no browser dialog: the one question comes after «Save and publish».
    assert "bekreft_publisering" not in skjema and "data-confirm" not in skjema
    svar = klient.post(
        url, _skjema(rapport, fremdrift="forsinket", okonomi="pa_budsjett", publiser="1")
    )
    publiser = reverse("prosjekter:rapport-publiser", args=[prosjekt.pk, rapport.pk])
    assert svar.url == publiser
    rapport.refresh_from_db()
    assert rapport.tilstand == "utkast" and rapport.fremdrift == "forsinket"  # saved, not final
    assert _bekreft(klient, publiser).status_code == 302
    rapport.refresh_from_db()
    assert rapport.tilstand == "publisert" and rapport.publisert is not None
    assert rapport.farge == "rod"
    side = klient.get(reverse("prosjekter:detalj", args=[prosjekt.pk])).content.decode()
    assert '<span class="status status-rod">Forsinket</span>' in side


def test_a_new_report_can_be_published_from_its_first_save(prosjekt, prosjektleder, klient_for):
    klient = klient_for(prosjektleder)
    ny = reverse("prosjekter:rapport-ny", args=[prosjekt.pk])
    data = {**_felt(klient.get(ny).content.decode()), "oppnadd": "Pilot ferdig", "publiser": "1"}
    svar = klient.post(ny, data)
    rapport = Statusrapport.objects.get(prosjekt=prosjekt)
    assert svar.url == reverse("prosjekter:rapport-publiser", args=[prosjekt.pk, rapport.pk])
    _bekreft(klient, svar.url)
    rapport.refresh_from_db()
    assert rapport.tilstand == "publisert" and rapport.oppnadd == "Pilot ferdig"


def test_save_draft_does_not_ask(prosjekt, prosjektleder, klient_for):
    rapport = services.statusrapport_ny(prosjekt=prosjekt, aktor=prosjektleder)
    url = reverse("prosjekter:rapport", args=[prosjekt.pk, rapport.pk])
    svar = klient_for(prosjektleder).post(url, _skjema(rapport, oppnadd="Pilot ferdig"))
    assert svar.url == url
    rapport.refresh_from_db()
    assert rapport.tilstand == "utkast" and rapport.oppnadd == "Pilot ferdig"


def test_editing_a_published_report_by_url_is_refused(prosjekt, prosjektleder, klient_for):
    rapport = StatusrapportFactory(prosjekt=prosjekt, oppnadd="Det som sto")
    url = reverse("prosjekter:rapport", args=[prosjekt.pk, rapport.pk])
    svar = klient_for(prosjektleder).post(url, _skjema(rapport, oppnadd="Omskrevet"), follow=True)
    rapport.refresh_from_db()
    assert rapport.oppnadd == "Det som sto"
    assert "publisert og kan ikke lenger endres" in svar.content.decode()


def test_a_concurrent_edit_is_detected_and_the_text_kept(prosjekt, prosjektleder, klient_for):
    rapport = services.statusrapport_ny(prosjekt=prosjekt, aktor=prosjektleder)
    gammel = _skjema(rapport)
    # Someone else saves first.
    services.statusrapport_lagre(
        rapport=rapport, data={"oppnadd": "Eiers tekst"}, versjon=rapport.versjon, aktor=None
    )
    url = reverse("prosjekter:rapport", args=[prosjekt.pk, rapport.pk])
    svar = klient_for(prosjektleder).post(url, {**gammel, "oppnadd": "Min tekst"})
    assert svar.status_code == 200
    innhold = svar.content.decode()
    assert "Noen andre lagret dette etter at du åpnet det" in innhold
    assert "Min tekst" in innhold  # nothing the user wrote is lost
    rapport.refresh_from_db()
    assert rapport.oppnadd == "Eiers tekst"


def test_a_negative_cost_is_refused_next_to_the_field(prosjekt, prosjektleder, klient_for):
    rapport = services.statusrapport_ny(prosjekt=prosjekt, aktor=prosjektleder)
    url = reverse("prosjekter:rapport", args=[prosjekt.pk, rapport.pk])
    svar = klient_for(prosjektleder).post(url, _skjema(rapport, kostnad_hittil="-5"))
    assert svar.status_code == 200
    assert "Beløpet kan ikke være negativt" in svar.content.decode()


@pytest.mark.parametrize(
    "hvem,forventet",
    [
        ("prosjektleder", 200),
        ("prosjekteier", 200),
        ("leder", 200),
        ("medlem", 403),
        ("ansatt", 403),
    ],
)
def test_who_may_start_a_report(request, prosjekt, klient_for, hvem, forventet):
    bruker = request.getfixturevalue(hvem)
    ny = reverse("prosjekter:rapport-ny", args=[prosjekt.pk])
    assert klient_for(bruker).get(ny).status_code == forventet
    if forventet == 403:
        assert klient_for(bruker).post(ny, {"oppnadd": "x"}).status_code == 403
        assert not Statusrapport.objects.exists()


def test_anonymous_is_sent_to_login(client, prosjekt):
    svar = client.post(reverse("prosjekter:rapport-ny", args=[prosjekt.pk]))
    assert svar.status_code == 302 and "/konto/login/" in svar.url
    assert not Statusrapport.objects.exists()


def test_a_member_reads_a_draft_only_through_the_project_not_the_form(
    prosjekt, prosjektleder, medlem, klient_for
):
    rapport = services.statusrapport_ny(prosjekt=prosjekt, aktor=prosjektleder)
    url = reverse("prosjekter:rapport", args=[prosjekt.pk, rapport.pk])
    assert klient_for(medlem).get(url).status_code == 403
    assert klient_for(medlem).post(url, _skjema(rapport, oppnadd="x")).status_code == 403


def test_the_form_shows_its_period_and_each_value_with_its_colour_word(
    prosjekt, prosjektleder, klient_for
):
    import datetime

    from django.utils import timezone

    StatusrapportFactory(
        prosjekt=prosjekt,
        publisert=datetime.datetime(2026, 10, 31, 23, 30, tzinfo=datetime.UTC),
    )
    rapport = services.statusrapport_ny(prosjekt=prosjekt, aktor=prosjektleder)
    side = klient_for(prosjektleder).get(
        reverse("prosjekter:rapport", args=[prosjekt.pk, rapport.pk])
    )
    innhold = side.content.decode()
    idag = timezone.localdate()
    # 23:30 UTC on 31 October is 1 November in Oslo.
    assert f"Rapporten gjelder 1. november 2026 – {idag.day}." in innhold
    assert ">På plan (grønn)</option>" in innhold
    assert ">Over budsjett (rød)</option>" in innhold


def test_under_budget_beside_a_forecast_equal_to_the_budget_is_refused(
    prosjekt, prosjektleder, klient_for
):
    rapport = services.statusrapport_ny(prosjekt=prosjekt, aktor=prosjektleder)
    url = reverse("prosjekter:rapport", args=[prosjekt.pk, rapport.pk])
    svar = klient_for(prosjektleder).post(
        url,
        _skjema(rapport, okonomi="under_budsjett", budsjett="3800000", prognose="3800000"),
    )
    assert svar.status_code == 200
    assert (
        "«Under budsjett» stemmer ikke med prognosen på 3\u00a0800\u00a0000\u00a0kr"
        in svar.content.decode()
    )
    svar = klient_for(prosjektleder).post(
        url, _skjema(rapport, okonomi="pa_budsjett", budsjett="3800000", prognose="3800000")
    )
    assert svar.status_code == 302


def test_amounts_are_written_as_kroner_on_the_project_page(prosjekt, prosjektleder, klient_for):
    prosjekt.budsjett = 3_800_000
    prosjekt.save()
    StatusrapportFactory(prosjekt=prosjekt, kostnad_hittil=1_250_000, prognose=3_800_000)
    innhold = klient_for(prosjektleder).get(prosjekt.get_absolute_url()).content.decode()
    assert "3\u00a0800\u00a0000\u00a0kr" in innhold
    assert "1\u00a0250\u00a0000\u00a0kr / 3\u00a0800\u00a0000\u00a0kr" in innhold


def test_the_project_page_lists_the_latest_year_of_reports_and_the_rest_on_request(
    prosjekt, prosjektleder, klient_for
):
    """Ten years of monthly reports would be a list of 120 on the project's page: it shows the
    twelve newest and a link to all (the link the page renders)."""
    for maned in range(1, 15):
        StatusrapportFactory(
            prosjekt=prosjekt,
            publisert=datetime.datetime(2025 + maned // 13, 1 + (maned - 1) % 12, 5, tzinfo=UTC),
        )
    klient = klient_for(prosjektleder)
    side = klient.get(reverse("prosjekter:detalj", args=[prosjekt.pk])).content.decode()
    historikk = side.split('id="statushistorikk"')[1].split("</section>")[0]
    assert historikk.count("Rapport av") == 12
    assert "Rapport av 5. februar 2026" in historikk  # the newest first
    assert "Rapport av 5. januar 2025" not in historikk
    lenke = re.search(r'<a href="([^"]+)">Vis alle 14 rapportene</a>', historikk).group(1)
    alle = klient.get(reverse("prosjekter:detalj", args=[prosjekt.pk]) + html.unescape(lenke))
    historikk = alle.content.decode().split('id="statushistorikk"')[1].split("</section>")[0]
    assert historikk.count("Rapport av") == 14
    assert "Vis alle" not in historikk


def test_a_published_report_is_not_published_again(prosjekt, prosjektleder, klient_for):
    """Publishing is the one declared move (prosjekter/overganger.py): from a draft only."""
    rapport = services.statusrapport_ny(prosjekt=prosjekt, aktor=prosjektleder)
    rapport = services.statusrapport_publiser(
        rapport=rapport, versjon=rapport.versjon, aktor=prosjektleder
    )
    publisert = rapport.publisert
    url = reverse("prosjekter:rapport-publiser", args=[prosjekt.pk, rapport.pk])
    svar = klient_for(prosjektleder).post(url, {"versjon": rapport.versjon}, follow=True)
    assert "Denne rapporten er allerede publisert." in html.unescape(svar.content.decode())
    rapport.refresh_from_db()
    assert rapport.publisert == publisert


def test_only_those_who_write_the_reports_may_publish(prosjekt, prosjektleder, medlem):
    rapport = services.statusrapport_ny(prosjekt=prosjekt, aktor=prosjektleder)
    assert kan_publisere(rapport, prosjektleder) and not kan_publisere(rapport, medlem)
    with pytest.raises(UlovligOvergang):
        services.statusrapport_publiser(rapport=rapport, versjon=rapport.versjon, aktor=medlem)
    rapport.refresh_from_db()
    assert rapport.tilstand == "utkast"
