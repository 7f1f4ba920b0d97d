"""A published status report keeps what it spoke of: a year of later edits to deliverables,
benefits, risks and allocations changes neither its page nor its PDF."""

import datetime
import io
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from lxml import html as lxml_html

from prosjekter import services
from prosjekter.models import Maling
from prosjekter.tests.factories import (
    AllokeringFactory,
    GevinstFactory,
    IndikatorFactory,
    LeveranseFactory,
    MalingFactory,
    StatusrapportFactory,
    UsikkerhetFactory,
)

pytestmark = pytest.mark.django_db


def _skjema(rapport, **endringer):
    data = {felt: getattr(rapport, felt) or "" for felt in services.RAPPORTFELT}
    data["versjon"] = rapport.versjon
    data.update(endringer)
    return data


def _sidetekst(svar) -> str:
    """The text of the page's main content, whitespace collapsed."""
    dok = lxml_html.fromstring(svar.content.decode())
    return " ".join(" ".join(dok.xpath("//main")[0].itertext()).split())


def _pdftekst(svar) -> str:
    from pypdf import PdfReader

    les = PdfReader(io.BytesIO(svar.content))
    return " ".join(" ".join(side.extract_text() for side in les.pages).split())


@pytest.fixture
def elementer(prosjekt, prosjektleder):
    leveranse = LeveranseFactory(
        prosjekt=prosjekt, tittel="Digitalt tilsyn i sone nord", status="sma_avvik"
    )
    gevinst = GevinstFactory(prosjekt=prosjekt, tittel="Færre nattbesøk")
    indikator = IndikatorFactory(
        gevinst=gevinst, navn="Nattbesøk per uke", nullpunkt=100, malverdi=60
    )
    MalingFactory(indikator=indikator, dato=datetime.date(2026, 9, 1), verdi=80)
    risiko = UsikkerhetFactory(
        prosjekt=prosjekt, tittel="Leverandøren leverer sent", sannsynlighet=4, konsekvens=3
    )
    allokering = AllokeringFactory(prosjekt=prosjekt, person=prosjektleder, belastning=40)
    return leveranse, indikator, risiko, allokering


def test_a_published_report_reads_the_same_after_a_year_of_edits(
    prosjekt, prosjektleder, klient_for, elementer
):
    leveranse, indikator, risiko, allokering = elementer
    klient = klient_for(prosjektleder)
    # Publish through the report's form, as the project manager does.
    rapport = services.statusrapport_ny(prosjekt=prosjekt, aktor=prosjektleder)
    svar = klient.post(
        reverse("prosjekter:rapport", args=[prosjekt.pk, rapport.pk]),
        _skjema(rapport, fremdrift="pa_plan", publiser="1"),
    )
    # The one question before publishing, answered.
    rapport.refresh_from_db()
    svar = klient.post(svar.url, {"versjon": rapport.versjon}, follow=True)
    assert svar.redirect_chain[-1][0] == prosjekt.get_absolute_url()
    rapport.refresh_from_db()
    assert rapport.er_publisert and rapport.oyeblikksbilde["skjema"] == 1

    # The page links to its PDF; both show the snapshot and say what it is.
    side_url = reverse("prosjekter:rapport", args=[prosjekt.pk, rapport.pk])
    side = klient.get(side_url)
    pdf_url = reverse("prosjekter:rapport-pdf", args=[prosjekt.pk, rapport.pk])
    assert pdf_url in side.content.decode()
    pdf = klient.get(pdf_url)
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    tekst_for, pdf_for = _sidetekst(side), _pdftekst(pdf)
    dato = timezone.localdate(rapport.publisert)
    slik = f"Slik det sto da rapporten ble publisert {dato.day}.{dato.month}.{dato.year}"
    for tekst in (tekst_for, pdf_for):
        assert slik in tekst
        for noe in ("Digitalt tilsyn i sone nord", "Nattbesøk per uke", "80", "50 %"):
            assert noe in tekst
        assert "Leverandøren leverer sent" in tekst and "4 × 3 = 12" in tekst
        assert "40 %" in tekst

    # A year of work: every element changes, new ones come, old ones are archived.
    leveranse.tittel, leveranse.status = "Digitalt tilsyn i hele kommunen", "godkjent"
    leveranse.save()
    MalingFactory(indikator=indikator, dato=datetime.date(2027, 9, 1), verdi=62)
    Maling.objects.filter(indikator=indikator, verdi=80).update(kommentar="Rettet senere")
    risiko.sannsynlighet, risiko.status = 1, "lukket"
    risiko.save()
    UsikkerhetFactory(prosjekt=prosjekt, tittel="Ny risiko et år senere")
    allokering.arkivert = True
    allokering.save()
    LeveranseFactory(prosjekt=prosjekt, tittel="Leveranse fra neste år")

    etter_side, etter_pdf = klient.get(side_url), klient.get(pdf_url)
    assert _sidetekst(etter_side) == tekst_for
    assert _pdftekst(etter_pdf) == pdf_for
    for tekst in (_sidetekst(etter_side), _pdftekst(etter_pdf)):
        assert "hele kommunen" not in tekst and "Ny risiko" not in tekst
        assert "neste år" not in tekst
    # The project's page shows today's state: the edits were real.
    prosjektside = klient.get(prosjekt.get_absolute_url()).content.decode()
    assert "Digitalt tilsyn i hele kommunen" in prosjektside


def test_the_pdf_is_for_the_archive_title_date_and_page_numbers(
    prosjekt, prosjektleder, klient_for, elementer
):
    from pypdf import PdfReader

    rapport = services.statusrapport_ny(prosjekt=prosjekt, aktor=prosjektleder)
    rapport = services.statusrapport_publiser(
        rapport=rapport, versjon=rapport.versjon, aktor=prosjektleder
    )
    svar = klient_for(prosjektleder).get(
        reverse("prosjekter:rapport-pdf", args=[prosjekt.pk, rapport.pk])
    )
    assert f"statusrapport-{prosjekt.nummer}-" in svar["Content-Disposition"]
    les = PdfReader(io.BytesIO(svar.content))
    meta = les.metadata
    assert prosjekt.nummer in meta.title and "Statusrapport" in meta.title
    assert meta.author == prosjektleder.username
    # PDF/A: the archive format, declared in the document's XMP metadata.
    xmp = les.trailer["/Root"]["/Metadata"].get_object().get_data()
    assert b"pdfaid:part" in xmp
    # Page numbers in the footer: «1 / n».
    antall = len(les.pages)
    assert re.search(rf"\b1 / {antall}\b", les.pages[0].extract_text())


def test_a_report_published_before_snapshots_says_so(prosjekt, prosjektleder, klient_for):
    gammel = StatusrapportFactory(prosjekt=prosjekt, oyeblikksbilde=None)
    LeveranseFactory(prosjekt=prosjekt, tittel="Dagens leveranse")
    klient = klient_for(prosjektleder)
    side = _sidetekst(klient.get(reverse("prosjekter:rapport", args=[prosjekt.pk, gammel.pk])))
    assert "før portalen tok vare på et øyeblikksbilde" in side
    assert "Dagens leveranse" not in side
    pdf = _pdftekst(klient.get(reverse("prosjekter:rapport-pdf", args=[prosjekt.pk, gammel.pk])))
    assert "før portalen tok vare på et øyeblikksbilde" in pdf


def test_a_draft_has_no_pdf_and_an_outsider_gets_none(
    prosjekt, prosjektleder, ansatt, klient_for, settings
):
    settings.PROSJEKTER_LESES_AV = "portefoljen"  # else every employee reads the published one
    utkast = services.statusrapport_ny(prosjekt=prosjekt, aktor=prosjektleder)
    url = reverse("prosjekter:rapport-pdf", args=[prosjekt.pk, utkast.pk])
    assert klient_for(prosjektleder).get(url).status_code == 404
    publisert = StatusrapportFactory(prosjekt=prosjekt)
    url = reverse("prosjekter:rapport-pdf", args=[prosjekt.pk, publisert.pk])
    assert klient_for(ansatt).get(url).status_code in (403, 404)


def test_without_pango_the_pdf_answers_503_with_a_way_out(
    prosjekt, prosjektleder, klient_for, monkeypatch
):
    from portefolje import eksport
    from portefolje.pdf import PdfUtilgjengelig

    def uten_pango(*args, **kwargs):
        raise PdfUtilgjengelig

    monkeypatch.setattr(eksport, "html_til_pdf", uten_pango)
    rapport = StatusrapportFactory(prosjekt=prosjekt)
    svar = klient_for(prosjektleder).get(
        reverse("prosjekter:rapport-pdf", args=[prosjekt.pk, rapport.pk])
    )
    assert svar.status_code == 503
    assert "Lagre som PDF" in svar.content.decode()
