"""Before the chair reveals the scores, the meeting's result board shows a note's averages only
to those the scoring rule lets see them (velge.selectors.synlighet): a member or the chair
once they have scored the note, the secretary; never someone outside the portfolio."""

import pytest
from django.urls import reverse

from velge import services
from velge.tests.factories import kriterier_for, mote_med_notater

pytestmark = pytest.mark.django_db

# The board's table of per-criterion averages for a note, and the weighted total under it.
SNITT = "Vurderinger av "
VEKTET = "Vektet sum (0–100)"


@pytest.fixture
def tavle(portefolje, leder, medlem, lag_bruker):
    """A meeting with one note that one member has scored; another member has not."""
    from portefolje.models import Medlemskap, Rolle

    kriterier = kriterier_for(portefolje)
    mote, [notat] = mote_med_notater(portefolje)
    annen = lag_bruker("annetmedlem")
    Medlemskap.objects.create(portefolje=portefolje, bruker=annen, rolle=Rolle.MEDLEM)
    services.vurdering_lagre(
        mote=mote, notat=notat, medlem=annen, poeng={k.pk: (4, "") for k in kriterier}
    )
    adresse = reverse("velge:mote-resultat", kwargs={"slug": portefolje.slug, "pk": mote.pk})
    return mote, notat, kriterier, annen, adresse


def _ser_snitt(klient, adresse) -> bool:
    svar = klient.get(adresse)
    assert svar.status_code == 200
    innhold = svar.content.decode()
    return SNITT in innhold or VEKTET in innhold


def test_before_the_reveal_only_those_who_may_see_the_ranking_see_averages(
    tavle, leder, medlem, sekretaer, ansatt, klient_for
):
    mote, notat, kriterier, har_vurdert, adresse = tavle
    assert _ser_snitt(klient_for(har_vurdert), adresse)
    assert _ser_snitt(klient_for(sekretaer), adresse)
    assert not _ser_snitt(klient_for(medlem), adresse)  # has not scored
    assert not _ser_snitt(klient_for(leder), adresse)  # the chair, who has not scored either
    utenfor = klient_for(ansatt).get(adresse).content.decode()
    assert SNITT not in utenfor and VEKTET not in utenfor
    assert "Vurderingene vises når møteleder viser dem." in utenfor

    services.vurdering_lagre(
        mote=mote, notat=notat, medlem=leder, poeng={k.pk: (2, "") for k in kriterier}
    )
    assert _ser_snitt(klient_for(leder), adresse)


def test_anonymous_gets_the_login_page_not_the_board(tavle, client):
    *_rest, adresse = tavle
    svar = client.get(adresse)
    assert svar.status_code == 302
    assert "/konto/login/" in svar["Location"]


def test_after_the_reveal_everyone_who_may_open_the_board_sees_the_averages(
    tavle, leder, medlem, ansatt, klient_for
):
    mote, *_rest, adresse = tavle
    services.mote_vis_vurderinger(mote=mote, aktor=leder)
    for bruker in (medlem, leder, ansatt):
        assert _ser_snitt(klient_for(bruker), adresse)
