"""The citizen: a receipt e-mail with the code and a link when she gave an address and consent,
and «Følg innspillet ditt», where the code leads to the input's public page."""

import html

import pytest
from django.core import mail
from django.core.cache import cache
from django.urls import reverse

from ideer.models import Innspill
from ideer.tests.factories import InnbyggerInnspillFactory
from ideer.tests.hjelp import offentlig_post

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def tom_cache():
    cache.clear()  # the rate limits count in the cache
    yield
    cache.clear()


def _send(client, **felt):
    return client.post(reverse("ideer:offentlig-ny"), offentlig_post(**felt))


def test_a_citizen_who_consents_gets_a_receipt_with_the_code_and_link(
    client, django_capture_on_commit_callbacks, settings
):
    with django_capture_on_commit_callbacks(execute=True):
        svar = _send(client)
    innspill = Innspill.objects.get()
    assert svar.url == reverse("ideer:kvittering", kwargs={"kode": innspill.kode})
    [epost] = mail.outbox
    assert epost.to == ["kari@example.no"]
    assert "Vi har mottatt innspillet ditt" in epost.subject
    assert innspill.kode in epost.body
    lenke = f"{settings.PORTAL_BASE_URL}/innspill/{innspill.kode}/"
    assert lenke in epost.body
    assert client.get(lenke.removeprefix(settings.PORTAL_BASE_URL)).status_code == 200


def test_no_receipt_without_consent(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _send(client, samtykke=None)
    assert Innspill.objects.count() == 1 and mail.outbox == []


def test_the_receipt_waits_when_the_queue_is_down_and_is_not_lost(
    client, django_capture_on_commit_callbacks, monkeypatch
):
    """The queue down: the input is saved, and the receipt stays an unsent notification that
    the reminder pass sends later (portefolje.koe)."""
    from portefolje import koe
    from portefolje.models import Varsel

    def nede(*args, **kwargs):
        raise koe.OperationalError("Redis er nede")

    monkeypatch.setattr(koe, "_oppgave", lambda navn: type("O", (), {"delay": nede})())
    with django_capture_on_commit_callbacks(execute=True):
        svar = _send(client)
    assert svar.status_code == 302 and mail.outbox == []
    varsel = Varsel.objects.get(mottaker_epost="kari@example.no")
    assert Innspill.objects.get().kode in varsel.tekst and varsel.epost_sendt is None


def test_follow_your_input_is_linked_and_leads_to_the_public_page(client):
    innspill = InnbyggerInnspillFactory(offentlig_svar="Benkene kommer i mai.")
    for side in (reverse("ideer:kvittering", kwargs={"kode": innspill.kode}), "/resultater/"):
        assert 'href="/innspill/"' in client.get(side).content.decode(), side
    skjema = client.get("/innspill/")
    assert skjema.status_code == 200 and 'name="kode"' in skjema.content.decode()
    # Typed as people do: lower case, with spaces.
    typet = " ".join([innspill.kode[:4].lower(), innspill.kode[4:8], innspill.kode[8:]])
    svar = client.get("/innspill/", {"kode": typet}, follow=True)
    innhold = html.unescape(svar.content.decode())
    assert svar.redirect_chain[-1][0] == f"/innspill/{innspill.kode}/"
    assert innspill.tittel in innhold and "Benkene kommer i mai." in innhold
    # The public page, never the citizen's personal data.
    assert innspill.innsender_navn not in innhold and innspill.innsender_epost not in innhold


@pytest.mark.parametrize("kode", ["FINNESIKKE23", "!!", "a" * 41, ""])
def test_unknown_and_malformed_codes_get_the_same_message_by_the_field(client, kode):
    InnbyggerInnspillFactory()
    svar = client.get("/innspill/", {"kode": kode})
    assert svar.status_code == 200
    innhold = html.unescape(svar.content.decode())
    assert "Vi finner ikke noe innspill med denne koden." in innhold
    assert 'aria-invalid="true"' in innhold or "is-invalid" in innhold


def test_looking_up_codes_is_rate_limited(client):
    for _ in range(30):
        assert client.get("/innspill/", {"kode": "FINNESIKKE23"}).status_code == 200
    svar = client.get("/innspill/", {"kode": "FINNESIKKE23"})
    assert svar.status_code == 429
    assert "mange koder" in html.unescape(svar.content.decode())
