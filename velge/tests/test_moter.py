"""Meetings: creating one, the meeting pack, the minutes page and its DOCX export."""

import datetime
import io
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from docx import Document

from konseptnotat.mal import SEKSJONER
from konseptnotat.models import Status
from velge import hooks, services
from velge.models import Beslutning, Mote, Utfall
from velge.tests.factories import KonseptnotatFactory, kriterier_for, mote_med_notater

# A fixture, found by pytest through its name in this module.

pytestmark = pytest.mark.django_db


def test_secretary_creates_a_meeting(portefolje, sekretaer, klient_for):
    dato = timezone.localdate() + datetime.timedelta(days=14)
    svar = klient_for(sekretaer).post(
        reverse("velge:mote-ny", kwargs={"slug": portefolje.slug}),
        {"dato": dato.isoformat(), "tittel": "Desembermøtet", "sted": "Rådhuset"},
    )
    mote = Mote.objects.get()
    assert svar.status_code == 302 and mote.portefolje == portefolje and mote.dato == dato


def test_a_meeting_dated_in_the_past_must_be_confirmed(portefolje, sekretaer, klient_for):
    url = reverse("velge:mote-ny", kwargs={"slug": portefolje.slug})
    klient = klient_for(sekretaer)
    assert 'type="checkbox" name="bekreft"' not in klient.get(url).content.decode()
    dato = timezone.localdate() - datetime.timedelta(days=3)
    svar = klient.post(url, {"dato": dato.isoformat(), "tittel": "Glemt møte"})
    innhold = svar.content.decode()
    assert svar.status_code == 200 and not Mote.objects.exists()
    assert "er i fortiden" in innhold and 'type="checkbox" name="bekreft"' in innhold
    assert "Glemt møte" in innhold
    svar = klient.post(url, {"dato": dato.isoformat(), "tittel": "Glemt møte", "bekreft": "on"})
    assert svar.status_code == 302 and Mote.objects.get().dato == dato


def test_meeting_without_a_date_is_refused(portefolje, sekretaer, klient_for):
    svar = klient_for(sekretaer).post(
        reverse("velge:mote-ny", kwargs={"slug": portefolje.slug}), {"dato": "31.02.2026"}
    )
    assert svar.status_code == 200 and not Mote.objects.exists()


def test_meeting_pack_shows_each_note_by_the_templates_sections(
    portefolje, sekretaer, ansatt, klient_for
):
    kriterier_for(portefolje)
    mote, _ = mote_med_notater(portefolje, antall=0)
    _annet, [notat] = mote_med_notater(portefolje)
    notat.bakgrunn_og_behov = "Nattbesøk vekker brukerne."
    notat.investering = 850000
    notat.save()
    services.agenda_legg_til(mote=mote, notat=notat, aktor=sekretaer)
    notat.bakgrunn_og_behov = "Endret etter at pakken ble sendt."
    notat.save()
    innhold = (
        klient_for(ansatt)
        .get(reverse("velge:motepakke", kwargs={"slug": portefolje.slug, "pk": mote.pk}))
        .content.decode()
    )
    assert "Nattbesøk vekker brukerne." in innhold  # the version frozen for the meeting
    assert "Endret etter" not in innhold
    assert all(str(seksjon.tittel) in innhold for seksjon in SEKSJONER)
    assert "850\xa0000" in innhold or "850 000" in innhold


@pytest.fixture
def protokollert_mote(portefolje, leder, monkeypatch):
    monkeypatch.setattr(hooks, "_ved_godkjenning", [])
    kriterier_for(portefolje)
    mote, [a, b, _c] = mote_med_notater(portefolje, antall=3, sted="Rådhuset, Hokksund")
    services.beslutning_fatt(
        mote=mote,
        notat=a,
        utfall=Utfall.GODKJENT,
        begrunnelse="Stor gevinst for brukerne.",
        aktor=leder,
        under_kvorum_grunn="Saken haster.",
    )
    services.beslutning_fatt(
        mote=mote,
        notat=b,
        utfall=Utfall.AVVIST,
        begrunnelse="Dekkes av dagens system.",
        aktor=leder,
        under_kvorum_grunn="Saken haster.",
    )
    return mote, a, b, _c


def test_minutes_list_the_meetings_decisions(protokollert_mote, ansatt, klient_for):
    mote, a, b, c = protokollert_mote
    innhold = (
        klient_for(ansatt)
        .get(reverse("velge:protokoll", kwargs={"slug": mote.portefolje.slug, "pk": mote.pk}))
        .content.decode()
    )
    assert "Stor gevinst for brukerne." in innhold and "Dekkes av dagens system." in innhold
    assert "Godkjent som prosjekt" in innhold and "Avvist" in innhold
    assert "På sakslisten, ikke behandlet" in innhold and c.tittel in innhold


def test_minutes_export_as_a_word_document_for_the_archive(protokollert_mote, ansatt, klient_for):
    mote, a, _b, _c = protokollert_mote
    svar = klient_for(ansatt).get(
        reverse("velge:protokoll-docx", kwargs={"slug": mote.portefolje.slug, "pk": mote.pk})
    )
    assert svar["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.wordprocessingml"
    )
    assert (
        f"protokoll-{mote.portefolje.slug}-{mote.dato:%Y-%m-%d}.docx" in svar["Content-Disposition"]
    )
    dok = Document(io.BytesIO(svar.content))
    tekst = "\n".join(p.text for p in dok.paragraphs)
    celler = [c.text for t in dok.tables for r in t.rows for c in r.cells]
    assert "Protokoll" in tekst and f"Sak 1: {a.tittel}" in tekst
    assert "Stor gevinst for brukerne." in celler and "Godkjent som prosjekt" in celler
    assert "Rådhuset, Hokksund" in tekst


@pytest.mark.parametrize(
    "navn", ["mote", "mote-resultat", "motepakke", "protokoll", "protokoll-docx"]
)
def test_meeting_pages_make_the_same_number_of_queries_for_2_and_12_cases(
    navn, portefolje, leder, sekretaer, medlem, klient_for, monkeypatch
):
    monkeypatch.setattr(hooks, "_ved_godkjenning", [])
    kriterier = kriterier_for(portefolje)
    mote, _ = mote_med_notater(portefolje, antall=0)
    klient = klient_for(leder)
    adresse = reverse(f"velge:{navn}", kwargs={"slug": portefolje.slug, "pk": mote.pk})

    def legg_til(antall):
        _annet, notater = mote_med_notater(portefolje, antall=antall)
        for i, notat in enumerate(notater):
            services.agenda_legg_til(mote=mote, notat=notat, aktor=sekretaer)
            for bruker in (leder, medlem):
                services.vurdering_lagre(
                    mote=mote,
                    notat=notat,
                    medlem=bruker,
                    poeng={k.pk: (1 + i % 5, "") for k in kriterier},
                )
            if i % 2:
                services.beslutning_fatt(
                    mote=mote,
                    notat=notat,
                    utfall=Utfall.AVVIST,
                    begrunnelse="Nei.",
                    aktor=leder,
                    under_kvorum_grunn="Saken haster.",
                )

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    legg_til(2)
    klient.get(adresse)
    with CaptureQueriesContext(connection) as liten:
        assert klient.get(adresse).status_code == 200
    legg_til(10)
    with CaptureQueriesContext(connection) as stor:
        assert klient.get(adresse).status_code == 200
    assert len(liten.captured_queries) == len(stor.captured_queries)


def test_minutes_show_norwegian_time_and_date_decisions_by_their_meeting(
    protokollert_mote, ansatt, klient_for
):
    """A decision recorded at 00:06 UTC on 1 December for the 30 November meeting: the page, the
    DOCX and the portfolio's history all say 30 November, and the time recorded is 01:06."""
    mote, a, _b, _c = protokollert_mote
    Mote.objects.filter(pk=mote.pk).update(dato=datetime.date(2026, 11, 30))
    Beslutning.objects.filter(mote=mote).update(
        besluttet=datetime.datetime(2026, 12, 1, 0, 6, tzinfo=datetime.UTC)
    )
    kwargs = {"slug": mote.portefolje.slug, "pk": mote.pk}
    klient = klient_for(ansatt)
    side = klient.get(reverse("velge:protokoll", kwargs=kwargs)).content.decode()
    assert "30. november 2026" in side and "1. desember 2026 01:06" in side
    assert "00:06" not in side
    dok = Document(io.BytesIO(klient.get(reverse("velge:protokoll-docx", kwargs=kwargs)).content))
    celler = [c.text for t in dok.tables for r in t.rows for c in r.cells]
    assert "30. november 2026" in celler and "1. desember 2026 01:06" in celler
    assert not any("00:06" in c for c in celler)
    historikk = klient.get(reverse("velge:detalj", kwargs={"slug": mote.portefolje.slug}))
    assert '">30.11.2026<span class="visually-hidden">' in historikk.content.decode()


def test_a_decision_recorded_before_its_meeting_is_not_dated_ahead(
    protokollert_mote, ansatt, klient_for
):
    """Typed in on 1 December for the 3 December meeting: dated 1 December, not two days ahead."""
    mote, a, _b, _c = protokollert_mote
    Mote.objects.filter(pk=mote.pk).update(dato=datetime.date(2026, 12, 3))
    Beslutning.objects.filter(mote=mote).update(
        besluttet=datetime.datetime(2026, 12, 1, 9, 0, tzinfo=datetime.UTC)
    )
    side = klient_for(ansatt).get(
        reverse("velge:protokoll", kwargs={"slug": mote.portefolje.slug, "pk": mote.pk})
    )
    innhold = side.content.decode()
    assert ", 1. desember 2026 <span" in innhold and ", 3. desember 2026 <span" not in innhold
    assert Beslutning.objects.get(mote=mote, notat=a).dato == datetime.date(2026, 12, 1)


def test_minutes_tables_never_hold_a_formula(protokollert_mote, ansatt, klient_for, leder):
    """DOCX tables write their cells through portefolje.eksport too."""
    mote, _a, _b, c = protokollert_mote
    services.beslutning_fatt(
        mote=mote,
        notat=c,
        utfall=Utfall.AVVIST,
        begrunnelse="=cmd|'/c calc'!A1",
        aktor=leder,
        under_kvorum_grunn="Saken haster.",
    )
    svar = klient_for(ansatt).get(
        reverse("velge:protokoll-docx", kwargs={"slug": mote.portefolje.slug, "pk": mote.pk})
    )
    celler = [
        c.text for t in Document(io.BytesIO(svar.content)).tables for r in t.rows for c in r.cells
    ]
    assert "'=cmd|'/c calc'!A1" in celler
    assert not [c for c in celler if c.startswith("=")]


def test_the_chair_finds_a_ready_note_by_title_and_puts_it_on_the_agenda(
    portefolje, leder, klient_for
):
    """KLG has hundreds of ready notes: the meeting page offers a search and the first ten by
    title, not a list of all of them. Through the page's own forms: search, then a hit's button."""
    mote, _ = mote_med_notater(portefolje, antall=0)
    for i in range(14):
        KonseptnotatFactory(portefolje=portefolje, tittel=f"Velferdsteknologi {i:02d}")
    KonseptnotatFactory(portefolje=portefolje, tittel="Digital nattevakt")
    klient = klient_for(leder)
    adresse = reverse("velge:mote", kwargs={"slug": portefolje.slug, "pk": mote.pk})

    def treff(innhold):
        return innhold.split('id="agenda-treff"')[1].split("</section>")[0]

    side = klient.get(adresse).content.decode()
    assert "15 notater i denne porteføljen er klare og står ikke på denne sakslisten" in side
    assert treff(side).count('name="notat"') == 10
    assert "Digital nattevakt" in treff(side)  # first by title
    sok = re.search(r'<form method="get" action="([^"#]*)#agenda-tittel"', side).group(1)
    assert 'name="finn"' in side

    ingen = klient.get(sok, {"finn": "svømmehall"}).content.decode()
    assert "Ingen klare notater har «svømmehall» i tittelen." in ingen

    funnet = treff(klient.get(sok, {"finn": "NATTEVAKT"}).content.decode())
    assert funnet.count('name="notat"') == 1
    handling, notat_id = re.search(
        r'<form method="post" action="([^"]+)">.*?name="notat" value="(\d+)"', funnet, re.S
    ).groups()
    svar = klient.post(handling, {"notat": notat_id})
    assert svar.status_code == 302
    assert [p.notat.tittel for p in mote.agendapunkter.all()] == ["Digital nattevakt"]
    etterpa = klient.get(adresse).content.decode()
    assert "14 notater i denne porteføljen er klare" in etterpa
    assert "Digital nattevakt" not in treff(etterpa)


def test_a_note_not_ready_cannot_be_put_on_the_agenda_by_a_forged_post(
    portefolje, leder, klient_for
):
    mote, _ = mote_med_notater(portefolje, antall=0)
    utkast = KonseptnotatFactory(portefolje=portefolje, status=Status.UTKAST)
    svar = klient_for(leder).post(
        reverse("velge:agenda-legg-til", kwargs={"slug": portefolje.slug, "pk": mote.pk}),
        {"notat": utkast.pk},
        follow=True,
    )
    assert "Velg et notat som er klart for beslutning." in svar.content.decode()
    assert not mote.agendapunkter.exists()
