"""The public form /innspill/ny/ and the receipt page /innspill/<kode>/."""

import time
import uuid

import pytest
from django.conf import settings

from ideer.forms import lag_tidsstempel
from ideer.models import Innspill, Kanal, Opphav, Status, Vedlegg
from ideer.tests.hjelp import PDF, docx, fil, offentlig_post

pytestmark = pytest.mark.django_db
URL = "/innspill/ny/"


def test_citizen_sends_without_login_and_follows_by_receipt_code(client):
    svar = client.post(URL, offentlig_post())
    innspill = Innspill.objects.get()
    assert svar.status_code == 302
    assert svar["Location"] == f"/innspill/{innspill.kode}/"
    assert innspill.kanal == Kanal.OFFENTLIG_SKJEMA
    assert innspill.opphav == Opphav.INNBYGGERE
    assert innspill.innsender is None
    assert innspill.innsender_epost == "kari@example.no" and innspill.samtykke_epost

    kvittering = client.get(svar["Location"])
    innhold = kvittering.content.decode()
    assert kvittering.status_code == 200
    assert innspill.kode in innhold
    assert "Bedre belysning" in innhold
    assert "Ny" in innhold  # the status, in Norwegian


def test_receipt_shows_no_personal_data(client):
    client.post(URL, offentlig_post())
    innspill = Innspill.objects.get()
    innhold = client.get(f"/innspill/{innspill.kode}/").content.decode()
    assert "Kari Nordmann" not in innhold
    assert "kari@example.no" not in innhold


def test_unknown_receipt_code_is_404(client):
    assert client.get("/innspill/FINNESIKKE12/").status_code == 404


def test_privacy_notice_is_on_the_form(client):
    innhold = client.get(URL).content.decode()
    assert "/personvern/" in innhold
    assert f"{settings.INNSPILL_OPPBEVARING_MAANEDER} måneder" in innhold


def test_honeypot_filled_saves_nothing(client):
    svar = client.post(URL, offentlig_post(nettsted="http://spam.example"))
    assert svar.status_code == 200
    assert not Innspill.objects.exists()
    assert "La det siste feltet stå tomt" in svar.content.decode()


def test_too_fast_saves_nothing(client):
    svar = client.post(URL, offentlig_post(tidsstempel=lag_tidsstempel(time.time())))
    assert svar.status_code == 200
    assert not Innspill.objects.exists()
    assert "veldig raskt" in svar.content.decode()


def test_forged_timestamp_saves_nothing(client):
    svar = client.post(URL, offentlig_post(tidsstempel="1700000000"))
    assert not Innspill.objects.exists()
    assert "Last inn siden på nytt" in svar.content.decode()


def test_rate_limit_per_address(client):
    for n in range(5):
        assert client.post(URL, offentlig_post(tittel=f"Idé {n}")).status_code == 302
    svar = client.post(URL, offentlig_post(tittel="Idé 6"))
    assert svar.status_code == 429
    assert "mange innspill fra adressen din" in svar.content.decode()
    assert Innspill.objects.count() == 5


def test_empty_fields_get_norwegian_messages_next_to_them(client):
    svar = client.post(URL, offentlig_post(tittel="", beskrivelse=""))
    assert svar.status_code == 200
    skjema = svar.context["form"]
    assert skjema.errors["tittel"] == ["Feltet er påkrevd."]
    assert skjema.errors["beskrivelse"] == ["Feltet er påkrevd."]
    assert "aria-describedby" in svar.content.decode()
    assert not Innspill.objects.exists()


def test_oversized_title_is_refused(client):
    svar = client.post(URL, offentlig_post(tittel="x" * 201))
    assert "tittel" in svar.context["form"].errors
    assert "200" in svar.context["form"].errors["tittel"][0]
    assert not Innspill.objects.exists()


def test_consent_without_email_asks_for_address(client):
    svar = client.post(URL, offentlig_post(epost=""))
    assert svar.context["form"].errors["epost"]
    assert not Innspill.objects.exists()


def test_bad_email_is_refused(client):
    svar = client.post(URL, offentlig_post(epost="ikke-en-adresse"))
    assert svar.context["form"].errors["epost"]
    assert not Innspill.objects.exists()


def test_double_post_creates_one_input(client):
    data = offentlig_post(skjema_nokkel=str(uuid.uuid4()))
    forste = client.post(URL, data)
    andre = client.post(URL, data)
    assert Innspill.objects.count() == 1
    assert forste["Location"] == andre["Location"]


def test_attachment_is_stored_with_its_real_type(client):
    svar = client.post(URL, {**offentlig_post(), "vedlegg": fil("skisse.pdf", PDF)})
    assert svar.status_code == 302
    vedlegg = Vedlegg.objects.get()
    assert vedlegg.filtype == "pdf"
    assert vedlegg.filnavn == "skisse.pdf"
    assert "skisse" not in vedlegg.fil.name  # stored under a random name


def test_docx_is_recognised_by_its_parts(client):
    client.post(URL, {**offentlig_post(), "vedlegg": fil("notat.docx", docx())})
    assert Vedlegg.objects.get().filtype == "docx"


@pytest.mark.parametrize(
    ("navn", "innhold"),
    [
        ("virus.exe", b"MZ\x90\x00" + b"\x00" * 100),  # wrong type
        ("faktura.pdf", b"MZ\x90\x00" + b"\x00" * 100),  # lies about its type
        ("bilde.png", b"GIF89a" + b"\x00" * 100),  # an image we do not take
        ("notat.docx", b"PK\x03\x04" + b"\x00" * 100),  # a zip that is not a document
    ],
)
def test_file_of_wrong_type_is_refused_and_nothing_saved(client, navn, innhold):
    svar = client.post(URL, {**offentlig_post(), "vedlegg": fil(navn, innhold)})
    assert svar.status_code == 200
    assert "Vi kan ikke ta imot denne filen" in svar.context["form"].errors["vedlegg"][0]
    assert not Innspill.objects.exists()
    assert not Vedlegg.objects.exists()


def test_too_large_file_is_refused(client, settings):
    settings.MAX_UPLOAD_BYTES = 1000
    svar = client.post(URL, {**offentlig_post(), "vedlegg": fil("stor.pdf", PDF + b"0" * 2000)})
    assert "største filen" in svar.context["form"].errors["vedlegg"][0]
    assert not Innspill.objects.exists()


def test_new_input_has_status_new_and_history(client):
    client.post(URL, offentlig_post())
    innspill = Innspill.objects.get()
    assert innspill.status == Status.NY
    assert innspill.statushistorikk.count() == 1


def test_receipt_of_a_merged_input_does_not_show_the_internal_idea(client, utvikler):
    """The kept input may be internal; the citizen learns only that it was merged."""
    from ideer.services import innspill_slaa_sammen
    from ideer.tests.factories import InnbyggerInnspillFactory, InnspillFactory

    borger = InnbyggerInnspillFactory(tittel="Lys på gangveien")
    intern = InnspillFactory(tittel="Intern sak om ENØK-budsjett")
    innspill_slaa_sammen(innspill=borger, inn_i=intern, aktor=utvikler)
    borger.refresh_from_db()
    innhold = client.get(f"/innspill/{borger.kode}/").content.decode()
    assert "Behandles sammen med" in innhold or "sammen med" in innhold
    assert "ENØK" not in innhold
    assert intern.kode not in innhold


def test_public_form_limit_counts_per_client_behind_the_proxy(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for n in range(5):
        svar = client.post(
            "/innspill/ny/",
            offentlig_post(tittel=f"Idé {n}"),
            HTTP_X_FORWARDED_FOR="203.0.113.7",
        )
        assert svar.status_code == 302
    sperret = client.post(
        "/innspill/ny/", offentlig_post(tittel="Idé 6"), HTTP_X_FORWARDED_FOR="203.0.113.7"
    )
    assert sperret.status_code == 429
    # Another citizen behind the same proxy (same REMOTE_ADDR) is not blocked by the first.
    annen = client.post(
        "/innspill/ny/", offentlig_post(tittel="Idé 7"), HTTP_X_FORWARDED_FOR="198.51.100.2"
    )
    assert annen.status_code == 302
    assert Innspill.objects.count() == 6
