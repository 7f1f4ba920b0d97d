"""The phases register their notification kinds and reminder rules with the core; the core
lists none of them, and the settings page, the bell and the admin read the registry."""

from pathlib import Path

import pytest

from portefolje.paminnelser import regler, ukesammendrag
from portefolje.varsler import varsel_opprett, varseltype_registrer, varseltyper

KJERNE = Path(__file__).resolve().parents[1]


def test_the_core_names_no_phase_kind():
    fasenes = {t.kode for t in varseltyper()} - {"ukesammendrag"}
    assert {"statusrapport_forfalt", "konseptnotat_til_revisjon", "mote_ikke_vurdert"} <= fasenes
    kildekode = "\n".join(
        fil.read_text(encoding="utf-8")
        for fil in KJERNE.rglob("*.py")
        if "tests" not in fil.parts and "migrations" not in fil.parts
    )
    assert [kode for kode in fasenes if f'"{kode}"' in kildekode] == []


def test_each_phase_registers_its_own_rules():
    eiere = {regel.__module__ for regel in regler()}
    assert eiere == {
        "ideer.paminnelser",
        "velge.paminnelser",
        "prosjekter.paminnelser.regler",
        "prosjekter.paminnelser.avhengigheter",
        "portefolje.paminnelser",
    }
    assert regler()[-1] is ukesammendrag
    assert not any("konseptnotat" in regel.__module__ for regel in regler())


def test_one_code_cannot_mean_two_things():
    with pytest.raises(ValueError):
        varseltype_registrer("statusrapport_forfalt", navn="Noe annet")


@pytest.mark.django_db
def test_settings_page_and_bell_show_the_registered_labels(klient_for, ansatt, portefolje):
    klient = klient_for(ansatt)
    side = klient.get("/varsler/innstillinger/").content.decode()
    for tekst in [
        "Statusrapport forfalt",
        "Konseptnotat sendt tilbake til revisjon",
        "Ukentlig sammendrag",
    ]:
        assert tekst in side
    assert "Til prosjektlederen når fristen er passert." in side  # the kind's description
    varsel_opprett(
        mottaker=ansatt, type="mote_ikke_vurdert", objekt=portefolje, tittel="Vurder før møtet"
    )
    bjelle = klient.get("/varsler/").content.decode()
    assert "Notater som ikke er vurdert før et møte" in bjelle
