"""A control character pasted from Word (a soft line break is a vertical tab) never breaks a file.

Stored as old data would hold it, straight into the database, then fetched the way people
fetch it: the ideas' XLSX and CSV, the public Atom feed, the minutes as DOCX. And a form that
receives one stores clean text.
"""

import csv
import io
import uuid
import xml.etree.ElementTree as ET

import pytest
from django.apps import apps
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from ideer.models import Innspill
from offentlig.tests.data import lag_kjede
from portefolje.tekstrens import rens_enkeltlinje, rens_flerlinje, rens_lagret_tekst, rens_utdata
from prosjekter.models import Prosjekt
from velge.models import Beslutning

pytestmark = pytest.mark.django_db

VT = "\x0b"  # what Word's soft line break (Shift+Enter) becomes when pasted


@pytest.fixture
def kjede(portefolje, klg, leder, seksjon):
    kjede = lag_kjede(portefolje=portefolje, klg=klg, leder=leder, seksjon=seksjon)
    Innspill.objects.filter(pk=kjede.innspill.pk).update(
        tittel=f"Lys{VT}på veien", beskrivelse=f"Første linje{VT}andre linje\x0c\x01"
    )
    Prosjekt.objects.filter(pk=kjede.prosjekt.pk).update(malsetting=f"Tryggere{VT}skolevei")
    Beslutning.objects.filter(pk=kjede.beslutning.pk).update(
        begrunnelse=f"Stor nytte.{VT}Lav kostnad."
    )
    return kjede


def test_the_ideas_xlsx_export_succeeds_and_shows_the_line_break(kjede, klient_for, utvikler):
    # The need is not among the default columns: the person chooses it, as in the column chooser.
    valg = {"eksport": "xlsx", "kol": ["nummer", "tittel", "beskrivelse"]}
    svar = klient_for(utvikler).get(reverse("ideer:liste"), valg)
    assert svar.status_code == 200
    ark = load_workbook(io.BytesIO(svar.content)).active
    celler = [c.value for rad in ark.iter_rows() for c in rad]
    assert "Første linje\nandre linje\n" in celler
    assert ark.freeze_panes == "A2" and ark.auto_filter.ref.startswith("A1:")


def test_the_ideas_csv_export_holds_no_control_character(kjede, klient_for, utvikler):
    svar = klient_for(utvikler).get(reverse("ideer:liste"), {"eksport": "csv"})
    tekst = b"".join(svar.streaming_content).decode("utf-8-sig")
    rader = list(csv.reader(io.StringIO(tekst), delimiter=";"))
    assert "Lys\npå veien" in [c for rad in rader for c in rad]
    assert VT not in tekst and "\x01" not in tekst


def test_the_public_feed_succeeds_for_everyone(kjede, client):
    svar = client.get(reverse("offentlig:feed"))
    assert svar.status_code == 200
    rot = ET.fromstring(svar.content)  # noqa: S314 (our own feed, in a test)
    tekster = [e.text or "" for e in rot.iter()]
    assert any("Stor nytte.\nLav kostnad." in t for t in tekster)
    assert any("Tryggere\nskolevei" in t for t in tekster)


def test_the_minutes_docx_succeeds(kjede, klient_for, ansatt):
    mote = kjede.beslutning.mote
    mote.agendapunkter.create(notat=kjede.beslutning.notat)
    svar = klient_for(ansatt).get(
        reverse("velge:protokoll-docx", kwargs={"slug": mote.portefolje.slug, "pk": mote.pk})
    )
    assert svar.status_code == 200
    celler = [
        c.text for t in Document(io.BytesIO(svar.content)).tables for r in t.rows for c in r.cells
    ]
    assert "Stor nytte.\nLav kostnad." in celler


def test_the_concept_note_pdf_succeeds_and_is_named_without_norwegian_letters(kjede, client):
    from konseptnotat.models import Konseptnotat

    Konseptnotat.objects.filter(pk=kjede.notat.pk).update(tittel=f"Trygg{VT}skolevei på Åsen")
    client.force_login(kjede.notat.eier)
    svar = client.get(reverse("konseptnotat:pdf", kwargs={"pk": kjede.notat.pk}))
    assert svar.status_code == 200 and svar.content.startswith(b"%PDF")
    assert (
        f'konseptnotat-{kjede.notat.pk}-trygg-skolevei-paa-aasen.pdf"'
        in (svar["Content-Disposition"])
    )


def test_a_form_post_stores_clean_text(klient_for, ansatt):
    klient_for(ansatt).post(
        reverse("ideer:ny"),
        {
            "type": "ide",
            "tittel": f"Skole{VT}buss",
            "beskrivelse": f"Linje én{VT}Linje to\u2028Linje tre\x07",
            "opphav": "medarbeidere",
            "skjema_nokkel": str(uuid.uuid4()),
        },
    )
    innspill = Innspill.objects.get()
    assert innspill.tittel == "Skole buss"
    assert innspill.beskrivelse == "Linje én\nLinje to\nLinje tre"


def test_an_edit_in_the_back_office_stores_clean_text(kjede, lag_bruker, klient_for):
    from prosjekter.tests.test_admin import AdminSkjema

    kontor = lag_bruker("kontor", is_staff=True, is_superuser=True)
    klient = klient_for(kontor)
    url = reverse("admin:prosjekter_prosjekt_change", args=[kjede.prosjekt.pk])
    skjema = AdminSkjema()
    skjema.feed(klient.get(url).content.decode())
    skjema.data.pop("csrfmiddlewaretoken", None)
    data = {**skjema.data, "tittel": f"Lys{VT}på veien", "malsetting": f"Trygg{VT}skolevei"}
    assert klient.post(url, data).status_code == 302
    kjede.prosjekt.refresh_from_db()
    assert (kjede.prosjekt.tittel, kjede.prosjekt.malsetting) == ("Lys på veien", "Trygg\nskolevei")


def test_the_migration_cleans_what_is_stored_and_leaves_clean_rows_alone(kjede):
    ren = Innspill.objects.exclude(pk=kjede.innspill.pk).first()
    assert rens_lagret_tekst(apps, "ideer") >= 1
    kjede.innspill.refresh_from_db()
    assert kjede.innspill.tittel == "Lys\npå veien"
    assert kjede.innspill.beskrivelse == "Første linje\nandre linje\n"
    assert rens_lagret_tekst(apps, "ideer") == 0  # nothing left, and clean rows untouched
    if ren is not None:
        assert Innspill.objects.get(pk=ren.pk).tittel == ren.tittel


def test_the_migration_cleans_text_inside_json_too(kjede):
    from konseptnotat.models import KonseptnotatVersjon

    versjon = KonseptnotatVersjon.objects.filter(notat=kjede.notat).first() or (
        KonseptnotatVersjon.objects.first()
    )
    innhold = {"bakgrunn": f"Før{VT}etter", "liste": ["a\x0cb", 3]}
    KonseptnotatVersjon.objects.filter(pk=versjon.pk).update(innhold=innhold)
    for app in ["portefolje", "ideer", "konseptnotat", "velge", "prosjekter", "rapporter", "api"]:
        rens_lagret_tekst(apps, app)
    versjon.refresh_from_db()
    assert versjon.innhold == {"bakgrunn": "Før\netter", "liste": ["a\nb", 3]}
    assert rens_lagret_tekst(apps, "konseptnotat") == 0


def test_the_three_cleaners():
    assert rens_enkeltlinje(f"A{VT}B\tC\u2028D\u202eE") == "A B C DE"
    assert rens_flerlinje(f"A{VT}B\tC\r\nD\x00E\x85F\x1b") == "A\nB\tC\r\nD\x00E\nF"
    assert rens_utdata(f"A{VT}B\x00C\ufffeD\ud800") == "A\nBCD"
