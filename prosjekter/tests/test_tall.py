"""Numbers the Norwegian way: amounts read «1 400 000 kr» on the page and in the PDF, number
fields take «1 250 000» and «12,5» as people type them, a measurement is dated today."""

import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from lxml import html as lxml_html

from prosjekter.models import Maling
from prosjekter.tests.factories import GevinstFactory, IndikatorFactory, StatusrapportFactory

pytestmark = pytest.mark.django_db


def skjema_fra_siden(svar, felt: str) -> tuple[str, dict, lxml_html.HtmlElement]:
    """The form on the page that holds the field `felt`: its address, what it sends as
    rendered, and the field's element."""
    dok = lxml_html.fromstring(svar.content.decode())
    element = dok.xpath(f'//form//*[@name="{felt}"]')[0]
    skjema = next(a for a in element.iterancestors() if a.tag == "form")
    data = {}
    for inn in skjema.xpath(".//input|.//select|.//textarea"):
        navn = inn.get("name")
        if not navn or inn.get("type") in ("submit", "button"):
            continue
        if inn.get("type") in ("checkbox", "radio") and inn.get("checked") is None:
            continue
        if inn.tag == "select":
            valgt = inn.xpath(".//option[@selected]/@value")
            data[navn] = valgt[0] if valgt else ""
        elif inn.tag == "textarea":
            data[navn] = inn.text or ""
        else:
            data[navn] = inn.get("value", "")
    return skjema.get("action") or svar.request["PATH_INFO"], data, element


def _pdftekst(svar) -> str:
    from pypdf import PdfReader

    les = PdfReader(io.BytesIO(svar.content))
    return " ".join(" ".join(side.extract_text() for side in les.pages).split())


@pytest.mark.parametrize("skrevet", ["1 250 000", "1\u00a0250\u00a0000", "1250000"])
def test_the_budget_is_accepted_as_typed_through_the_rendered_form(
    prosjekt, prosjektleder, klient_for, skrevet
):
    klient = klient_for(prosjektleder)
    side = klient.get(reverse("prosjekter:rediger", args=[prosjekt.pk]))
    adresse, data, felt = skjema_fra_siden(side, "budsjett")
    # A browser's number box refuses a space: the field is a text box with a numeric keyboard.
    assert felt.get("type") == "text" and felt.get("inputmode") in ("numeric", "decimal")

    data["budsjett"] = skrevet
    svar = klient.post(adresse, data)

    assert svar.status_code == 302, svar.content.decode()
    prosjekt.refresh_from_db()
    assert prosjekt.budsjett == 1_250_000


def test_a_number_that_is_not_one_gets_a_message_beside_the_field(
    prosjekt, prosjektleder, klient_for
):
    klient = klient_for(prosjektleder)
    side = klient.get(reverse("prosjekter:rediger", args=[prosjekt.pk]))
    adresse, data, _ = skjema_fra_siden(side, "budsjett")
    data["budsjett"] = "en million"
    svar = klient.post(adresse, data)
    assert svar.status_code == 200
    assert "Oppgi et tall." in svar.content.decode()
    prosjekt.refresh_from_db()
    assert prosjekt.budsjett == 1_500_000


def test_a_measurement_takes_a_comma_decimal_and_is_dated_today(
    prosjekt, prosjektleder, klient_for
):
    indikator = IndikatorFactory(gevinst=GevinstFactory(prosjekt=prosjekt))
    klient = klient_for(prosjektleder)
    side = klient.get(reverse("prosjekter:maling-ny", args=[prosjekt.pk]))
    adresse, data, _ = skjema_fra_siden(side, "verdi")
    assert data["dato"] == timezone.localdate().isoformat()

    data.update(indikator=str(indikator.pk), verdi="12,5")
    svar = klient.post(adresse, data)

    assert svar.status_code == 302, svar.content.decode()
    maling = Maling.objects.get()
    assert float(maling.verdi) == 12.5 and maling.dato == timezone.localdate()


def test_the_project_page_and_the_report_pdf_write_amounts_in_kroner(
    prosjekt, prosjektleder, klient_for
):
    rapport = StatusrapportFactory(
        prosjekt=prosjekt,
        budsjett=1_500_000,
        kostnad_hittil=1_400_000,
        prognose=900_000,
        publisert=datetime.datetime(2026, 11, 2, 12, tzinfo=datetime.UTC),
    )
    klient = klient_for(prosjektleder)

    side = klient.get(reverse("prosjekter:detalj", args=[prosjekt.pk])).content.decode()
    assert "1\u00a0400\u00a0000\u00a0kr / 900\u00a0000\u00a0kr" in side
    assert "1400000" not in side

    pdf = klient.get(reverse("prosjekter:rapport-pdf", args=[prosjekt.pk, rapport.pk]))
    tekst = _pdftekst(pdf).replace("\u00a0", " ")
    assert "1 400 000 kr" in tekst and "900 000 kr" in tekst
    assert "1400000" not in tekst
