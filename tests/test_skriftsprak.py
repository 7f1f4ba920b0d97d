"""Bokmål and nynorsk: the municipality's default, each person's choice on «Min
profil», set_language for everyone, the `lang` attribute, and e-mail in the recipient's language.
"""

import re
from html import unescape

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse

from ideer.models import Innspill
from ideer.paminnelser import INNSPILL_BESVART
from ideer.tests.factories import InnbyggerInnspillFactory, InnspillFactory
from ideer.tests.hjelp import offentlig_post
from portefolje.models import Profil, Varsel
from portefolje.sprak import SESJONSNOKKEL

pytestmark = pytest.mark.django_db

# Words only bokmål (or English) has: one of them on a nynorsk page is a string left behind.
BOKMAL = re.compile(
    r"\b(ikke|Ikke|jeg|Jeg|hva|Hva|hvordan|Hvordan|hvem|Hvem|hvis|Hvis|hvilke|Hvilke|fra|Fra|"
    r"innspill|Innspill|ideer|Ideer|bestillinger|konseptnotater|Konseptnotater|porteføljer|"
    r"prosjekter|varsler|Varsler|endringer|uleste|lagret|Lagret|navn|Navn|noen|Noen|bare|Bare|"
    r"være|mer|Velg|velg|hovedinnhold|Hovedmeny|siden|Siden|mottatt|Mottatt|Beskrivelse)\b"
)
ENGELSK = re.compile(
    r"\b(the|The|and|of|to|Save|Submit|Search|Select|Cancel|required|Required|This field|"
    r"Choose|Collect|Steer|Justify|Notifications|Log out|None|Yes|No)\b"
)
# Text a reader meets: between tags, and in the attributes read aloud or shown.
_ATTRIBUTTER = re.compile(r'\b(?:aria-label|title|placeholder|alt)="([^"]*)"')


def synlig_tekst(html: str) -> str:
    html = re.sub(r"(?s)<(script|style)\b.*?</\1>", " ", html)
    attributter = " ".join(_ATTRIBUTTER.findall(html))
    tekst = re.sub(r"(?s)<[^>]+>", " ", html)
    return unescape(f"{tekst} {attributter}")


def uten_adresser(tekst: str) -> str:
    return re.sub(r"https?://\S+", " ", tekst)


def gjenstaaende(html: str, *, unntatt=()) -> set[str]:
    tekst = synlig_tekst(html)
    for ord_ in unntatt:
        tekst = tekst.replace(ord_, " ")
    return set(BOKMAL.findall(tekst)) | set(ENGELSK.findall(tekst))


def sprakvalg_pa_profilen(klient, kode):
    profil = klient.get(reverse("profil")).content.decode()
    assert f'name="sprak" value="{kode}"' in profil
    return klient.post(reverse("profil"), {"sprak": kode})


def test_choosing_nynorsk_on_the_profile_turns_the_portal_nynorsk(ansatt, klient_for):
    # What people wrote stays as written: the titles here are neutral words.
    InspillTittel = "Testsak Alfa"
    InnspillFactory(tittel=InspillTittel, beskrivelse="Testtekst.", innsender=ansatt)
    klient = klient_for(ansatt)
    svar = sprakvalg_pa_profilen(klient, "nn")
    assert svar.status_code == 302
    assert Profil.objects.get(bruker=ansatt).sprak == "nn"
    profil = klient.get(svar["Location"]).content.decode()
    assert "Skriftspråket ditt er lagra." in profil
    assert '<html lang="nn">' in profil

    # The start page last: its blocks come from every phase (Velge's and Styre's catalogs too).
    for adresse in (reverse("ideer:liste"), reverse("ideer:ny"), reverse("profil"), "/"):
        side = klient.get(adresse)
        assert side.status_code == 200, adresse
        html = side.content.decode()
        assert '<html lang="nn">' in html, adresse
        assert not gjenstaaende(html, unntatt=[InspillTittel, "Testtekst."]), (
            adresse,
            gjenstaaende(html, unntatt=[InspillTittel, "Testtekst."]),
        )
    # And the nynorsk is really there: the start page's menu and the form's labels.
    assert "idear og bestillingar" in klient.get("/").content.decode()
    assert "Kva er behovet eller problemet?" in klient.get(reverse("ideer:ny")).content.decode()

    # Back to the municipality's default.
    sprakvalg_pa_profilen(klient, "")
    assert '<html lang="nb">' in klient.get("/").content.decode()
    assert Profil.objects.get(bruker=ansatt).sprak == ""


def test_the_profile_choice_follows_the_person_into_a_new_login(ansatt, client):
    Profil.objects.create(bruker=ansatt, sprak="nn")
    assert (
        client.post(
            reverse("login"), {"username": "ansatt", "password": "hemmelig-123"}
        ).status_code
        == 302
    )
    assert client.session[SESJONSNOKKEL] == "nn"
    assert "Hopp til hovudinnhaldet" in client.get("/").content.decode()


def test_an_unknown_language_on_the_profile_is_refused_at_the_field(ansatt, klient_for):
    klient = klient_for(ansatt)
    svar = klient.post(reverse("profil"), {"sprak": "xx"})
    assert svar.status_code == 200
    assert "is-invalid" in svar.content.decode()
    assert not Profil.objects.filter(bruker=ansatt).exclude(sprak="").exists()


def test_the_profile_needs_login_and_changes_only_ones_own(client, ansatt, utvikler, klient_for):
    svar = client.post(reverse("profil"), {"sprak": "nn"})
    assert svar.status_code == 302 and reverse("login") in svar["Location"]
    assert not Profil.objects.exists()
    klient_for(ansatt).post(reverse("profil"), {"sprak": "nn"})
    assert list(Profil.objects.values_list("bruker__username", "sprak")) == [("ansatt", "nn")]


def test_anyone_switches_with_set_language_and_the_lang_attribute_follows(client):
    side = client.get("/innspill/ny/").content.decode()
    assert '<html lang="nb">' in side
    assert 'action="/i18n/setlang/"' in side and 'value="nn"' in side
    svar = client.post("/i18n/setlang/", {"language": "nn", "next": "/innspill/ny/"})
    assert svar.status_code == 302 and svar["Location"] == "/innspill/ny/"
    side = client.get("/innspill/ny/").content.decode()
    assert '<html lang="nn">' in side
    assert "Send ein idé til Øvre Eiker kommune" in side
    assert not gjenstaaende(side)


@pytest.mark.parametrize("kode", ["xx", "de", "en", "", "nn'><script>", "n" * 500])
def test_an_unknown_language_code_changes_nothing_and_is_no_500(client, kode):
    client.post("/i18n/setlang/", {"language": "nn", "next": "/innspill/ny/"})
    svar = client.post("/i18n/setlang/", {"language": kode, "next": "/innspill/ny/"})
    assert svar.status_code == 302 and svar["Location"] == "/innspill/ny/"
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "nn"
    assert '<html lang="nn">' in client.get("/innspill/ny/").content.decode()


def test_set_language_never_sends_you_off_the_portal(client):
    svar = client.post("/i18n/setlang/", {"language": "xx", "next": "https://example.com/"})
    assert svar.status_code == 302 and svar["Location"] == "/"
    svar = client.post("/i18n/setlang/", {"language": "nn", "next": "https://example.com/"})
    assert svar.status_code == 302 and "example.com" not in svar["Location"]
    assert client.get("/i18n/setlang/").status_code == 405


def test_a_signed_in_persons_switch_is_saved_on_the_profile(ansatt, klient_for):
    klient = klient_for(ansatt)
    klient.post("/i18n/setlang/", {"language": "nn", "next": "/"})
    assert Profil.objects.get(bruker=ansatt).sprak == "nn"
    assert '<html lang="nn">' in klient.get("/").content.decode()


def test_the_municipality_sets_the_default_and_the_browser_does_not_override_it(client, settings):
    settings.LANGUAGE_CODE = "nn"
    side = client.get("/innspill/ny/", headers={"accept-language": "nb-NO,nb;q=0.9"})
    assert '<html lang="nn">' in side.content.decode()
    assert side["Content-Language"] == "nn"
    client.post("/i18n/setlang/", {"language": "nb", "next": "/"})
    assert '<html lang="nb">' in client.get("/innspill/ny/").content.decode()


def test_dates_are_written_in_the_page_language(client):
    from datetime import date

    from django.utils import formats, translation

    with translation.override("nn"):
        assert formats.date_format(date(2026, 12, 1), "l j. F Y") == "tysdag 1. desember 2026"
    with translation.override("nb"):
        assert formats.date_format(date(2026, 12, 1), "l j. F Y") == "tirsdag 1. desember 2026"


# --- e-mail in the recipient's language ------------------------------------------------------


def test_an_employees_notification_and_its_email_are_in_their_language(
    utvikler, lag_bruker, klient_for, django_capture_on_commit_callbacks
):
    """The development team works in bokmål; the submitter chose nynorsk."""
    innsender = lag_bruker("innsender")
    Profil.objects.create(bruker=innsender, sprak="nn")
    innsender.varselinnstillinger.create(type=INNSPILL_BESVART, epost=True)
    innspill = InnspillFactory(tittel="Testsak", innsender=innsender)
    with django_capture_on_commit_callbacks(execute=True):
        svar = klient_for(utvikler).post(
            f"/ideer/{innspill.pk}/triage/",
            {"versjon": innspill.versjon, "handling": "svar", "svar": "Svaret."},
        )
    assert svar.status_code == 302
    varsel = Varsel.objects.get(mottaker=innsender)
    assert varsel.sprak == "nn"
    assert varsel.tittel == "Svar på innspelet ditt: Testsak"
    (melding,) = mail.outbox
    assert "Svar på innspelet ditt" in melding.subject
    assert "Svaret." in melding.body  # what the team wrote stays as written
    assert '<html lang="nn">' in melding.alternatives[0].content
    assert not BOKMAL.findall(uten_adresser(melding.body.replace("Svaret.", "")))


def test_a_citizen_is_answered_in_the_language_they_wrote_in(
    client, utvikler, klient_for, django_capture_on_commit_callbacks
):
    client.post("/i18n/setlang/", {"language": "nn", "next": "/innspill/ny/"})
    assert client.post("/innspill/ny/", offentlig_post()).status_code == 302
    innspill = Innspill.objects.get()
    assert innspill.sprak == "nn"
    with django_capture_on_commit_callbacks(execute=True):
        klient_for(utvikler).post(
            f"/ideer/{innspill.pk}/triage/",
            {"versjon": innspill.versjon, "handling": "svar", "svar": "Lyset kjem."},
        )
    (melding,) = mail.outbox
    assert "Svar på innspelet ditt" in melding.subject
    assert "Følg innspelet ditt her" in melding.body
    assert "Venleg helsing" in melding.body


def test_a_citizen_who_wrote_in_bokmal_gets_bokmal(
    utvikler, klient_for, django_capture_on_commit_callbacks
):
    innspill = InnbyggerInnspillFactory(sprak="nb")
    Profil.objects.create(bruker=utvikler, sprak="nn")  # the team member's choice does not count
    with django_capture_on_commit_callbacks(execute=True):
        klient_for(utvikler).post(
            f"/ideer/{innspill.pk}/triage/",
            {"versjon": innspill.versjon, "handling": "svar", "svar": "Lyset kommer."},
        )
    (melding,) = mail.outbox
    assert "Svar på innspillet ditt" in melding.subject
    assert "Vennlig hilsen" in melding.body


def test_a_reminder_pass_writes_each_person_in_their_language(lag_bruker, settings):
    from portefolje.paminnelser import UKESAMMENDRAG, paminnelser_kjor
    from portefolje.varsler import varsel_opprett

    settings.PAMINNELSER = {**settings.PAMINNELSER, "UKESAMMENDRAG_UKEDAG": 0}
    kari, ola = lag_bruker("kari"), lag_bruker("ola")
    Profil.objects.create(bruker=ola, sprak="nn")
    for bruker in (kari, ola):
        bruker.varselinnstillinger.create(type=UKESAMMENDRAG, epost=True)
        varsel_opprett(mottaker=bruker, type="test", objekt=bruker, tittel="Noko", epost=False)
    from datetime import date

    paminnelser_kjor(idag=date(2026, 11, 30), synkron=True)  # a Monday
    emner = {m.to[0]: m.subject for m in mail.outbox}
    assert "Uken din i Porteføljeportalen" in emner["kari@example.no"]
    assert "Veka di i Porteføljeportalen" in emner["ola@example.no"]


def test_password_reset_email_is_in_the_account_holders_language(ansatt, client):
    Profil.objects.create(bruker=ansatt, sprak="nn")
    svar = client.post(reverse("password_reset"), {"email": "ansatt@example.no"})
    assert svar.status_code == 302
    (melding,) = mail.outbox
    assert "Nytt passord til Porteføljeportalen" in melding.subject
    assert "Brukarnamnet ditt er:" in melding.body
    assert not BOKMAL.findall(uten_adresser(melding.body))


# --- exports and PDFs follow the language ------------------------------------------------------


def test_the_export_column_labels_follow_the_language(utvikler, klient_for):
    InnspillFactory(tittel="Testsak")
    klient = klient_for(utvikler)
    sprakvalg_pa_profilen(klient, "nn")
    # The export has the view's columns: these three among them.
    valg = {"eksport": "csv", "kol": ["tittel", "palagt", "opprettet", "innsender"]}
    svar = klient.get(reverse("ideer:liste"), valg)
    forste_linje = b"".join(svar.streaming_content if svar.streaming else [svar.content])
    overskrift = forste_linje.decode("utf-8-sig").splitlines()[0]
    assert "Pålagd" in overskrift and "Motteke" in overskrift and "Sendt inn av" in overskrift
    assert "Mottatt" not in overskrift


def test_the_concept_note_pdf_is_written_in_the_readers_language(klient_for):
    from unittest import mock

    import weasyprint

    from konseptnotat.tests.factories import KonseptnotatFactory

    notat = KonseptnotatFactory(tittel="Testnotat")
    klient = klient_for(notat.eier)
    sprakvalg_pa_profilen(klient, "nn")
    ekte = weasyprint.HTML
    laget = []

    def fang(*args, **kwargs):
        laget.append(kwargs.get("string", ""))
        return ekte(*args, **kwargs)

    with mock.patch("weasyprint.HTML", side_effect=fang):
        svar = klient.get(reverse("konseptnotat:pdf", kwargs={"pk": notat.pk}))
    assert svar.status_code == 200 and svar.content.startswith(b"%PDF")
    (html,) = laget
    assert '<html lang="nn">' in html
    assert "Bakgrunn og behov" in html and "Ikkje svara." in html
    assert not gjenstaaende(html, unntatt=["Testnotat"])
