"""Triage on the idea's page: one form, one «Lagre», only for the development team; every change
in history and trail; errors beside their fields; feedback beside the form."""

import re

import pytest
from django.core import mail

from ideer.models import Innspill, Status
from ideer.tests.factories import InnbyggerInnspillFactory, InnspillFactory
from portefolje.models import Hendelse, Varsel
from tests.test_skjema_fuzz import SkjemaLeser

pytestmark = pytest.mark.django_db


def skjemaer(klient, innspill) -> list:
    side = f"/ideer/{innspill.pk}/"
    leser = SkjemaLeser(side)
    leser.feed(klient.get(side).content.decode())
    return leser.skjemaer


def triageskjema(klient, innspill):
    """The page's one triage form (the form whose «handling» is a choice), as a person sees it."""
    (skjema,) = [s for s in skjemaer(klient, innspill) if s.felt.get("handling") == "radio"]
    return skjema


def send(klient, innspill, handling, **data):
    """Choose `handling` in the page's triage form, fill in `data` and press «Lagre»."""
    skjema = triageskjema(klient, innspill)
    assert handling in skjema.valg["handling"], f"{handling} er ikke et valg på siden"
    assert set(data) <= set(skjema.felt), set(data) - set(skjema.felt)
    innspill.refresh_from_db()
    return klient.post(skjema.action, {"versjon": innspill.versjon, "handling": handling, **data})


def test_anonymous_outsider_employee_and_submitter_cannot_triage(client, lag_bruker, ansatt):
    innsender = lag_bruker("innsender")
    innspill = InnspillFactory(innsender=innsender)
    data = {"versjon": 1, "handling": "avvis", "grunn": "Nei"}
    url = f"/ideer/{innspill.pk}/triage/"

    svar = client.post(url, data)
    assert svar.status_code == 302 and "/konto/login/" in svar["Location"]
    for bruker in [lag_bruker("utenforstaende"), ansatt, innsender]:
        client.force_login(bruker)
        assert not [s for s in skjemaer(client, innspill) if s.action.endswith("/triage/")]
        assert client.post(url, data).status_code == 403
        assert client.get(url).status_code == 403
    innspill.refresh_from_db()
    assert innspill.status == Status.NY and innspill.versjon == 1
    assert not Hendelse.objects.for_objekt(innspill).exclude(handling="innspill_opprettet").exists()


def test_employee_sees_idea_but_no_triage_and_no_citizen_data(klient_for, ansatt):
    innspill = InnbyggerInnspillFactory()
    innhold = klient_for(ansatt).get(f"/ideer/{innspill.pk}/").content.decode()
    assert innspill.tittel in innhold
    assert "Kari Nordmann" not in innhold and "kari@example.no" not in innhold
    assert "Triagering" not in innhold


def test_the_team_gets_one_form_with_one_save_button(klient_for, utvikler):
    innspill = InnbyggerInnspillFactory()
    klient = klient_for(utvikler)
    innhold = klient.get(f"/ideer/{innspill.pk}/").content.decode()
    assert "Kari Nordmann" in innhold and "Triagering" in innhold
    skjema = triageskjema(klient, innspill)
    assert skjema.valg["handling"] == [
        "kategoriser",
        "vurder",
        "bestill",
        "svar",
        "slaa_sammen",
        "parker",
        "avvis",
    ]
    start = innhold.index('id="triage"')
    triage = innhold[start : innhold.index("</form>", start)]
    assert triage.count('type="submit"') == 1 and ">Lagre</button>" in triage


def test_taking_under_consideration_is_recorded_and_said_beside_the_form(klient_for, utvikler):
    innspill = InnspillFactory()
    klient = klient_for(utvikler)
    svar = send(klient, innspill, "vurder", kommentar="Ser på det")
    assert svar.status_code == 302
    innspill.refresh_from_db()
    assert innspill.status == Status.UNDER_VURDERING
    steg = innspill.statushistorikk.last()
    assert (steg.fra_status, steg.til_status, steg.endret_av) == ("ny", "under_vurdering", utvikler)
    assert steg.kommentar == "Ser på det"
    side = klient.get(svar["Location"]).content.decode()
    assert "Status endret fra Ny til Under vurdering" in side
    # The feedback is beside the form, where the person is, and takes the focus.
    kvittering = re.search(r'<div [^>]*id="triage-kvittering"[^>]*>\s*(.*?)\s*</div>', side, re.S)
    assert "Status er endret." in kvittering[1] and "autofocus" in kvittering[0]
    assert side.index("triage-kvittering") > side.index('id="triage"')
    assert 'class="meldinger"' not in side


def test_parking_needs_a_date_beside_the_field_which_gets_the_focus(klient_for, utvikler):
    innspill = InnspillFactory()
    svar = send(klient_for(utvikler), innspill, "parker", parkert_til="")
    assert svar.status_code == 200
    assert svar.context["skjema"].errors["parkert_til"] == ["Feltet er påkrevd."]
    innhold = svar.content.decode()
    felt = re.search(r'<input [^>]*name="parkert_til"[^>]*>', innhold)[0]
    assert "autofocus" in felt and 'aria-invalid="true"' in felt
    # The summary at the top of the form links to the field.
    assert 'href="#id_parkert_til"' in innhold
    innspill.refresh_from_db()
    assert innspill.status == Status.NY


def test_parking_with_a_date(klient_for, utvikler):
    innspill = InnspillFactory()
    send(
        klient_for(utvikler), innspill, "parker", parkert_til="2027-03-01", parkert_kommentar="Vår"
    )
    innspill.refresh_from_db()
    assert innspill.status == Status.PARKERT and str(innspill.parkert_til) == "2027-03-01"
    assert innspill.statushistorikk.last().kommentar == "Vår"


def test_saving_without_choosing_an_action_says_so_and_changes_nothing(klient_for, utvikler):
    innspill = InnspillFactory()
    klient = klient_for(utvikler)
    skjema = triageskjema(klient, innspill)
    svar = klient.post(skjema.action, {"versjon": innspill.versjon, "grunn": "Nei"})
    assert "Velg hva du vil gjøre med innspillet." in svar.content.decode()
    radio = re.search(r'<input [^>]*name="handling"[^>]*>', svar.content.decode())[0]
    assert "autofocus" in radio
    innspill.refresh_from_db()
    assert innspill.status == Status.NY and innspill.versjon == 1


def test_public_answer_shows_on_receipt_and_is_mailed_after_commit(
    klient_for, utvikler, django_capture_on_commit_callbacks
):
    innspill = InnbyggerInnspillFactory()
    klient = klient_for(utvikler)
    with django_capture_on_commit_callbacks(execute=True):
        send(klient, innspill, "svar", svar="Lysene kommer til vinteren.", lukk="on")
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
        send(klient_for(utvikler), innspill, "svar", svar="Takk")
    assert mail.outbox == []


def test_only_the_chosen_action_is_done(klient_for, utvikler):
    """Fields filled in under other actions are not read: rejecting does not also answer."""
    innspill = InnspillFactory()
    send(klient_for(utvikler), innspill, "avvis", grunn="Utenfor mandatet", svar="Ikke dette")
    innspill.refresh_from_db()
    assert innspill.status == Status.AVVIST and innspill.avvisningsgrunn == "Utenfor mandatet"
    assert innspill.offentlig_svar == ""


def test_reject_needs_a_reason(klient_for, utvikler):
    innspill = InnspillFactory()
    svar = send(klient_for(utvikler), innspill, "avvis", grunn="")
    assert svar.context["skjema"].errors["grunn"] == ["Feltet er påkrevd."]
    innspill.refresh_from_db()
    assert innspill.status == Status.NY


def test_imposed_order_cannot_be_rejected_by_triage(klient_for, utvikler):
    innspill = InnspillFactory(type="bestilling", opphav="politisk", palagt=True)
    klient = klient_for(utvikler)
    side = klient.get(f"/ideer/{innspill.pk}/").content.decode()
    assert "bare av KLG" in side
    assert "avvis" not in triageskjema(klient, innspill).valg["handling"]
    # A hand-made post of the action the page does not offer is refused beside the choice.
    svar = klient.post(
        f"/ideer/{innspill.pk}/triage/",
        {"versjon": innspill.versjon, "handling": "avvis", "grunn": "Vil ikke"},
    )
    assert svar.context["skjema"].errors["handling"]
    innspill.refresh_from_db()
    assert innspill.status == Status.NY


def test_merge_by_number_points_to_kept_and_informs_both(
    klient_for, utvikler, ansatt, django_capture_on_commit_callbacks
):
    beholdt = InnspillFactory(tittel="Digitalt tilsyn på natt", innsender=ansatt)
    duplikat = InnbyggerInnspillFactory(tittel="Gatelys i Vestfossen")
    with django_capture_on_commit_callbacks(execute=True):
        svar = send(klient_for(utvikler), duplikat, "slaa_sammen", inn_i=beholdt.pk)
    assert svar.status_code == 302
    duplikat.refresh_from_db()
    assert duplikat.status == Status.SLATT_SAMMEN and duplikat.slatt_sammen_med == beholdt
    assert [m.to for m in mail.outbox] == [["kari@example.no"]]
    assert Varsel.objects.filter(mottaker=ansatt, type="innspill_fikk_duplikat").exists()
    assert Hendelse.objects.for_objekt(beholdt).filter(handling="slatt_sammen").exists()


def test_cannot_merge_into_itself_or_a_missing_input_and_the_field_says_so(klient_for, utvikler):
    innspill = InnspillFactory()
    klient = klient_for(utvikler)
    svar = send(klient, innspill, "slaa_sammen", inn_i=innspill.pk)
    assert svar.context["skjema"].errors["inn_i"] == [
        "Et innspill kan ikke slås sammen med seg selv."
    ]
    svar = send(klient, innspill, "slaa_sammen", inn_i=999_999)
    assert svar.context["skjema"].errors["inn_i"]
    innspill.refresh_from_db()
    assert innspill.status == Status.NY


def test_similar_texts_are_suggested_and_merged_by_their_button(
    klient_for, utvikler, django_capture_on_commit_callbacks
):
    innspill = InnspillFactory(
        tittel="Velferdsteknologi: digitalt tilsyn på natt",
        beskrivelse="Nattbesøk vekker brukerne; sensorer kan gi tilsyn uten å forstyrre.",
    )
    lik = InnspillFactory(
        tittel="Digitalt tilsyn på natt i hjemmetjenesten",
        beskrivelse="Brukerne vekkes av nattbesøk. Digitalt tilsyn med sensorer.",
    )
    InnspillFactory(
        tittel="Gratis parkering i julehandelen",
        beskrivelse="Handelsstanden ønsker gratis parkering i desember.",
    )
    klient = klient_for(utvikler)
    svar = klient.get(f"/ideer/{innspill.pk}/")
    assert [d.tittel for d in svar.context["duplikater"]] == [lik.tittel]
    innhold = svar.content.decode()
    knapp = re.search(r"<button [^>]*>Slå sammen med denne<span[^>]*>: ([^<]*)</span>", innhold)
    assert knapp[1] == lik.tittel and "data-confirm=" in knapp[0]

    # The suggestion's own form: one click (and one confirmation in the browser).
    (forslag,) = [s for s in skjemaer(klient, innspill) if s.felt.get("handling") == "hidden"]
    felt = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', innhold))
    assert (felt["handling"], felt["inn_i"]) == ("slaa_sammen", str(lik.pk))
    with django_capture_on_commit_callbacks(execute=True):
        svar = klient.post(forslag.action, {**felt, "versjon": innspill.versjon}, follow=True)
    innspill.refresh_from_db()
    assert innspill.status == Status.SLATT_SAMMEN and innspill.slatt_sammen_med == lik
    assert "Innspillene er slått sammen." in svar.content.decode()


def test_no_merge_buttons_once_merged(klient_for, utvikler):
    beholdt = InnspillFactory(tittel="Digitalt tilsyn på natt", beskrivelse="Tilsyn på natt.")
    innspill = InnspillFactory(
        tittel="Digitalt tilsyn på natt",
        beskrivelse="Tilsyn på natt.",
        status=Status.SLATT_SAMMEN,
        slatt_sammen_med=beholdt,
    )
    innhold = klient_for(utvikler).get(f"/ideer/{innspill.pk}/").content.decode()
    assert "Slå sammen med denne" not in innhold


def test_categorise_sections_and_portfolio(klient_for, utvikler, seksjon, portefolje):
    innspill = InnspillFactory()
    send(
        klient_for(utvikler),
        innspill,
        "kategoriser",
        seksjoner=[seksjon.pk],
        portefolje=portefolje.pk,
    )
    innspill.refresh_from_db()
    assert list(innspill.seksjoner.all()) == [seksjon] and innspill.portefolje == portefolje
    assert Hendelse.objects.for_objekt(innspill).filter(handling="tildelt").exists()


def test_categorising_nothing_is_refused_next_to_the_field(klient_for, utvikler, seksjon):
    """An empty «Seksjoner og portefølje» was saved and logged as «Tildelt –»."""
    innspill = InnspillFactory()
    svar = send(klient_for(utvikler), innspill, "kategoriser")
    assert svar.status_code == 200
    assert "Velg minst én berørt seksjon" in svar.content.decode()
    assert svar.context["skjema"].errors["seksjoner"]
    innspill.refresh_from_db()
    assert innspill.versjon == 1
    assert not Hendelse.objects.for_objekt(innspill).filter(handling="tildelt").exists()


def test_the_service_refuses_an_assignment_of_nothing(utvikler):
    from ideer.services import TriageFeil, innspill_tildel

    innspill = InnspillFactory()
    with pytest.raises(TriageFeil):
        innspill_tildel(innspill=innspill, seksjoner=[], portefolje=None, aktor=utvikler)


def test_order_concept_note_from_named_initiator(klient_for, utvikler, lag_bruker):
    initiativtaker = lag_bruker("ingrid")
    innspill = InnspillFactory()
    klient = klient_for(utvikler)
    send(klient, innspill, "bestill", initiativtaker=initiativtaker.pk)
    innspill.refresh_from_db()
    assert innspill.status == Status.KONSEPTNOTAT_BESTILT
    assert innspill.initiativtaker == initiativtaker
    assert Varsel.objects.filter(mottaker=initiativtaker, type="konseptnotat_bestilt").exists()
    side = klient.get(f"/ideer/{innspill.pk}/").content.decode()
    assert f"/konseptnotater/ny/?innspill={innspill.pk}" in side


def test_stale_form_is_refused_with_the_input_kept_and_saves_on_the_second_try(
    klient_for, utvikler
):
    innspill = InnspillFactory()
    klient = klient_for(utvikler)
    skjema = triageskjema(klient, innspill)
    gammel_versjon = innspill.versjon
    send(klient, innspill, "vurder")  # someone else, in the meantime
    data = {"versjon": gammel_versjon, "handling": "svar", "svar": "Gammelt svar"}
    svar = klient.post(skjema.action, data)
    innhold = svar.content.decode()
    assert "Noen andre lagret dette etter at du åpnet det" in innhold
    assert "Gammelt svar" in innhold  # what the person wrote is still in the form
    innspill.refresh_from_db()
    assert innspill.offentlig_svar == ""
    # The summary takes the focus (the conflict concerns the whole form).
    assert re.search(r'<div [^>]*id="triage-feil"[^>]*autofocus', innhold)
    # The form now carries the saved version: «Lagre» again saves, over what is saved now.
    ny = re.search(r'name="versjon" value="(\d+)"', innhold[innhold.index('id="triage-skjema"') :])
    assert int(ny[1]) == innspill.versjon
    klient.post(skjema.action, {**data, "versjon": ny[1]})
    innspill.refresh_from_db()
    assert innspill.offentlig_svar == "Gammelt svar"


def test_triage_by_htmx_swaps_the_page(klient_for, utvikler):
    innspill = InnspillFactory()
    svar = klient_for(utvikler).post(
        f"/ideer/{innspill.pk}/triage/",
        {"versjon": innspill.versjon, "handling": "vurder"},
        HTTP_HX_REQUEST="true",
        follow=True,
    )
    assert svar.status_code == 200
    assert "Status er endret." in svar.content.decode()
    assert Innspill.objects.get().status == Status.UNDER_VURDERING


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


def test_the_triage_page_shows_one_history_with_what_the_form_did(klient_for, utvikler):
    innspill = InnspillFactory()
    klient = klient_for(utvikler)
    send(klient, innspill, "vurder", kommentar="Ser på det")
    send(klient, innspill, "avvis", grunn="Utenfor mandatet")
    side = klient.get(f"/ideer/{innspill.pk}/").content.decode()
    assert len(re.findall(r"<h2[^>]*>\s*Historikk\s*</h2>", side)) == 1
    historikk = side[side.index('id="historikk-tittel"') : side.index("</table>")]
    assert "Status endret fra Ny til Under vurdering" in historikk
    assert "Avvist: Utenfor mandatet" in historikk
