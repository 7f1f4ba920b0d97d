"""The services, including the ones the Velge phase calls with fixed keyword signatures."""

import pytest

from konseptnotat import services
from konseptnotat.models import Kommentar, Konseptnotat, Status
from portefolje.models import Hendelse, Varsel
from portefolje.samtidighet import Konflikt

from .factories import KOMPLETT, KonseptnotatFactory

pytestmark = pytest.mark.django_db


def test_create_keeps_version_one_and_links_the_input(ansatt):
    from ideer.models import Innspill

    innspill = Innspill.objects.create(
        tittel="Idé", beskrivelse="Behov", opphav="medarbeidere", kanal="portal"
    )
    notat = services.notat_opprett(eier=ansatt, data={"tittel": "Nytt"}, innspill=[innspill])
    assert notat.versjon == 1
    assert list(notat.innspill.all()) == [innspill]
    assert notat.versjoner.get().innhold["tittel"] == "Nytt"


def test_input_text_is_carried_over(seksjon):
    from ideer.models import Innspill

    innspill = Innspill.objects.create(
        tittel="Trygghetsalarm",
        beskrivelse="Alarmene er analoge.",
        losningsforslag="Digitale alarmer.",
        forventet_gevinst="Sikrere varsling.",
        opphav="medarbeidere",
        kanal="portal",
    )
    innspill.seksjoner.add(seksjon)
    data = services.data_fra_innspill(innspill)
    assert data["tittel"] == "Trygghetsalarm"
    assert data["bakgrunn_og_behov"] == "Alarmene er analoge."
    assert "Digitale alarmer." in data["alternativer"]
    assert data["forventede_gevinster"] == "Sikrere varsling."
    assert data["berorte_seksjoner"] == [seksjon]


def test_save_makes_a_new_version_and_keeps_the_old():
    notat = KonseptnotatFactory()
    notat = services.notat_lagre(
        notat=notat, data={"mal": "Nytt mål"}, fra_versjon=1, aktor=notat.eier
    )
    assert notat.versjon == 2
    assert [v.nummer for v in notat.versjoner.order_by("nummer")] == [1, 2]
    assert notat.versjoner.get(nummer=1).innhold["mal"] == ""
    assert notat.versjoner.get(nummer=2).innhold["mal"] == "Nytt mål"


def test_a_save_that_changes_nothing_makes_no_version():
    notat = KonseptnotatFactory()
    services.notat_lagre(notat=notat, data={"mal": ""}, fra_versjon=1, aktor=notat.eier)
    assert notat.versjoner.count() == 1


def test_stale_save_is_refused_and_writes_nothing():
    notat = KonseptnotatFactory()
    services.notat_lagre(notat=notat, data={"mal": "Først"}, fra_versjon=1, aktor=notat.eier)
    with pytest.raises(Konflikt):
        services.notat_lagre(notat=notat, data={"mal": "Sist"}, fra_versjon=1, aktor=notat.eier)
    notat.refresh_from_db()
    assert notat.mal == "Først" and notat.versjon == 2


def test_saving_a_submitted_note_is_refused():
    notat = KonseptnotatFactory(status=Status.INNSENDT)
    with pytest.raises(services.NotatFeil):
        services.notat_lagre(notat=notat, data={"mal": "x"}, fra_versjon=1, aktor=notat.eier)


def test_submit_refuses_an_incomplete_note_naming_the_sections():
    notat = KonseptnotatFactory()
    with pytest.raises(services.Ufullstendig) as feil:
        services.notat_send_inn(notat=notat, aktor=notat.eier)
    assert "mal" in feil.value.mangler and "kostnader" in feil.value.mangler
    assert "Goals" in str(feil.value) or "Mål" in str(feil.value)
    notat.refresh_from_db()
    assert notat.status == Status.UTKAST


def test_submit_a_complete_note_notifies_the_guide(utvikler):
    notat = KonseptnotatFactory(komplett=True, veileder=utvikler)
    services.notat_send_inn(notat=notat, aktor=notat.eier)
    notat.refresh_from_db()
    assert notat.status == Status.INNSENDT and notat.innsendt is not None
    assert Varsel.objects.filter(mottaker=utvikler, type="konseptnotat_innsendt").exists()


def test_mark_ready_assigns_the_portfolio_and_notifies_the_owner(utvikler, portefolje):
    notat = KonseptnotatFactory(komplett=True, status=Status.INNSENDT)
    services.notat_merk_klar(notat=notat, portefolje=portefolje, aktor=utvikler)
    notat.refresh_from_db()
    assert notat.status == Status.KLAR and notat.portefolje == portefolje
    assert Varsel.objects.filter(mottaker=notat.eier, type="konseptnotat_klar").exists()


def test_mark_ready_refuses_a_draft(utvikler, portefolje):
    notat = KonseptnotatFactory()
    with pytest.raises(services.NotatFeil):
        services.notat_merk_klar(notat=notat, portefolje=portefolje, aktor=utvikler)


def test_comment_notifies_owner_and_coauthors_but_not_the_writer(utvikler, lag_bruker):
    medforfatter = lag_bruker("medforfatter")
    notat = KonseptnotatFactory()
    notat.medforfattere.add(medforfatter)
    k = services.kommentar_opprett(notat=notat, seksjon="mal", tekst="Mål?", aktor=utvikler)
    assert k.er_apen
    mottakere = set(Varsel.objects.values_list("mottaker__username", flat=True))
    assert mottakere == {notat.eier.username, "medforfatter"}
    # The owner's own comment does not notify the owner.
    services.kommentar_opprett(notat=notat, seksjon="", tekst="Notat", aktor=notat.eier)
    assert Varsel.objects.filter(mottaker=notat.eier).count() == 1


def test_comment_on_an_unknown_section_is_refused(utvikler):
    notat = KonseptnotatFactory()
    with pytest.raises(services.NotatFeil):
        services.kommentar_opprett(notat=notat, seksjon="finnes-ikke", tekst="x", aktor=utvikler)


def test_resolving_a_comment_is_idempotent(utvikler):
    notat = KonseptnotatFactory()
    k = services.kommentar_opprett(notat=notat, seksjon="mal", tekst="Mål?", aktor=utvikler)
    forste = services.kommentar_los(kommentar=k, aktor=notat.eier).lost
    assert services.kommentar_los(kommentar=k, aktor=utvikler).lost == forste


# --- the contract with Velge -------------------------------------------------------------


def test_innhold_av_has_every_template_field():
    from konseptnotat.mal import INNHOLDSFELTER

    notat = KonseptnotatFactory(komplett=True)
    notat.refresh_from_db()
    innhold = services.innhold_av(notat)
    assert list(innhold) == list(INNHOLDSFELTER)
    assert innhold["investering"] == "500000"


def test_versjon_frys_freezes_the_latest_and_a_later_save_never_changes_it(utvikler):
    notat = KonseptnotatFactory(komplett=True, status=Status.TIL_REVISJON)
    frosset = services.versjon_frys(notat=notat, aktor=utvikler)
    assert frosset.frosset and frosset.nummer == 1
    notat.refresh_from_db()
    services.notat_lagre(notat=notat, data={"mal": "Endret"}, fra_versjon=1, aktor=notat.eier)
    frosset.refresh_from_db()
    assert frosset.innhold["mal"] == KOMPLETT["mal"]
    assert notat.versjoner.count() == 2


def test_versjon_frys_saves_unsaved_changes_as_a_new_version(utvikler):
    notat = KonseptnotatFactory(komplett=True)
    Konseptnotat.objects.filter(pk=notat.pk).update(mal="Endret i admin")
    notat.refresh_from_db()
    frosset = services.versjon_frys(notat=notat, aktor=utvikler)
    assert frosset.nummer == 2 and frosset.innhold["mal"] == "Endret i admin"
    assert services.versjon_frys(notat=notat, aktor=utvikler).pk == frosset.pk


def test_versjon_lagre_does_not_overwrite_a_frozen_version(utvikler):
    notat = KonseptnotatFactory(komplett=True)
    services.versjon_frys(notat=notat, aktor=utvikler)
    notat.refresh_from_db()
    notat.mal = "Ny tekst"
    notat.save()
    ny = services.versjon_lagre(notat=notat, aktor=utvikler)
    assert ny.nummer == 2 and not ny.frosset
    assert notat.versjoner.get(nummer=1).innhold["mal"] == KOMPLETT["mal"]


def test_notat_sett_behandlet(klg):
    notat = KonseptnotatFactory(status=Status.KLAR)
    services.notat_sett_behandlet(notat=notat, aktor=None)
    assert notat.status == Status.BEHANDLET
    notat.refresh_from_db()
    assert notat.status == Status.BEHANDLET
    assert Hendelse.objects.filter(handling="behandlet", objekt_id=notat.pk).exists()


def test_notat_send_til_revisjon_keeps_the_comment_and_notifies(leder):
    notat = KonseptnotatFactory(status=Status.KLAR)
    services.notat_send_til_revisjon(notat=notat, aktor=leder, kommentar="Mangler tall.")
    notat.refresh_from_db()
    assert notat.status == Status.TIL_REVISJON
    k = Kommentar.objects.get(notat=notat)
    assert k.tekst == "Mangler tall." and k.seksjon == "" and k.er_apen
    assert Varsel.objects.filter(mottaker=notat.eier, type="konseptnotat_til_revisjon").exists()


def test_notat_flytt_til_portefolje(klg, utvikler):
    notat = KonseptnotatFactory(status=Status.KLAR)
    services.notat_flytt_til_portefolje(notat=notat, portefolje=klg, aktor=utvikler)
    notat.refresh_from_db()
    assert notat.portefolje == klg and notat.status == Status.KLAR
