"""Personal API keys through «Min profil», and what the API answers to bad input: a clear JSON
error with a Norwegian `detail` and the right status, never a 500 and never data."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from api.models import ApiNokkel, hash_av
from api.services import nokkel_opprett
from prosjekter.models import Prosjekt


@pytest.fixture(autouse=True)
def uten_struping(settings):
    settings.API_STRUPING = None


@pytest.fixture
def prosjekt(portefolje, leder):
    return Prosjekt.objects.create(
        tittel='=HYPERLINK("http://x")', nummer="P-1", portefolje=portefolje, prosjektleder=leder
    )


def _med_nokkel(hemmelighet):
    klient = APIClient()
    klient.credentials(HTTP_AUTHORIZATION=f"Token {hemmelighet}")
    return klient


def _lag_nokkel_i_profilen(client, navn="Power BI"):
    side = client.get("/profil/")
    assert "Ny API-nøkkel" in side.content.decode()
    nokkel = re.search(r'name="skjema_nokkel" value="([^"]+)"', side.content.decode()).group(1)
    svar = client.post(
        "/api/v1/nokler/ny/",
        {"navn": navn, "gyldig_dager": "90", "skjema_nokkel": nokkel},
        follow=True,
    )
    assert svar.status_code == 200
    treff = re.search(
        r'id="ny-api-nokkel" type="text" readonly value="([^"]+)"', svar.content.decode()
    )
    return treff.group(1) if treff else None, svar


def test_a_key_made_on_the_profile_page_is_shown_once_stored_hashed_and_reads_as_its_owner(
    client, leder, prosjekt
):
    client.force_login(leder)
    hemmelighet, svar = _lag_nokkel_i_profilen(client)
    assert hemmelighet and "vises bare denne ene gangen" in svar.content.decode()
    nokkel = ApiNokkel.objects.get(bruker=leder)
    assert nokkel.hash == hash_av(hemmelighet) and hemmelighet not in (nokkel.hash, nokkel.prefiks)
    # Shown once: the next visit lists the key by its first characters only.
    igjen = client.get("/profil/").content.decode()
    assert hemmelighet not in igjen and f"{nokkel.prefiks}…" in igjen and "Power BI" in igjen

    svar = _med_nokkel(hemmelighet).get("/api/v1/prosjekter/")
    assert svar.status_code == 200
    assert [r["id"] for r in svar.json()["results"]] == [prosjekt.pk]
    nokkel.refresh_from_db()
    assert nokkel.sist_brukt is not None
    assert "Aldri" not in client.get("/profil/").content.decode()


def test_the_same_form_posted_twice_makes_one_key(client, ansatt):
    client.force_login(ansatt)
    side = client.get("/profil/").content.decode()
    skjema = re.search(r'name="skjema_nokkel" value="([^"]+)"', side).group(1)
    data = {"navn": "Excel", "gyldig_dager": "30", "skjema_nokkel": skjema}
    client.post("/api/v1/nokler/ny/", data)
    client.post("/api/v1/nokler/ny/", data)
    assert ApiNokkel.objects.filter(bruker=ansatt).count() == 1


def test_a_key_without_a_name_is_refused_at_the_field(client, ansatt):
    client.force_login(ansatt)
    svar = client.post("/api/v1/nokler/ny/", {"navn": "  ", "gyldig_dager": "9999"})
    assert svar.status_code == 400
    tekst = svar.content.decode()
    assert "Feltet er påkrevd" in tekst and "Velg et gyldig valg" in tekst
    assert not ApiNokkel.objects.exists()


def test_a_revoked_key_stops_working_with_a_norwegian_401(client, ansatt):
    client.force_login(ansatt)
    hemmelighet, _svar = _lag_nokkel_i_profilen(client)
    nokkel = ApiNokkel.objects.get(bruker=ansatt)
    side = client.get("/profil/").content.decode()
    assert f'action="/api/v1/nokler/{nokkel.pk}/trekk-tilbake/"' in side
    svar = client.post(f"/api/v1/nokler/{nokkel.pk}/trekk-tilbake/", follow=True)
    assert "trukket tilbake og virker ikke lenger" in svar.content.decode()

    svar = _med_nokkel(hemmelighet).get("/api/v1/portefoljer/")
    assert svar.status_code == 401
    assert svar.json() == {"detail": "API-nøkkelen er trukket tilbake."}
    assert svar["WWW-Authenticate"] == "Token"


def test_nobody_revokes_another_persons_key(client, ansatt, leder):
    nokkel, hemmelighet = nokkel_opprett(bruker=leder, navn="Leders", gyldig=timedelta(days=1))
    client.force_login(ansatt)
    assert client.post(f"/api/v1/nokler/{nokkel.pk}/trekk-tilbake/").status_code == 404
    nokkel.refresh_from_db()
    assert nokkel.trukket_tilbake is None
    assert _med_nokkel(hemmelighet).get("/api/v1/portefoljer/").status_code == 200


def test_expired_unknown_and_malformed_keys_get_a_clear_401(ansatt):
    nokkel, hemmelighet = nokkel_opprett(bruker=ansatt, navn="Gammel", gyldig=timedelta(days=1))
    ApiNokkel.objects.filter(pk=nokkel.pk).update(utloper=timezone.now() - timedelta(seconds=1))
    svar = _med_nokkel(hemmelighet).get("/api/v1/portefoljer/")
    assert (svar.status_code, svar.json()["detail"]) == (401, "API-nøkkelen er utløpt.")

    svar = _med_nokkel(hemmelighet[:-1] + "x").get("/api/v1/portefoljer/")
    assert (svar.status_code, svar.json()["detail"]) == (401, "Ukjent API-nøkkel.")

    klient = APIClient()
    klient.credentials(HTTP_AUTHORIZATION="Token to deler")
    svar = klient.get("/api/v1/portefoljer/")
    assert svar.status_code == 401 and "Token <nøkkel>" in svar.json()["detail"]

    _ny, gyldig = nokkel_opprett(bruker=ansatt, navn="Ny", gyldig=timedelta(days=1))
    ansatt.is_active = False
    ansatt.save()
    svar = _med_nokkel(gyldig).get("/api/v1/portefoljer/")
    assert (svar.status_code, svar.json()["detail"]) == (
        401,
        "Brukerkontoen til nøkkelen er deaktivert.",
    )


@pytest.mark.parametrize(
    ("sti", "status", "felt"),
    [
        ("/api/v1/prosjekter/?fase=ukjent", 400, "fase"),
        ("/api/v1/prosjekter/?fra=i-gaar", 400, "fra"),
        ("/api/v1/prosjekter/?felt=tittel", 400, "felt"),
        ("/api/v1/prosjekter/?per_side=0", 400, "per_side"),
        ("/api/v1/prosjekter/?side=abc", 400, "side"),
        ("/api/v1/prosjekter/?format=xml", 400, "format"),
        ("/api/v1/prosjekter/?portefolje=finnes-ikke", 400, "portefolje"),
        # An unknown section is a 400 too, not an empty list that looks like an answer.
        ("/api/v1/prosjekter/?seksjon=finnes-ikke", 400, "seksjon"),
        ("/api/v1/leveranser/?prosjekt=99999999999999999999999", 400, "prosjekt"),
        ("/api/v1/prosjekter/?side=2", 404, None),
        ("/api/v1/prosjekter/?side=" + "9" * 5000, 404, None),
        ("/api/v1/prosjekter/?per_side=" + "9" * 5000, 400, "per_side"),
        ("/api/v1/prosjekter/" + "9" * 40 + "/", 404, None),
        ("/api/v1/prosjekter/999999/", 404, None),
        ("/api/v1/prosjekter/1/?fase=x", 400, "fase"),
        # «ja» is not a yes/no value the API reads: a 400, not the whole list unfiltered.
        ("/api/v1/portefoljer/?aktiv=ja", 400, "aktiv"),
        ("/api/v1/programmer/?arkivert=nei", 400, "arkivert"),
    ],
)
def test_bad_input_gets_a_json_error_in_norwegian(client, leder, prosjekt, sti, status, felt):
    client.force_login(leder)
    svar = client.get(sti)
    assert svar.status_code == status, svar.content
    data = svar.json()
    assert data["detail"] and "results" not in data
    if felt:
        assert felt in data["feil"]
    if sti.endswith("side=2"):
        assert data["detail"] == "Side 2 finnes ikke: siste side er 1."


def test_yes_no_filters_read_true_and_false(client, leder):
    client.force_login(leder)
    aktive = client.get("/api/v1/portefoljer/?aktiv=true").json()["results"]
    inaktive = client.get("/api/v1/portefoljer/?aktiv=false").json()["results"]
    alle = client.get("/api/v1/portefoljer/").json()["results"]
    assert aktive and all(p["aktiv"] for p in aktive)
    assert not any(p["aktiv"] for p in inaktive)
    assert len(aktive) + len(inaktive) == len(alle)


def test_a_known_section_filters_the_projects(client, leder, prosjekt):
    from portefolje.models import Seksjon

    client.force_login(leder)
    seksjon = Seksjon.objects.create(navn="Oppvekst", slug="oppvekst-api")
    assert client.get("/api/v1/prosjekter/?seksjon=oppvekst-api").json()["results"] == []
    prosjekt.tjenesteomrade = seksjon
    prosjekt.save(update_fields=["tjenesteomrade"])
    rader = client.get("/api/v1/prosjekter/?seksjon=oppvekst-api").json()["results"]
    assert [r["id"] for r in rader] == [prosjekt.pk]


def test_writing_is_refused_with_405(client, leder, prosjekt):
    client.force_login(leder)
    for metode in ("post", "put", "patch", "delete"):
        svar = getattr(client, metode)(f"/api/v1/prosjekter/{prosjekt.pk}/")
        assert svar.status_code == 405
        assert "skrivebeskyttet" in svar.json()["detail"]
    assert Prosjekt.objects.get(pk=prosjekt.pk).tittel == prosjekt.tittel


def test_etag_gives_304_until_something_changes(client, leder, prosjekt):
    client.force_login(leder)
    forste = client.get("/api/v1/prosjekter/")
    etag = forste["ETag"]
    uendret = client.get("/api/v1/prosjekter/", HTTP_IF_NONE_MATCH=etag)
    assert uendret.status_code == 304 and not uendret.content
    Prosjekt.objects.filter(pk=prosjekt.pk).update(tittel="Nytt navn")
    endret = client.get("/api/v1/prosjekter/", HTTP_IF_NONE_MATCH=etag)
    assert endret.status_code == 200 and endret["ETag"] != etag


def test_csv_has_norwegian_headings_and_no_formulas(client, leder, prosjekt):
    client.force_login(leder)
    svar = client.get("/api/v1/prosjekter/", {"format": "csv", "fase": prosjekt.fase})
    assert svar["Content-Type"].startswith("text/csv")
    tekst = b"".join(svar.streaming_content).decode("utf-8-sig")
    overskrift, rad = tekst.splitlines()[:2]
    assert overskrift.startswith("ID;Prosjektnummer;Tittel;") or "Tittel" in overskrift
    assert "Fase (tekst)" in overskrift
    assert "'=HYPERLINK" in rad


def test_the_rate_limit_answers_429_in_norwegian(client, leder, settings):
    settings.API_STRUPING = "2/min"
    from django.core.cache import cache

    cache.clear()
    client.force_login(leder)
    koder = [client.get("/api/v1/portefoljer/").status_code for _ in range(3)]
    assert koder == [200, 200, 429]
    assert "For mange forespørsler" in client.get("/api/v1/portefoljer/").json()["detail"]


def test_a_refused_key_leaves_the_persons_written_language_alone(client, ansatt):
    """The key form posts beside the language form on «Min profil»; a refusal must not be read
    as a language choice (it once reset the profile's language)."""
    client.force_login(ansatt)
    client.post("/profil/", {"sprak": "nn"})
    assert client.post("/api/v1/nokler/ny/", {"navn": ""}).status_code == 400
    ansatt.profil.refresh_from_db()
    assert ansatt.profil.sprak == "nn"
