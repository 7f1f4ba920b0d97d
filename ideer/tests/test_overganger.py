"""Declared status moves on the input's page: only allowed moves are offered, and
the service refuses the rest whatever is posted."""

import pytest

from ideer.models import Innspill, Status
from ideer.overganger import STATUS
from ideer.tests.factories import InnspillFactory
from portefolje.overganger import UlovligOvergang
from tests.test_skjema_fuzz import SkjemaLeser

pytestmark = pytest.mark.django_db


def skjemaer(klient, innspill) -> dict:
    """The page's post forms by their action path, as a person sees them."""
    side = f"/ideer/{innspill.pk}/"
    leser = SkjemaLeser(side)
    leser.feed(klient.get(side).content.decode())
    return {s.action.removeprefix("http://testserver"): s for s in leser.skjemaer}


def send(klient, skjema, **data):
    """Post a form the page rendered, with its hidden version and the given fields."""
    innspill = Innspill.objects.get(pk=int(skjema.action.strip("/").split("/")[1]))
    return klient.post(skjema.action, {"versjon": innspill.versjon, **data})


def test_after_ordering_a_note_the_status_form_cannot_set_it_back_to_new(
    klient_for, utvikler, lag_bruker
):
    klient = klient_for(utvikler)
    initiativtaker = lag_bruker("kari")
    innspill = InnspillFactory()
    sider = skjemaer(klient, innspill)
    send(
        klient,
        sider[f"/ideer/{innspill.pk}/bestill-konseptnotat/"],
        initiativtaker=initiativtaker.pk,
    )
    innspill.refresh_from_db()
    assert innspill.status == Status.KONSEPTNOTAT_BESTILT

    status = skjemaer(klient, innspill)[f"/ideer/{innspill.pk}/status/"]
    assert Status.NY not in status.valg["status"]
    assert Status.UNDER_VURDERING not in status.valg["status"]
    assert set(status.valg["status"]) == {"", Status.BESVART, Status.PARKERT}

    # One click on «Save» with nothing chosen changes nothing.
    send(klient, status, status="")
    innspill.refresh_from_db()
    assert innspill.status == Status.KONSEPTNOTAT_BESTILT
    assert innspill.initiativtaker == initiativtaker

    # A hand-made post of a move the page does not offer is refused with a message.
    svar = send(klient, status, status=Status.UNDER_VURDERING)
    assert "kan ikke endres til" in svar.content.decode()
    innspill.refresh_from_db()
    assert innspill.status == Status.KONSEPTNOTAT_BESTILT


@pytest.mark.parametrize("slutt", [Status.AVVIST, Status.SLATT_SAMMEN])
def test_rejected_or_merged_input_offers_no_moves_and_refuses_them(klient_for, utvikler, slutt):
    klient = klient_for(utvikler)
    if slutt == Status.AVVIST:
        innspill = InnspillFactory(status=slutt, avvisningsgrunn="Utenfor mandatet")
    else:
        innspill = InnspillFactory(status=slutt, slatt_sammen_med=InnspillFactory())
    sider = skjemaer(klient, innspill)
    for handling in ["status", "avvis", "slaa-sammen", "bestill-konseptnotat"]:
        assert f"/ideer/{innspill.pk}/{handling}/" not in sider
    svar = klient.post(
        f"/ideer/{innspill.pk}/status/", {"versjon": innspill.versjon, "status": Status.BESVART}
    )
    assert svar.status_code == 200
    innspill.refresh_from_db()
    assert innspill.status == slutt


def test_new_input_offers_the_open_moves(klient_for, utvikler):
    innspill = InnspillFactory()
    sider = skjemaer(klient_for(utvikler), innspill)
    assert set(sider[f"/ideer/{innspill.pk}/status/"].valg["status"]) == {
        "",
        Status.UNDER_VURDERING,
        Status.BESVART,
        Status.PARKERT,
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
    send(
        klient,
        skjemaer(klient, innspill)[f"/ideer/{innspill.pk}/status/"],
        status="under_vurdering",
    )
    side = klient.get(f"/ideer/{innspill.pk}/").content.decode()
    # One line on the page's history: who, then the move in words.
    assert "<td>Kari Nordmann</td><td>Status endret fra Ny til Under vurdering</td>" in side
