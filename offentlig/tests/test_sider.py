"""The public results pages as a citizen uses them: lists, search and filters, one project's
page with its measured benefit, a decision's page, and clear answers to bad input."""

import datetime
import re

import pytest
from django.urls import reverse

from portefolje.models import Seksjon
from prosjekter.tests.factories import (
    GevinstFactory,
    IndikatorFactory,
    MalingFactory,
    ProsjektFactory,
    StatusrapportFactory,
    lag_beslutning,
)

pytestmark = pytest.mark.django_db

PROSJEKTER = reverse("offentlig:prosjekter")
BESLUTNINGER = reverse("offentlig:beslutninger")


def _tekst(svar) -> str:
    return svar.content.decode()


def _uten_token(svar) -> str:
    """The page without what differs per request anyway: the CSRF tokens, and the address the
    visitor typed (echoed by the language switcher's `next`), which is no hint of existence."""
    tekst = re.sub(r'CSRFToken": "[^"]+"', "", _tekst(svar))
    tekst = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", tekst)
    return tekst.replace(svar.wsgi_request.get_full_path(), "")


def test_prosjektlisten_viser_offentlige_prosjekter_i_klarsprak(client, kjede):
    svar = client.get(PROSJEKTER)
    assert svar.status_code == 200
    html = _tekst(svar)
    assert "Lys på skoleveien" in html
    assert "Gjennomføring: arbeidet pågår" in html
    assert "Noen avvik fra planen" in html  # the latest published report, yellow, in words
    assert "mai 2026 til april 2027" in html
    assert "1 prosjekt" in html  # the exempt one is not counted


def test_beslutningslisten_viser_hva_og_hvorfor(client, kjede):
    html = _tekst(client.get(BESLUTNINGER))
    assert "Ja: det blir et prosjekt" in html
    assert "Tryggere skolevei for mange barn, til lav kostnad." in html
    assert "Sendt videre til kommunedirektørens ledergruppe (KLG)" in html
    assert "2 beslutninger" in html
    prosjektlenke = reverse("offentlig:prosjekt", kwargs={"pk": kjede.prosjekt.pk})
    assert prosjektlenke in html


def test_prosjektsiden_viser_status_og_gevinst_med_realisering(client, kjede):
    html = _tekst(client.get(reverse("offentlig:prosjekt", kwargs={"pk": kjede.prosjekt.pk})))
    assert "Alle barn skal ha en opplyst skolevei om vinteren." in html
    assert "Tretti nye lyktestolper er satt opp." in html
    assert "Flere barn går eller sykler til skolen" in html
    # From 40 % towards 80 %, measured 60 %: half way.
    assert "50 % av målet" in html
    assert "Kommunalsjef helse og omsorg" in html
    assert "1 idé eller henvendelse sendt til kommunen" in html
    # The decisions on its concept note, oldest first, each linked.
    assert html.index(reverse("offentlig:beslutning", kwargs={"pk": kjede.loftet.pk})) < html.index(
        reverse("offentlig:beslutning", kwargs={"pk": kjede.beslutning.pk})
    )


def test_beslutningssiden_lenker_til_prosjektet(client, kjede):
    html = _tekst(client.get(reverse("offentlig:beslutning", kwargs={"pk": kjede.beslutning.pk})))
    assert "Tryggere skolevei for mange barn, til lav kostnad." in html
    assert reverse("offentlig:prosjekt", kwargs={"pk": kjede.prosjekt.pk}) in html


def test_unntatt_prosjekt_og_beslutning_gir_404_uten_hint(client, kjede):
    for navn, pk in [
        ("offentlig:prosjekt", kjede.unntatt_prosjekt.pk),
        ("offentlig:beslutning", kjede.unntatt_beslutning.pk),
    ]:
        unntatt = client.get(reverse(navn, kwargs={"pk": pk}))
        finnes_ikke = client.get(reverse(navn, kwargs={"pk": 987654}))
        assert unntatt.status_code == finnes_ikke.status_code == 404
        # The same page as for an id that never existed: nothing says it is there.
        assert _uten_token(unntatt) == _uten_token(finnes_ikke)


def test_unntatt_beslutning_skjuler_ikke_prosjektet_men_vises_ikke_paa_det(client, kjede):
    kjede.beslutning.unntatt_offentlighet, kjede.beslutning.hjemmel = True, "Offl. § 14"
    kjede.beslutning.save()
    html = _tekst(client.get(reverse("offentlig:prosjekt", kwargs={"pk": kjede.prosjekt.pk})))
    assert reverse("offentlig:beslutning", kwargs={"pk": kjede.beslutning.pk}) not in html
    assert "Tryggere skolevei" not in _tekst(client.get(BESLUTNINGER))


def test_sok_og_filter(client, kjede, seksjon):
    annen = Seksjon.objects.create(navn="Oppvekst og kultur", slug="oppvekst-og-kultur")
    ProsjektFactory(
        tittel="Ny skolebibliotek",
        portefolje=kjede.prosjekt.portefolje,
        tjenesteomrade=annen,
        type="bygg",
    )
    html = _tekst(client.get(PROSJEKTER, {"q": "skolevei"}))
    assert "Lys på skoleveien" in html and "Ny skolebibliotek" not in html
    html = _tekst(client.get(PROSJEKTER, {"seksjon": "oppvekst-og-kultur"}))
    assert "Ny skolebibliotek" in html and "Lys på skoleveien" not in html
    html = _tekst(client.get(PROSJEKTER, {"tema": "anlegg"}))
    assert "Lys på skoleveien" in html and "Ny skolebibliotek" not in html
    html = _tekst(client.get(BESLUTNINGER, {"seksjon": "helse-og-omsorg", "q": "skolevei"}))
    assert "Tryggere skolevei" in html
    html = _tekst(client.get(BESLUTNINGER, {"tema": "bygg"}))
    assert "Ingen beslutninger passer med søket" in html


@pytest.mark.parametrize(
    "side,parametre,melding",
    [
        (PROSJEKTER, {"seksjon": "finnes-ikke"}, "Vi kjenner ikke den seksjonen"),
        (PROSJEKTER, {"tema": "romfart"}, "Vi kjenner ikke det temaet"),
        (BESLUTNINGER, {"q": "x" * 101}, "Skriv høyst 100 tegn i søket."),
        (BESLUTNINGER, {"seksjon": "\x00"}, "Null-tegn er ikke tillatt"),
    ],
)
def test_ugyldig_sok_gir_tydelig_svar(client, kjede, side, parametre, melding):
    svar = client.get(side, parametre)
    assert svar.status_code == 400
    html = _tekst(svar)
    assert melding in html
    assert "Vi kunne ikke bruke søket ditt" in html


@pytest.mark.parametrize("verdi", ["0", "-1", "999999999999999999999", "abc", "2.5"])
def test_sidetall_utenfor_omraade_gir_aldri_feil(client, kjede, verdi):
    assert client.get(PROSJEKTER, {"side": verdi}).status_code == 200
    assert client.get(BESLUTNINGER, {"side": verdi}).status_code == 200


@pytest.mark.parametrize("pk", ["0", "99999999999999999999"])
def test_id_utenfor_omraade_er_404(client, pk):
    assert client.get(f"/resultater/prosjekter/{pk}/").status_code == 404
    assert client.get(f"/resultater/beslutninger/{pk}/").status_code == 404


def _lag_prosjekter(portefolje, antall, start=0):
    for i in range(start, start + antall):
        beslutning = lag_beslutning(
            portefolje=portefolje,
            eier=portefolje.medlemskap.first().bruker,
            besluttet_av=portefolje.medlemskap.first().bruker,
            tittel=f"Notat {i}",
        )
        prosjekt = ProsjektFactory(portefolje=portefolje, beslutning=beslutning)
        StatusrapportFactory(prosjekt=prosjekt)
        indikator = IndikatorFactory(gevinst=GevinstFactory(prosjekt=prosjekt))
        MalingFactory(indikator=indikator, dato=datetime.date(2026, 9, 1))


@pytest.mark.parametrize("url", [PROSJEKTER, BESLUTNINGER])
def test_listene_har_fast_antall_sporringer(
    client, django_assert_num_queries, portefolje, leder, url
):
    _lag_prosjekter(portefolje, 2)
    client.get(url)  # warm caches (content types, sessions) outside the count
    with django_assert_num_queries(_antall(client, url)) as foer:
        client.get(url)
    _lag_prosjekter(portefolje, 18, start=2)
    with django_assert_num_queries(len(foer.captured_queries)):
        svar = client.get(url)
    assert svar.status_code == 200


def _antall(client, url) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        client.get(url)
    return len(ctx.captured_queries)
