"""Declared status moves on the input's page: only allowed moves are offered, and
the service refuses the rest whatever is posted."""

import pytest

from ideer.models import Innspill, Status
from ideer.overganger import STATUS
from ideer.tests.factories import InnspillFactory
from portefolje.overganger import UlovligOvergang
from tests.test_skjema_fuzz import SkjemaLeser

pytestmark = pytest.mark.django_db


def triageskjema(klient, innspill):
    """The page's one triage form, as a person sees it."""
    side = f"/ideer/{innspill.pk}/"
    leser = SkjemaLeser(side)
    leser.feed(klient.get(side).content.decode())
    (skjema,) = [s for s in leser.skjemaer if s.felt.get("handling") == "radio"]
    return skjema


def send(klient, skjema, **data):
    """Post the form the page rendered, with its hidden version and the given fields."""
    innspill = Innspill.objects.get(pk=int(skjema.action.strip("/").split("/")[1]))
    return klient.post(skjema.action, {"versjon": innspill.versjon, **data})


def test_after_ordering_a_note_the_form_cannot_set_it_back_to_under_consideration(
    klient_for, utvikler, lag_bruker
):
    klient = klient_for(utvikler)
    initiativtaker = lag_bruker("kari")
    innspill = InnspillFactory()
    send(
        klient,
        triageskjema(klient, innspill),
        handling="bestill",
        initiativtaker=initiativtaker.pk,
    )
    innspill.refresh_from_db()
    assert innspill.status == Status.KONSEPTNOTAT_BESTILT

    skjema = triageskjema(klient, innspill)
    assert "vurder" not in skjema.valg["handling"]
    assert set(skjema.valg["handling"]) == {
        "kategoriser",
        "bestill",
        "svar",
        "slaa_sammen",
        "parker",
        "avvis",
    }

    # One click on «Save» with nothing chosen changes nothing.
    send(klient, skjema)
    innspill.refresh_from_db()
    assert innspill.status == Status.KONSEPTNOTAT_BESTILT
    assert innspill.initiativtaker == initiativtaker

    # A hand-made post of a move the page does not offer is refused beside the choice.
    svar = send(klient, skjema, handling="vurder")
    assert svar.context["skjema"].errors["handling"]
    innspill.refresh_from_db()
    assert innspill.status == Status.KONSEPTNOTAT_BESTILT


@pytest.mark.parametrize("slutt", [Status.AVVIST, Status.SLATT_SAMMEN])
def test_rejected_or_merged_input_offers_no_moves_and_refuses_them(klient_for, utvikler, slutt):
    klient = klient_for(utvikler)
    if slutt == Status.AVVIST:
        innspill = InnspillFactory(status=slutt, avvisningsgrunn="Utenfor mandatet")
    else:
        innspill = InnspillFactory(status=slutt, slatt_sammen_med=InnspillFactory())
    skjema = triageskjema(klient, innspill)
    assert skjema.valg["handling"] == ["kategoriser", "svar"]
    assert "lukk" not in skjema.felt
    svar = send(klient, skjema, handling="parker", parkert_til="2027-01-01")
    assert svar.status_code == 200
    innspill.refresh_from_db()
    assert innspill.status == slutt


def test_new_input_offers_the_open_moves(klient_for, utvikler):
    innspill = InnspillFactory()
    assert set(triageskjema(klient_for(utvikler), innspill).valg["handling"]) == {
        "kategoriser",
        "vurder",
        "bestill",
        "svar",
        "slaa_sammen",
        "parker",
        "avvis",
    }


def test_the_table_refuses_a_move_the_person_may_not_make(ansatt):
    innspill = InnspillFactory()
    assert STATUS.tillatte(innspill, ansatt) == []
    with pytest.raises(UlovligOvergang):
        STATUS.sjekk(innspill, Status.UNDER_VURDERING, ansatt)


def test_status_change_shows_in_words_in_the_change_history(klient_for, utvikler):
    utvikler.first_name, utvikler.last_name = "Kari", "Nordmann"
    utvikler.save()
    klient = klient_for(utvikler)
    innspill = InnspillFactory()
    send(klient, triageskjema(klient, innspill), handling="vurder")
    side = klient.get(f"/ideer/{innspill.pk}/").content.decode()
    # One line on the page's history: who, then the move in words.
    assert "<td>Kari Nordmann</td><td>Status endret fra Ny til Under vurdering</td>" in side
