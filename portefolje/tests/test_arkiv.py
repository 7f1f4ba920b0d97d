"""The archive core (portefolje.arkiv), with a kind of record registered here on the core's own
portfolio model: the arkivmelding against the official schema, the drop folder written whole,
the backoff, and the sweep."""

import datetime
import os
import zipfile

import pytest
from django.urls import reverse
from django.utils import timezone

from portefolje.arkiv import register, tjenester
from portefolje.arkiv.arkivmelding import UgyldigArkivmelding, arkivmelding_lag
from portefolje.arkiv.innhold import Arkivinnhold, Dokument, Registrering, Saksmappe
from portefolje.models import Arkivforsendelse, Arkivstatus, Portefolje

pytestmark = pytest.mark.django_db

ART = "portefolje.test"
# The archive page: session, user, portfolio, roles, count and page of items (and the rest of
# the layout); the same for one item and for many.
ANTALL_SPORRINGER = 7


def beskriv(portefolje, *, tittel=None, hjemmel=""):
    return Arkivinnhold(
        mappe=Saksmappe(noekkel=f"test-{portefolje.pk}", tittel=portefolje.navn),
        registrering=Registrering(
            noekkel=f"test-reg-{portefolje.pk}",
            tittel=portefolje.navn if tittel is None else tittel,
            dato=datetime.date(2026, 12, 7),
            dokumenter=[Dokument(navn="notat", tittel="Notat")],
            skjermingshjemmel=hjemmel,
        ),
    )


@pytest.fixture(autouse=True)
def art():
    register.registrer(ART, modell=Portefolje, beskriv=beskriv)


@pytest.fixture
def mappe(settings, tmp_path):
    settings.ARKIV_MAPPE = str(tmp_path)
    return tmp_path


def ny(portefolje, **felt):
    return Arkivforsendelse.objects.create(
        portefolje=portefolje, art=ART, objekt_id=portefolje.pk, tittel="Test", **felt
    )


def test_a_valid_arkivmelding_carries_the_exemption_and_an_invalid_one_never_leaves(portefolje):
    xml = arkivmelding_lag(beskriv(portefolje, hjemmel="Offl. § 13"), [b"%PDF-"])
    assert b"<skjermingshjemmel>Offl. \xc2\xa7 13</skjermingshjemmel>" in xml
    with pytest.raises(UgyldigArkivmelding):
        arkivmelding_lag(beskriv(portefolje, tittel=""), [b"%PDF-"])


def test_registering_twice_files_once_and_nothing_is_filed_while_filing_is_off(
    portefolje, settings, mappe, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as koet:
        for _ in range(2):
            tjenester.arkivforsendelse_registrer(
                art=ART, objekt=portefolje, portefolje=portefolje, tittel="Test"
            )
    assert Arkivforsendelse.objects.count() == 1 and len(koet) == 1
    settings.ARKIV_MAPPE = ""
    Arkivforsendelse.objects.all().delete()
    assert (
        tjenester.arkivforsendelse_registrer(
            art=ART, objekt=portefolje, portefolje=portefolje, tittel="Test"
        )
        is None
    )
    with pytest.raises(LookupError):
        tjenester.arkivforsendelse_registrer(
            art="ukjent", objekt=portefolje, portefolje=portefolje, tittel="Test"
        )


def test_a_failing_folder_backs_off_then_stops_and_leaves_no_half_file(
    portefolje, mappe, settings, monkeypatch
):
    settings.ARKIV = {**settings.ARKIV, "MAKS_FORSOK": 3}
    forsendelse = ny(portefolje)

    def feiler(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", feiler)
    pauser = [tjenester.arkivforsendelse_send(forsendelse=forsendelse) for _ in range(3)]
    assert pauser == [60, 120, None]
    forsendelse.refresh_from_db()
    assert forsendelse.status == Arkivstatus.FEILET and forsendelse.forsok == 3
    assert "No space left on device" in forsendelse.feilmelding
    assert list(mappe.iterdir()) == []

    monkeypatch.undo()
    # Filing turned off meanwhile: it fails with a message, and never writes elsewhere.
    settings.ARKIV_MAPPE = ""
    assert tjenester.arkivforsendelse_send(forsendelse=forsendelse) is None
    forsendelse.refresh_from_db()
    assert "ARKIV_MAPPE er tom" in forsendelse.feilmelding
    settings.ARKIV_MAPPE = str(mappe)
    assert tjenester.arkivforsendelse_send(forsendelse=forsendelse) is None
    forsendelse.refresh_from_db()
    assert forsendelse.status == Arkivstatus.SENDT
    with zipfile.ZipFile(mappe / forsendelse.filnavn) as z:
        assert sorted(z.namelist()) == ["arkivmelding.xml", "notat.pdf"]
    # Sent is sent: a second delivery of the task sends nothing.
    (mappe / forsendelse.filnavn).unlink()
    assert tjenester.arkivforsendelse_send(forsendelse=forsendelse) is None
    assert list(mappe.iterdir()) == []


def test_the_sweep_queues_what_waited_too_long_and_marks_what_the_archive_took(
    portefolje, klg, mappe, django_capture_on_commit_callbacks
):
    gammel = ny(portefolje, status_endret=timezone.now() - datetime.timedelta(hours=1))
    ny(klg)  # waited only a moment: left alone
    hentet = Arkivforsendelse.objects.create(
        portefolje=portefolje,
        art=ART,
        objekt_id=100_000,
        tittel="Hentet",
        status="sendt",
        filnavn="a.zip",
    )
    ligger = Arkivforsendelse.objects.create(
        portefolje=portefolje,
        art=ART,
        objekt_id=100_001,
        tittel="Ligger",
        status="sendt",
        filnavn="b.zip",
    )
    (mappe / "b.zip").write_bytes(b"PK")
    with django_capture_on_commit_callbacks() as koet:
        assert tjenester.arkivforsendelser_feie() == {"koet_igjen": 1, "kvittert": 1}
    assert len(koet) == 1
    gammel.refresh_from_db()
    assert gammel.status == Arkivstatus.VENTER and gammel.status_endret > timezone.now() - (
        datetime.timedelta(minutes=1)
    )
    assert Arkivforsendelse.objects.get(pk=hentet.pk).status == Arkivstatus.KVITTERT
    assert Arkivforsendelse.objects.get(pk=ligger.pk).status == Arkivstatus.SENDT


@pytest.mark.parametrize("antall", [1, 12])
def test_the_archive_page_reads_with_the_same_queries_however_many_items(
    portefolje, leder, klient_for, django_assert_num_queries, antall
):
    for nr in range(antall):
        Arkivforsendelse.objects.create(
            portefolje=portefolje, art=ART, objekt_id=nr + 1, tittel=f"Nr {nr}", status="feilet"
        )
    klient = klient_for(leder)
    url = reverse("arkiv", kwargs={"slug": portefolje.slug})
    klient.get(url)
    with django_assert_num_queries(ANTALL_SPORRINGER):
        side = klient.get(url).content.decode()
    assert side.count("Prøv igjen") == antall
