"""Pages are sent gzip-compressed to a browser that asks, by Django's GZipMiddleware.

BREACH reads a secret out of compressed pages by their length; Django answers it twice: every
compressed answer carries 0–99 random bytes in the gzip header (Heal The Breach, Django 4.2),
and the CSRF token in a page is masked anew for every page. A form on a compressed page still
posts. docs/drift.md, «Komprimering», says why the portal compresses and not the proxy.
"""

import gzip
import re

import pytest
from django.test import Client

from ideer.models import Innspill
from ideer.tests.hjelp import offentlig_post

GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br"}
SKJEMA = "/innspill/ny/"


def test_a_page_is_sent_compressed_when_the_browser_asks(client, ansatt):
    client.force_login(ansatt)
    svar = client.get("/", **GZIP)
    assert svar["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in svar["Vary"]
    html = gzip.decompress(svar.content).decode()
    assert "<main" in html and int(svar["Content-Length"]) == len(svar.content)
    assert len(svar.content) < len(html) / 3


def test_a_page_is_sent_plain_to_a_client_that_does_not_ask(client, ansatt):
    client.force_login(ansatt)
    svar = client.get("/")
    assert not svar.has_header("Content-Encoding")
    assert "<main" in svar.content.decode()


@pytest.mark.django_db
def test_every_compressed_answer_is_padded_to_a_random_length(client):
    lengder = set()
    for _ in range(12):
        svar = client.get(SKJEMA, **GZIP)
        # FNAME set in the gzip header: the random padding Django adds against BREACH.
        assert svar.content[3] & gzip.FNAME
        lengder.add(len(svar.content))
    assert len(lengder) > 1


@pytest.mark.django_db
def test_the_public_form_on_a_compressed_page_still_posts_with_its_csrf_token():
    nettleser = Client(enforce_csrf_checks=True)
    side = nettleser.get(SKJEMA, **GZIP)
    html = gzip.decompress(side.content).decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    # The token is masked anew in every page, so its text never repeats between answers.
    neste = gzip.decompress(nettleser.get(SKJEMA, **GZIP).content).decode()
    assert token not in neste
    svar = nettleser.post(SKJEMA, {**offentlig_post(), "csrfmiddlewaretoken": token}, **GZIP)
    innspill = Innspill.objects.get()
    assert svar.status_code == 302 and svar["Location"] == f"/innspill/{innspill.kode}/"


@pytest.mark.django_db
def test_a_post_without_the_token_is_still_refused():
    nettleser = Client(enforce_csrf_checks=True)
    nettleser.get(SKJEMA, **GZIP)
    assert nettleser.post(SKJEMA, offentlig_post(), **GZIP).status_code == 403
    assert not Innspill.objects.exists()
