"""Approved minutes filed to the archive (portefolje.arkiv): followed through the pages' own
links and buttons, as the chair; the drop folder is a temporary folder."""

import io
import re
import zipfile

import pytest
from django.urls import reverse
from lxml import etree
from pypdf import PdfReader

from portefolje.arkiv.arkivmelding import MDK, NS, valider
from portefolje.models import Arkivforsendelse, Arkivstatus
from velge.models import Beslutning
from velge.tests.test_protokoll import beslutt_gjennom_siden, lenke
from velge.tests.test_protokoll import sak as sak  # the fixture

pytestmark = pytest.mark.django_db


@pytest.fixture
def arkivmappe(settings, tmp_path):
    mappe = tmp_path / "arkiv"
    mappe.mkdir()
    settings.ARKIV_MAPPE = str(mappe)
    settings.ARKIV = {**settings.ARKIV, "ORDNINGSVERDI": "033"}
    return mappe


@pytest.fixture
def post(django_capture_on_commit_callbacks):
    """POST as the browser does; what the request queues after commit runs then, as a worker
    would (Celery runs eagerly in the tests)."""

    def post_(klient, url, data=None):
        with django_capture_on_commit_callbacks(execute=True):
            svar = klient.post(url, data or {})
        assert svar.status_code == 302, svar.status_code
        return klient.get(svar.url).content.decode()

    return post_


def godkjenn_protokollen(klient, mote, post):
    """From the meeting page: «Minutes», then the approval form as the page offers it."""
    motet = reverse("velge:mote", kwargs={"slug": mote.portefolje.slug, "pk": mote.pk})
    protokoll = lenke(
        klient.get(motet).content.decode(),
        reverse("velge:protokoll", kwargs={"slug": mote.portefolje.slug, "pk": mote.pk}),
    )
    godkjenn = lenke(
        klient.get(protokoll).content.decode(),
        reverse("velge:protokoll-godkjenn", kwargs={"slug": mote.portefolje.slug, "pk": mote.pk}),
    )
    return post(klient, godkjenn, {"bekreft": "on"})


def arkivsiden(klient, protokollside: str, portefolje) -> str:
    url = lenke(protokollside, reverse("arkiv", kwargs={"slug": portefolje.slug}))
    return klient.get(url).content.decode()


def meldingen(mappe, art: str) -> etree._Element:
    """The arkivmelding in the item's zip, checked against the official schema; its files are
    PDF/A, as the message says."""
    forsendelse = Arkivforsendelse.objects.get(art=art)
    with zipfile.ZipFile(mappe / forsendelse.filnavn) as z:
        xml = z.read("arkivmelding.xml")
        valider(xml)
        rot = etree.fromstring(xml)
        for navn in finn(rot, ".//a:dokumentobjekt/a:referanseDokumentfil"):
            pdf = PdfReader(io.BytesIO(z.read(navn)))
            assert b"pdfaid:part" in pdf.trailer["/Root"]["/Metadata"].get_object().get_data()
    return rot


def finn(rot, sti: str) -> list[str]:
    return [e.text for e in rot.iterfind(sti, {"a": NS, "m": MDK})]


def test_approved_minutes_land_in_the_archive_folder_as_valid_arkivmeldinger_and_show_as_sent(
    sak, leder, klient_for, arkivmappe, post
):
    mote, notat = sak
    klient = klient_for(leder)
    beslutt_gjennom_siden(klient, mote, notat)
    side = godkjenn_protokollen(klient, mote, post)

    arkiv = arkivsiden(klient, side, mote.portefolje)
    assert arkiv.count("Sendt") == 2 and "Feilet" not in arkiv
    assert f"Protokoll: {mote}" in arkiv and notat.tittel in arkiv
    filer = sorted(arkivmappe.iterdir())
    assert [f.suffix for f in filer] == [".zip", ".zip"]

    vedtak = meldingen(arkivmappe, "velge.beslutning")
    assert finn(vedtak, "a:mappe/a:referanseEksternNoekkel/m:noekkel") == [
        f"konseptnotat-{notat.pk}"
    ]
    assert finn(vedtak, "a:mappe/a:klassifikasjon/a:klassifikasjonssystemID") == ["FE"]
    assert finn(vedtak, "a:mappe/a:klassifikasjon/a:klasseID") == ["033"]
    assert finn(vedtak, "a:registrering/a:journalposttype/m:kode") == ["X"]
    assert finn(vedtak, "a:registrering/a:skjerming") == []
    protokollen = meldingen(arkivmappe, "velge.protokoll")
    assert finn(protokollen, "a:mappe/a:moetedato") == [mote.dato.isoformat()]
    assert finn(protokollen, "a:registrering/a:moetedokumenttype/m:kode") == ["PROT"]


def test_an_exempt_decision_is_filed_with_its_legal_basis(sak, leder, klient_for, arkivmappe, post):
    mote, notat = sak
    klient = klient_for(leder)
    beslutt_gjennom_siden(klient, mote, notat)
    Beslutning.objects.filter(notat=notat).update(unntatt_offentlighet=True, hjemmel="Offl. § 14")
    godkjenn_protokollen(klient, mote, post)

    vedtak = meldingen(arkivmappe, "velge.beslutning")
    assert finn(vedtak, "a:registrering/a:skjerming/a:skjermingshjemmel") == ["Offl. § 14"]
    assert finn(vedtak, "a:registrering/a:dokumentbeskrivelse/a:skjerming/a:skjermingshjemmel") == [
        "Offl. § 14"
    ]
    assert notat.tittel not in finn(vedtak, "a:registrering/a:offentligTittel")[0]
    protokollen = meldingen(arkivmappe, "velge.protokoll")
    assert finn(protokollen, "a:registrering/a:skjerming/a:skjermingshjemmel") == ["Offl. § 14"]


def test_a_broken_drop_folder_shows_failed_with_a_retry_that_then_succeeds(
    sak, leder, klient_for, arkivmappe, settings, post
):
    mote, notat = sak
    settings.ARKIV_MAPPE = str(arkivmappe / "ikke-montert")
    klient = klient_for(leder)
    beslutt_gjennom_siden(klient, mote, notat)
    side = godkjenn_protokollen(klient, mote, post)
    assert "Protokollen er godkjent" in side

    arkiv = arkivsiden(klient, side, mote.portefolje)
    assert arkiv.count("Feilet") == 2 and "Arkivmappen" in arkiv and "finnes ikke" in arkiv
    assert Arkivforsendelse.objects.filter(status=Arkivstatus.FEILET).count() == 2

    (arkivmappe / "ikke-montert").mkdir()
    for action in re.findall(r'action="([^"]+/prov-igjen/)"', arkiv):
        arkiv = post(klient, action)
    assert arkiv.count("Sendt") == 2 and "Feilet" not in arkiv
    assert len(list((arkivmappe / "ikke-montert").glob("*.zip"))) == 2
    # Nothing lost, nothing doubled, and no half-written file left behind.
    assert Arkivforsendelse.objects.count() == 2
    assert not [f for f in (arkivmappe / "ikke-montert").iterdir() if f.suffix != ".zip"]


def test_the_archive_page_and_retry_are_for_the_chair_and_the_secretary(
    portefolje, leder, medlem, sekretaer, ansatt, klient_for, client
):
    forsendelse = Arkivforsendelse.objects.create(
        portefolje=portefolje,
        art="velge.beslutning",
        objekt_id=1,
        tittel="Vedtak om noe",
        status=Arkivstatus.FEILET,
        forsok=2,
        feilmelding="Arkivmappen finnes ikke.",
    )
    side = reverse("arkiv", kwargs={"slug": portefolje.slug})
    prov = reverse("arkiv-prov-igjen", kwargs={"slug": portefolje.slug, "pk": forsendelse.pk})
    for bruker in (medlem, ansatt):
        klient = klient_for(bruker)
        assert klient.get(side).status_code == 403
        assert klient.post(prov).status_code == 403
        klient.logout()
    assert client.get(side).status_code == 302 and client.post(prov).status_code == 302
    forsendelse.refresh_from_db()
    assert forsendelse.status == Arkivstatus.FEILET and forsendelse.forsok == 2

    klient = klient_for(sekretaer)
    assert lenke(klient.get(side).content.decode(), prov)
    klient.logout()
    klient = klient_for(leder)
    assert "Prøv igjen" in klient.get(side).content.decode()
    assert klient.post(prov).status_code == 302
    forsendelse.refresh_from_db()
    # Waiting again, queued from its first attempt.
    assert forsendelse.forsok == 0 and forsendelse.status == Arkivstatus.VENTER
