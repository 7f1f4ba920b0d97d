"""Portfolio reports: ordered on the page, made by the Celery task, followed and downloaded."""

import datetime
import io

import pytest
from django.urls import reverse
from lxml import html as lxml_html

from portefolje.models import Hendelse
from prosjekter.tests.factories import ProsjektFactory, StatusrapportFactory
from rapporter.models import Portefoljerapport
from rapporter.tasks import lag_portefoljerapport

pytestmark = pytest.mark.django_db


def _pdftekst(innhold: bytes) -> str:
    from pypdf import PdfReader

    les = PdfReader(io.BytesIO(innhold))
    return " ".join(" ".join(s.extract_text() for s in les.pages).split())


def _docxtekst(innhold: bytes) -> str:
    from docx import Document

    dok = Document(io.BytesIO(innhold))
    deler = [a.text for a in dok.paragraphs]
    for tabell in dok.tables:
        for rad in tabell.rows:
            deler.extend(c.text for c in rad.cells)
    return " ".join(" ".join(deler).split())


def _nedlasting(svar) -> bytes:
    return b"".join(svar.streaming_content)


def _bestill(klient, portefolje, fra="2026-01-01", til="2026-12-31"):
    side = klient.get(reverse("rapporter:portefoljerapporter", args=[portefolje.slug]))
    nokkel = lxml_html.fromstring(side.content.decode()).xpath(
        "//input[@name='skjema_nokkel']/@value"
    )[0]
    return klient.post(
        reverse("rapporter:portefoljerapporter", args=[portefolje.slug]),
        {"fra": fra, "til": til, "skjema_nokkel": nokkel},
    )


def test_the_chair_orders_follows_and_downloads_a_report_with_the_figures(
    leder,
    klient_for,
    lag_prosjekter,
    portefolje,
    settings,
    django_capture_on_commit_callbacks,
):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    prosjekter = lag_prosjekter(2)
    klient = klient_for(leder)
    # The dashboard of the portfolio links to its reports.
    dashbord = klient.get(reverse("rapporter:dashbord-portefolje", args=[portefolje.slug]))
    url = reverse("rapporter:portefoljerapporter", args=[portefolje.slug])
    assert url in dashbord.content.decode()
    with django_capture_on_commit_callbacks(execute=True) as tilbakekall:
        svar = _bestill(klient, portefolje)
    assert len(tilbakekall) == 1  # the task is queued once the order is committed
    rapport = Portefoljerapport.objects.get()
    assert svar.status_code == 302
    assert svar["Location"] == reverse("rapporter:portefoljerapport", args=[rapport.pk])
    assert rapport.bestilt_av == leder and rapport.bestilt is not None
    assert rapport.status == "ferdig" and rapport.fremdrift == 100
    assert rapport.antall_prosjekter == 2
    assert Hendelse.objects.filter(handling="bestilt", objekt_id=rapport.pk).exists()

    side = klient.get(svar["Location"]).content.decode()
    assert "Bestilt av leder" in side and "Klar" in side and "med 2 prosjekter" in side
    assert 'hx-trigger="every 2s"' not in side  # finished: no more polling
    pdf_url = reverse("rapporter:portefoljerapport-fil", args=[rapport.pk, "pdf"])
    docx_url = reverse("rapporter:portefoljerapport-fil", args=[rapport.pk, "docx"])
    assert pdf_url in side and docx_url in side

    pdf = klient.get(pdf_url)
    assert pdf["Content-Type"] == "application/pdf"
    assert "attachment" in pdf["Content-Disposition"]
    docx = klient.get(docx_url)
    assert docx["Content-Type"].endswith("wordprocessingml.document")
    for tekst in (_pdftekst(_nedlasting(pdf)), _docxtekst(_nedlasting(docx))):
        for p in prosjekter:
            assert p.nummer in tekst
        # Budget and forecast of each project's report, and their sums, as amounts everywhere.
        for belop in ("1 000 000", "1 050 000", "1 100 000", "1 150 000", "2 100 000"):
            assert f"{belop} kr" in tekst.replace("\u00a0", " ").replace("\u202f", " ")
        assert "Risiko 0: 4 × 5 = 20" in tekst
        assert "Ventetid 1" in tekst and "50 %" in tekst
    # The list of ordered reports says who ordered it and offers both files.
    liste = klient.get(url).content.decode()
    assert "leder" in liste and pdf_url in liste and docx_url in liste


def test_progress_is_polled_with_htmx_until_ready(leder, klient_for, portefolje, lag_prosjekter):
    lag_prosjekter(1)
    rapport = Portefoljerapport.objects.create(
        portefolje=portefolje,
        fra=datetime.date(2026, 1, 1),
        til=datetime.date(2026, 12, 31),
        bestilt_av=leder,
    )
    klient = klient_for(leder)
    url = reverse("rapporter:portefoljerapport", args=[rapport.pk])
    side = klient.get(url).content.decode()
    assert 'hx-trigger="every 2s"' in side and "Venter på tur" in side
    fragment = klient.get(url, headers={"HX-Request": "true"})
    assert "<html" not in fragment.content.decode()
    assert 'hx-trigger="every 2s"' in fragment.content.decode()
    assert "HX-Request" in fragment["Vary"]
    # The worker takes it (called directly, as Celery would), and the next poll says it's ready.
    lag_portefoljerapport(rapport.pk)
    fragment = klient.get(url, headers={"HX-Request": "true"}).content.decode()
    assert "Klar" in fragment and "every 2s" not in fragment
    assert reverse("rapporter:portefoljerapport-fil", args=[rapport.pk, "pdf"]) in fragment
    # Delivered twice, the task does not make it again.
    rapport.refresh_from_db()
    ferdig = rapport.ferdig
    lag_portefoljerapport(rapport.pk)
    rapport.refresh_from_db()
    assert rapport.ferdig == ferdig


def test_the_report_uses_the_latest_report_published_by_the_end_of_the_period(leder, portefolje):
    prosjekt = ProsjektFactory(portefolje=portefolje, tittel="Nytt fagsystem")
    StatusrapportFactory(
        prosjekt=prosjekt,
        budsjett=500_000,
        publisert=datetime.datetime(2026, 3, 1, 12, tzinfo=datetime.UTC),
    )
    StatusrapportFactory(
        prosjekt=prosjekt,
        budsjett=900_000,
        publisert=datetime.datetime(2026, 11, 1, 12, tzinfo=datetime.UTC),
    )
    rapport = Portefoljerapport.objects.create(
        portefolje=portefolje,
        fra=datetime.date(2026, 1, 1),
        til=datetime.date(2026, 6, 30),
        bestilt_av=leder,
    )
    lag_portefoljerapport(rapport.pk)
    rapport.refresh_from_db()
    tekst = _docxtekst(rapport.docx.read()).replace("\u00a0", " ")
    assert "500 000" in tekst and "900 000" not in tekst
    assert "Statusrapport av 1.3.2026" in tekst


@pytest.mark.parametrize("rolle", ["leder", "medlem", "sekretaer", "utvikler"])
def test_the_leader_group_and_the_development_team_may_order(
    rolle, request, klient_for, portefolje
):
    bruker = request.getfixturevalue(rolle)
    svar = klient_for(bruker).get(reverse("rapporter:portefoljerapporter", args=[portefolje.slug]))
    assert svar.status_code == 200


def test_an_outsider_and_anonymous_may_not_order_or_download(
    ansatt, leder, client, klient_for, portefolje
):
    rapport = Portefoljerapport.objects.create(
        portefolje=portefolje,
        fra=datetime.date(2026, 1, 1),
        til=datetime.date(2026, 6, 30),
        bestilt_av=leder,
    )
    adresser = [
        reverse("rapporter:portefoljerapporter", args=[portefolje.slug]),
        reverse("rapporter:portefoljerapport", args=[rapport.pk]),
        reverse("rapporter:portefoljerapport-fil", args=[rapport.pk, "pdf"]),
    ]
    for url in adresser:
        assert client.get(url).status_code == 302  # to the login page
    klient = klient_for(ansatt)
    for url in adresser:
        assert klient.get(url).status_code == 403
    svar = klient.post(adresser[0], {"fra": "2026-01-01", "til": "2026-02-01"})
    assert svar.status_code == 403
    assert Portefoljerapport.objects.count() == 1
    # Nor does the dashboard offer them the button.
    dashbord = klient.get(reverse("rapporter:dashbord-portefolje", args=[portefolje.slug]))
    assert adresser[0] not in dashbord.content.decode()


@pytest.mark.parametrize(
    "fra,til,felt,melding",
    [
        ("2026-06-01", "2026-01-01", "til", "Perioden må slutte samme dag"),
        ("ikke en dato", "2026-01-01", "fra", "Oppgi en gyldig dato"),
        ("1066-10-14", "2026-01-01", "fra", "fra år 2000"),
        ("2026-01-01", "", "til", "Feltet er påkrevd"),
    ],
)
def test_a_bad_period_is_explained_at_its_field_and_nothing_is_ordered(
    fra, til, felt, melding, leder, klient_for, portefolje
):
    svar = klient_for(leder).post(
        reverse("rapporter:portefoljerapporter", args=[portefolje.slug]),
        {"fra": fra, "til": til},
    )
    assert svar.status_code == 200
    dok = lxml_html.fromstring(svar.content.decode())
    feil = " ".join(dok.xpath(f"//*[@id='error_1_id_{felt}']//text()"))
    assert melding in feil, svar.content.decode()[:3000]
    assert Portefoljerapport.objects.count() == 0
    # What was typed is kept.
    if fra != "ikke en dato":
        assert dok.xpath("//input[@name='fra']/@value") == [fra]


def test_an_unknown_format_or_a_report_not_ready_has_nothing_to_download(
    leder, klient_for, portefolje
):
    rapport = Portefoljerapport.objects.create(
        portefolje=portefolje,
        fra=datetime.date(2026, 1, 1),
        til=datetime.date(2026, 6, 30),
        bestilt_av=leder,
    )
    klient = klient_for(leder)
    for format in ("pdf", "exe"):
        url = reverse("rapporter:portefoljerapport-fil", args=[rapport.pk, format])
        assert klient.get(url).status_code == 404


def test_a_failed_report_says_so_and_can_be_ordered_again(
    leder, klient_for, portefolje, monkeypatch
):
    from rapporter import portefoljerapport

    def feiler(innhold):
        raise RuntimeError("Pango mangler")

    monkeypatch.setattr(portefoljerapport, "som_pdf", feiler)
    rapport = Portefoljerapport.objects.create(
        portefolje=portefolje,
        fra=datetime.date(2026, 1, 1),
        til=datetime.date(2026, 6, 30),
        bestilt_av=leder,
    )
    lag_portefoljerapport(rapport.pk)
    rapport.refresh_from_db()
    assert rapport.status == "feilet" and "Pango mangler" in rapport.feilmelding
    side = klient_for(leder).get(reverse("rapporter:portefoljerapport", args=[rapport.pk]))
    tekst = side.content.decode()
    assert "kunne ikke lages" in tekst and "every 2s" not in tekst
    assert "Last ned PDF" not in tekst
