"""Triage on the idea's page: only the development team; every change in history and trail."""

import pytest
from django.core import mail

from ideer.models import Innspill, Status
from ideer.tests.factories import InnbyggerInnspillFactory, InnspillFactory
from portefolje.models import Hendelse, Varsel

pytestmark = pytest.mark.django_db


def post(klient, innspill, handling, **data):
    return klient.post(f"/ideer/{innspill.pk}/{handling}/", {"versjon": innspill.versjon, **data})


HANDLINGER = [
    ("status", {"status": "under_vurdering"}),
    ("svar", {"svar": "Takk"}),
    ("avvis", {"grunn": "Nei"}),
    ("slaa-sammen", {"inn_i": 0}),
    ("tildel", {}),
    ("bestill-konseptnotat", {"initiativtaker": 0}),
]


@pytest.mark.parametrize(("handling", "data"), HANDLINGER)
def test_anonymous_outsider_and_submitter_cannot_triage(client, lag_bruker, handling, data):
    innsender = lag_bruker("innsender")
    innspill = InnspillFactory(innsender=innsender)
    annen = InnspillFactory()
    data = {k: (annen.pk if v == 0 else v) for k, v in data.items()}
    if "initiativtaker" in data:
        data["initiativtaker"] = innsender.pk

    svar = post(client, innspill, handling, **data)
    assert svar.status_code == 302 and "/konto/login/" in svar["Location"]
    for bruker in [lag_bruker("utenforstaende"), innsender]:
        client.force_login(bruker)
        assert post(client, innspill, handling, **data).status_code == 403
        assert client.get(f"/ideer/{innspill.pk}/{handling}/").status_code == 403
    innspill.refresh_from_db()
    assert innspill.status == Status.NY and innspill.versjon == 1
    assert not Hendelse.objects.for_objekt(innspill).exclude(handling="innspill_opprettet").exists()


def test_employee_sees_idea_but_no_triage_and_no_citizen_data(klient_for, ansatt):
    innspill = InnbyggerInnspillFactory()
    innhold = klient_for(ansatt).get(f"/ideer/{innspill.pk}/").content.decode()
    assert innspill.tittel in innhold
    assert "Kari Nordmann" not in innhold and "kari@example.no" not in innhold
    assert "Triagering" not in innhold


def test_development_team_sees_citizen_data_and_triage(klient_for, utvikler):
    innspill = InnbyggerInnspillFactory()
    innhold = klient_for(utvikler).get(f"/ideer/{innspill.pk}/").content.decode()
    assert "Kari Nordmann" in innhold and "kari@example.no" in innhold
    assert "Triagering" in innhold


def test_status_change_is_recorded_in_history_and_trail(klient_for, utvikler):
    innspill = InnspillFactory()
    klient = klient_for(utvikler)
    svar = post(klient, innspill, "status", status="under_vurdering", kommentar="Ser på det")
    assert svar.status_code == 302
    innspill.refresh_from_db()
    assert innspill.status == Status.UNDER_VURDERING
    steg = innspill.statushistorikk.last()
    assert (steg.fra_status, steg.til_status, steg.endret_av) == ("ny", "under_vurdering", utvikler)
    side = klient.get(f"/ideer/{innspill.pk}/").content.decode()
    assert "Status endret fra Ny til Under vurdering" in side


def test_parking_needs_a_date(klient_for, utvikler):
    innspill = InnspillFactory()
    svar = post(klient_for(utvikler), innspill, "status", status="parkert")
    assert svar.status_code == 200
    assert svar.context["skjema"]["status"].errors["parkert_til"]
    innspill.refresh_from_db()
    assert innspill.status == Status.NY


def test_public_answer_shows_on_receipt_and_is_mailed_after_commit(
    klient_for, utvikler, django_capture_on_commit_callbacks
):
    innspill = InnbyggerInnspillFactory()
    klient = klient_for(utvikler)
    with django_capture_on_commit_callbacks(execute=True):
        post(klient, innspill, "svar", svar="Lysene kommer til vinteren.", lukk="on")
    innspill.refresh_from_db()
    assert innspill.status == Status.BESVART and innspill.lukket
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["kari@example.no"]
    assert "Lysene kommer til vinteren." in mail.outbox[0].body
    assert f"/innspill/{innspill.kode}/" in mail.outbox[0].body
    klient.logout()
    assert (
        "Lysene kommer til vinteren." in klient.get(f"/innspill/{innspill.kode}/").content.decode()
    )


def test_no_mail_without_consent(klient_for, utvikler, django_capture_on_commit_callbacks):
    innspill = InnbyggerInnspillFactory(samtykke_epost=False)
    with django_capture_on_commit_callbacks(execute=True):
        post(klient_for(utvikler), innspill, "svar", svar="Takk")
    assert mail.outbox == []


def test_reject_needs_a_reason(klient_for, utvikler):
    innspill = InnspillFactory()
    svar = post(klient_for(utvikler), innspill, "avvis", grunn="")
    assert svar.context["skjema"]["avvis"].errors["grunn"] == ["Feltet er påkrevd."]
    innspill.refresh_from_db()
    assert innspill.status == Status.NY


def test_reject_is_styled_as_the_destructive_action(klient_for, utvikler):
    innspill = InnspillFactory()
    innhold = klient_for(utvikler).get(f"/ideer/{innspill.pk}/").content.decode()
    avvis = innhold[innhold.index('id="triage-avvis"') :]
    avvis = avvis[: avvis.index("</form>")]
    assert '<button type="submit" class="btn btn-sm btn-outline-danger">Avvis</button>' in avvis


def test_imposed_order_cannot_be_rejected_by_triage(klient_for, utvikler):
    innspill = InnspillFactory(type="bestilling", opphav="politisk", palagt=True)
    klient = klient_for(utvikler)
    side = klient.get(f"/ideer/{innspill.pk}/").content.decode()
    assert "bare av KLG" in side
    svar = post(klient, innspill, "avvis", grunn="Vil ikke")
    assert "Bare KLG kan avvise den" in svar.content.decode()
    innspill.refresh_from_db()
    assert innspill.status == Status.NY


def test_merge_points_to_kept_and_informs_both(
    klient_for, utvikler, ansatt, django_capture_on_commit_callbacks
):
    beholdt = InnspillFactory(tittel="Digitalt tilsyn på natt", innsender=ansatt)
    duplikat = InnbyggerInnspillFactory(tittel="Digitalt nattilsyn")
    with django_capture_on_commit_callbacks(execute=True):
        svar = post(klient_for(utvikler), duplikat, "slaa-sammen", inn_i=beholdt.pk)
    assert svar.status_code == 302
    duplikat.refresh_from_db()
    assert duplikat.status == Status.SLATT_SAMMEN and duplikat.slatt_sammen_med == beholdt
    assert [m.to for m in mail.outbox] == [["kari@example.no"]]
    assert Varsel.objects.filter(mottaker=ansatt, type="innspill_fikk_duplikat").exists()
    assert Hendelse.objects.for_objekt(beholdt).filter(handling="slatt_sammen").exists()


def test_cannot_merge_into_itself_or_a_missing_input(klient_for, utvikler):
    innspill = InnspillFactory()
    klient = klient_for(utvikler)
    assert "seg selv" in post(klient, innspill, "slaa-sammen", inn_i=innspill.pk).content.decode()
    svar = post(klient, innspill, "slaa-sammen", inn_i=999_999)
    assert svar.context["skjema"]["slaa_sammen"].errors["inn_i"]


def test_similar_titles_are_suggested_as_duplicates(klient_for, utvikler):
    innspill = InnspillFactory(
        tittel="Velferdsteknologi: digitalt tilsyn på natt",
        beskrivelse="Nattbesøk vekker brukerne; sensorer kan gi tilsyn uten å forstyrre.",
    )
    InnspillFactory(
        tittel="Digitalt tilsyn på natt i hjemmetjenesten",
        beskrivelse="Brukerne vekkes av nattbesøk. Digitalt tilsyn med sensorer.",
    )
    InnspillFactory(
        tittel="Gratis parkering i julehandelen",
        beskrivelse="Handelsstanden ønsker gratis parkering i desember.",
    )
    svar = klient_for(utvikler).get(f"/ideer/{innspill.pk}/")
    titler = [d.tittel for d in svar.context["duplikater"]]
    assert titler == ["Digitalt tilsyn på natt i hjemmetjenesten"]


def test_assign_sections_and_portfolio(klient_for, utvikler, seksjon, portefolje):
    innspill = InnspillFactory()
    post(klient_for(utvikler), innspill, "tildel", seksjoner=[seksjon.pk], portefolje=portefolje.pk)
    innspill.refresh_from_db()
    assert list(innspill.seksjoner.all()) == [seksjon] and innspill.portefolje == portefolje
    assert Hendelse.objects.for_objekt(innspill).filter(handling="tildelt").exists()


def test_order_concept_note_from_named_initiator(klient_for, utvikler, lag_bruker):
    initiativtaker = lag_bruker("ingrid")
    innspill = InnspillFactory()
    klient = klient_for(utvikler)
    post(klient, innspill, "bestill-konseptnotat", initiativtaker=initiativtaker.pk)
    innspill.refresh_from_db()
    assert innspill.status == Status.KONSEPTNOTAT_BESTILT
    assert innspill.initiativtaker == initiativtaker
    assert Varsel.objects.filter(mottaker=initiativtaker, type="konseptnotat_bestilt").exists()
    side = klient.get(f"/ideer/{innspill.pk}/").content.decode()
    assert f"/konseptnotater/ny/?innspill={innspill.pk}" in side


def test_stale_form_is_refused_not_overwritten(klient_for, utvikler):
    innspill = InnspillFactory()
    klient = klient_for(utvikler)
    gammel_versjon = innspill.versjon
    post(klient, innspill, "status", status="under_vurdering")
    svar = klient.post(
        f"/ideer/{innspill.pk}/svar/", {"versjon": gammel_versjon, "svar": "Gammelt svar"}
    )
    assert "Noen andre lagret dette etter at du åpnet det" in svar.content.decode()
    innspill.refresh_from_db()
    assert innspill.offentlig_svar == ""


def test_triage_by_htmx_swaps_the_page(klient_for, utvikler):
    innspill = InnspillFactory()
    svar = klient_for(utvikler).post(
        f"/ideer/{innspill.pk}/status/",
        {"versjon": innspill.versjon, "status": "under_vurdering"},
        HTTP_HX_REQUEST="true",
        follow=True,
    )
    assert svar.status_code == 200
    assert "Status er endret." in svar.content.decode()
    assert Innspill.objects.get().status == Status.UNDER_VURDERING


def test_assigning_nothing_is_refused_next_to_the_field(klient_for, utvikler, seksjon):
    """An empty «Seksjoner og portefølje» was saved and logged as «Tildelt –»."""
    innspill = InnspillFactory()
    svar = post(klient_for(utvikler), innspill, "tildel")
    assert svar.status_code in (200, 400)
    assert "Velg minst én berørt seksjon" in svar.content.decode()
    assert svar.context["skjema"]["tildel"].errors["seksjoner"]
    innspill.refresh_from_db()
    assert innspill.versjon == 1
    assert not Hendelse.objects.for_objekt(innspill).filter(handling="tildelt").exists()


def test_the_service_refuses_an_assignment_of_nothing(utvikler):
    from ideer.services import TriageFeil, innspill_tildel

    innspill = InnspillFactory()
    with pytest.raises(TriageFeil):
        innspill_tildel(innspill=innspill, seksjoner=[], portefolje=None, aktor=utvikler)


SYKKEL = (
    "Bysykler i Hokksund",
    "Vi ønsker bysykler ved jernbanestasjonen i Hokksund slik at pendlere kan sykle til jobb.",
)
SYKKEL_IGJEN = (
    "Sykkelutleie for pendlere",
    "Utleie av sykler ved stasjonen, så de som pendler kan sykle videre til jobben.",
)
ELBIL = (
    "Ladepunkter for elbil i Hokksund",
    "Kommunen bør bygge hurtigladere for elbiler på parkeringsplassen i Hokksund sentrum.",
)


def test_a_shared_place_name_does_not_make_a_duplicate_and_the_page_says_why(klient_for, utvikler):
    """A bike-share idea was matched to EV charging on «Hokksund» alone."""
    innspill = InnspillFactory(tittel=SYKKEL[0], beskrivelse=SYKKEL[1])
    InnspillFactory(tittel=ELBIL[0], beskrivelse=ELBIL[1])
    InnspillFactory(tittel=SYKKEL_IGJEN[0], beskrivelse=SYKKEL_IGJEN[1])
    svar = klient_for(utvikler).get(f"/ideer/{innspill.pk}/")
    duplikater = svar.context["duplikater"]
    assert [d.tittel for d in duplikater] == [SYKKEL_IGJEN[0]]
    assert {"pendlere", "sykle"} <= set(duplikater[0].felles_ord)
    assert "Begge nevner: " in svar.content.decode()


def test_the_fallback_without_postgresql_ranks_the_same_way(monkeypatch, utvikler):
    from types import SimpleNamespace

    from ideer import selectors

    innspill = InnspillFactory(tittel=SYKKEL[0], beskrivelse=SYKKEL[1])
    InnspillFactory(tittel=ELBIL[0], beskrivelse=ELBIL[1])
    InnspillFactory(tittel=SYKKEL_IGJEN[0], beskrivelse=SYKKEL_IGJEN[1])
    monkeypatch.setattr(selectors, "connection", SimpleNamespace(vendor="sqlite"))
    assert [d.tittel for d in selectors.foreslatte_duplikater(innspill)] == [SYKKEL_IGJEN[0]]
    # The same measure as pg_trgm's similarity() (0.375 and 0.166 there).
    tekst = " ".join(SYKKEL)
    assert round(selectors.trigram_likhet(tekst, " ".join(SYKKEL_IGJEN)), 3) == 0.375
    assert round(selectors.trigram_likhet(tekst, " ".join(ELBIL)), 3) == 0.166
