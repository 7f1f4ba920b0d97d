"""The timeline's PDF: ordered with the page's button, made in the background (Celery runs
eagerly in the tests), followed on its page and downloaded; the same selection and data give
the same file; a failure says so and offers «Try again»; a file is its orderer's alone."""

import io
from datetime import timedelta
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone
from lxml import html as lxml_html

from prosjekter.models import Tidslinjefil
from prosjekter.services import tidslinjefil as tjeneste
from prosjekter.tasks import feie_tidslinjefiler, lag_tidslinjefil
from prosjekter.tests.factories import ProsjektFactory

pytestmark = pytest.mark.django_db

TIDSLINJE = reverse("prosjekter:tidslinje")


@pytest.fixture(autouse=True)
def eget_media(settings, tmp_path):
    """The files go to a temporary MEDIA_ROOT, removed after the test."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.CELERY_TASK_ALWAYS_EAGER = True


def _pdftekst(innhold: bytes) -> str:
    from pypdf import PdfReader

    les = PdfReader(io.BytesIO(innhold))
    return " ".join(" ".join(s.extract_text() for s in les.pages).split())


def _bestill(klient, sporring=""):
    """Press «Download PDF for the meeting pack» on the timeline page."""
    side = lxml_html.fromstring(klient.get(TIDSLINJE + sporring).content.decode())
    (skjema,) = side.xpath("//form[.//button[contains(., 'Last ned PDF til møtepakken')]]")
    data = {i.get("name"): i.get("value") for i in skjema.xpath(".//input[@name]")}
    return klient.post(skjema.get("action"), data)


def _lenke(side: str, tekst: str) -> str:
    (lenke,) = lxml_html.fromstring(side).xpath(f"//a[contains(., '{tekst}')]/@href")
    return lenke


def test_the_reader_orders_follows_and_downloads_the_pdf(
    prosjekt, leder, klient_for, django_capture_on_commit_callbacks
):
    annet = ProsjektFactory(portefolje=prosjekt.portefolje, fase="planlegge")
    klient = klient_for(leder)
    with django_capture_on_commit_callbacks(execute=True) as tilbakekall:
        svar = _bestill(klient, "?fase=gjennomfore")
    assert len(tilbakekall) == 1  # queued once the order is committed
    fil = Tidslinjefil.objects.get()
    assert svar.status_code == 302
    assert svar["Location"] == reverse("prosjekter:tidslinje-fil", args=[fil.pk])
    side = klient.get(svar["Location"]).content.decode()
    assert "PDF-en er bestilt" in side and "Klar" in side and "every 2s" not in side
    pdf = klient.get(_lenke(side, "Last ned PDF"))
    assert pdf["Content-Type"] == "application/pdf"
    assert "attachment" in pdf["Content-Disposition"]
    tekst = _pdftekst(b"".join(pdf.streaming_content))
    # The filter of the page the button was pressed on: the project in planning is not there.
    assert prosjekt.nummer in tekst and annet.nummer not in tekst

    # The same selection and data: the same file, nothing queued again.
    with django_capture_on_commit_callbacks(execute=True) as tilbakekall:
        igjen = _bestill(klient, "?fase=gjennomfore")
    assert igjen["Location"] == svar["Location"] and not tilbakekall
    # Another filter, or the data changed: a new file.
    with django_capture_on_commit_callbacks(execute=True):
        annen = _bestill(klient, "?fase=planlegge")
    assert annen["Location"] != svar["Location"]
    prosjekt.tittel = "Nytt navn"
    prosjekt.save()
    with django_capture_on_commit_callbacks(execute=True):
        ny = _bestill(klient, "?fase=gjennomfore")
    assert ny["Location"] not in (svar["Location"], annen["Location"])
    assert Tidslinjefil.objects.count() == 3


def test_being_made_is_polled_and_reloadable_until_the_link_is_there(prosjekt, leder, klient_for):
    fil = Tidslinjefil.objects.create(bestilt_av=leder, dataversjon="v1", forsok=1)
    klient = klient_for(leder)
    url = reverse("prosjekter:tidslinje-fil", args=[fil.pk])
    side = klient.get(url).content.decode()
    assert "Lages …" in side and 'hx-trigger="every 2s"' in side
    # Without JavaScript, a link reloads the page.
    assert _lenke(side, "Se om den er klar") == url
    fragment = klient.get(url, headers={"HX-Request": "true"})
    assert "<html" not in fragment.content.decode() and "HX-Request" in fragment["Vary"]
    last_ned = reverse("prosjekter:tidslinje-fil-last-ned", args=[fil.pk])
    assert klient.get(last_ned).status_code == 404  # nothing to download yet
    lag_tidslinjefil(fil.pk)  # the worker, as Celery would call it
    fragment = klient.get(url, headers={"HX-Request": "true"}).content.decode()
    assert "Klar" in fragment and "every 2s" not in fragment
    assert reverse("prosjekter:tidslinje-fil-last-ned", args=[fil.pk]) in fragment
    # Delivered twice, the task does not make it again.
    fil.refresh_from_db()
    ferdig = fil.ferdig
    lag_tidslinjefil(fil.pk)
    fil.refresh_from_db()
    assert fil.ferdig == ferdig


def test_a_failed_pdf_says_so_in_norwegian_and_can_be_tried_again(
    prosjekt, leder, klient_for, monkeypatch, django_capture_on_commit_callbacks
):
    def feiler(html, *, stilark):
        raise RuntimeError("Pango mangler")

    monkeypatch.setattr(tjeneste, "html_til_pdf", feiler)
    klient = klient_for(leder)
    with django_capture_on_commit_callbacks(execute=True):
        svar = _bestill(klient)
    side = klient.get(svar["Location"]).content.decode()
    assert "PDF-en kunne ikke lages" in side and "Pango mangler" in side
    assert "every 2s" not in side and "Last ned PDF" not in side
    # Ordering again does not find the failed file: it is ordered anew.
    monkeypatch.undo()
    skjema = lxml_html.fromstring(side).xpath("//form[.//button[contains(., 'Prøv igjen')]]")[0]
    with django_capture_on_commit_callbacks(execute=True) as tilbakekall:
        igjen = klient.post(skjema.get("action"), {})
    assert len(tilbakekall) == 1 and igjen["Location"] == svar["Location"]
    side = klient.get(igjen["Location"]).content.decode()
    assert "Klar" in side and "Last ned PDF" in side
    # Pressed on a file that has not failed: told so, nothing queued.
    with django_capture_on_commit_callbacks(execute=True) as tilbakekall:
        klient.post(skjema.get("action"), {})
    assert not tilbakekall


def test_a_file_is_its_orderers_alone_and_shows_what_they_may_see(
    prosjekt, leder, medlem, ansatt, client, klient_for, django_capture_on_commit_callbacks
):
    unntatt = ProsjektFactory(
        portefolje=prosjekt.portefolje, unntatt_offentlighet=True, hjemmel="offentleglova § 23"
    )
    with django_capture_on_commit_callbacks(execute=True):
        svar = _bestill(klient_for(leder))
    fil = Tidslinjefil.objects.get()
    adresser = [
        reverse("prosjekter:tidslinje-fil", args=[fil.pk]),
        reverse("prosjekter:tidslinje-fil-last-ned", args=[fil.pk]),
    ]
    assert svar["Location"] == adresser[0]
    # The owner downloads it, with the exempt project the chair may read.
    eier = klient_for(leder).get(adresser[1])
    assert unntatt.nummer in _pdftekst(b"".join(eier.streaming_content))
    # Anyone else gets nothing from it: not a member of the portfolio, nor an outsider.
    for bruker in (medlem, ansatt):
        klient = klient_for(bruker)
        for url in adresser:
            assert klient.get(url).status_code == 404
        prov = reverse("prosjekter:tidslinje-fil-prov-igjen", args=[fil.pk])
        assert klient.post(prov).status_code == 404
    # The outsider orders their own, drawn with what they may see: not the exempt project.
    with django_capture_on_commit_callbacks(execute=True):
        egen = _bestill(klient_for(ansatt))
    assert egen["Location"] != adresser[0]
    side = klient_for(ansatt).get(egen["Location"]).content.decode()
    pdf = klient_for(ansatt).get(_lenke(side, "Last ned PDF"))
    tekst = _pdftekst(b"".join(pdf.streaming_content))
    assert prosjekt.nummer in tekst and unntatt.nummer not in tekst
    # Anonymous: to the login page, and nothing ordered.
    client.logout()
    for url in [*adresser, reverse("prosjekter:tidslinje-pdf")]:
        assert client.post(url).status_code in (302, 405)
        assert client.get(url).status_code in (302, 405)
    assert Tidslinjefil.objects.count() == 2


def test_the_page_reads_the_change_not_the_cached_timeline(prosjekt, leder, klient_for):
    """The order and rows are cached under the data version: a change made through the
    service shows at once."""
    from prosjekter import services

    klient = klient_for(leder)
    assert "Velferdsteknologi i hjemmetjenesten" in klient.get(TIDSLINJE).content.decode()
    services.prosjekt_lagre(
        prosjekt=prosjekt,
        data={"tittel": "Trygghetsalarmer"},
        versjon=prosjekt.versjon,
        aktor=leder,
    )
    side = klient.get(TIDSLINJE).content.decode()
    assert "Trygghetsalarmer" in side and "Velferdsteknologi i hjemmetjenesten" not in side


def _eldes(minutter):
    Tidslinjefil.objects.update(status_endret=timezone.now() - timedelta(minutes=minutter))


def test_with_the_broker_down_the_order_waits_and_the_sweep_makes_it_or_gives_up(
    prosjekt, leder, klient_for, monkeypatch, settings, django_capture_on_commit_callbacks
):
    from kombu.exceptions import OperationalError

    from portefolje import koe

    class Nede:
        def delay(self, *args):
            raise OperationalError("tilkobling nektet")

    klient = klient_for(leder)
    with monkeypatch.context() as m:
        m.setattr(koe, "_oppgave", lambda navn: Nede())
        with django_capture_on_commit_callbacks(execute=True):
            svar = _bestill(klient)
    # The request succeeds; the file waits, and its page says it is being made.
    assert svar.status_code == 302
    fil = Tidslinjefil.objects.get()
    assert fil.status == "venter" and "Lages …" in klient.get(svar["Location"]).content.decode()
    # The sweep queues it again when it has waited too long, and the worker makes it.
    with django_capture_on_commit_callbacks(execute=True):
        _eldes(16)
        assert feie_tidslinjefiler() == {"koet_igjen": 1, "gitt_opp": 0, "slettet": 0}
    fil.refresh_from_db()
    assert (fil.status, fil.forsok) == ("ferdig", 2)

    # An order the broker lost every time: failed after the last attempt, with «Try again».
    with django_capture_on_commit_callbacks(execute=False):
        annen = _bestill(klient, "?zoom=kvartal")
        for _ in range(settings.RAPPORTER["MAKS_FORSOK"]):
            _eldes(16)
            feie_tidslinjefiler()
    side = klient.get(annen["Location"]).content.decode()
    assert "PDF-en ble ikke laget etter 3 forsøk" in side and "every 2s" not in side
    assert "Prøv igjen" in side


def test_a_filter_the_reader_may_not_use_orders_nothing_and_says_why(prosjekt, ansatt, klient_for):
    # A portfolio not in the reader's list (an old link, an edited address), and the button.
    sporring = f"?portefolje={prosjekt.portefolje.pk + 1000}"
    svar = klient_for(ansatt).post(reverse("prosjekter:tidslinje-pdf") + sporring)
    assert svar.status_code == 302 and svar["Location"] == TIDSLINJE + sporring
    assert not Tidslinjefil.objects.exists()
    side = klient_for(ansatt).get(svar["Location"]).content.decode()
    assert "Du kan ikke se den porteføljen" in side


def test_the_sweep_removes_a_file_after_a_week_with_its_pdf(
    prosjekt, leder, klient_for, django_capture_on_commit_callbacks
):
    klient = klient_for(leder)
    with django_capture_on_commit_callbacks(execute=True):
        side = _bestill(klient)["Location"]
    pdf = Path(Tidslinjefil.objects.get().pdf.path)
    assert pdf.read_bytes().startswith(b"%PDF-")
    # Six days on it is still there; after a week the sweep removes it, and its page is gone.
    Tidslinjefil.objects.update(bestilt=timezone.now() - timedelta(days=6))
    assert feie_tidslinjefiler()["slettet"] == 0
    assert klient.get(side).status_code == 200
    Tidslinjefil.objects.update(bestilt=timezone.now() - timedelta(days=8))
    assert feie_tidslinjefiler()["slettet"] == 1
    assert klient.get(side).status_code == 404
    assert not Tidslinjefil.objects.exists() and not pdf.exists()


def test_beat_sweeps_the_timeline_pdfs_every_five_minutes():
    from celery.schedules import crontab
    from django.conf import settings

    from portefolje.celery import app as celery_app

    oppforing = settings.CELERY_BEAT_SCHEDULE["prosjekter-feie-tidslinjefiler"]
    celery_app.loader.import_default_modules()
    assert oppforing["task"] in celery_app.tasks
    assert oppforing["schedule"] == crontab(minute="*/5")
    assert lag_tidslinjefil.time_limit < settings.RAPPORTER["KOE_IGJEN_ETTER_MINUTTER"] * 60
