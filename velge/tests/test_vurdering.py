"""Scoring: alone first, the scale, one score per member/note/criterion, and many at once."""

import threading

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, connection
from django.urls import reverse
from lxml import html as lxml_html

from portefolje.models import Medlemskap, Portefolje, Rolle
from velge import services
from velge.models import Vurdering
from velge.tests.factories import (
    KonseptnotatFactory,
    KriteriumFactory,
    kriterier_for,
    mote_med_notater,
)

# A fixture, found by pytest through its name in this module.

pytestmark = pytest.mark.django_db


@pytest.fixture
def oppsett(portefolje, leder, medlem):
    kriterier = kriterier_for(portefolje)
    mote, [notat] = mote_med_notater(portefolje)
    return mote, notat, kriterier


def vurder_url(mote, notat):
    return reverse(
        "velge:vurder",
        kwargs={"slug": mote.portefolje.slug, "pk": mote.pk, "notat_pk": notat.pk},
    )


def skjema(kriterier, poeng, kommentar=""):
    data = {}
    for k, p in zip(kriterier, poeng, strict=True):
        data[f"poeng_{k.pk}"] = str(p)
        data[f"kommentar_{k.pk}"] = kommentar
    return data


def test_member_scores_every_criterion_with_a_comment(oppsett, medlem, klient_for):
    mote, notat, kriterier = oppsett
    svar = klient_for(medlem).post(vurder_url(mote, notat), skjema(kriterier, [5, 3, 1], "Godt"))
    assert svar.status_code == 302
    lagret = {
        v.kriterium_id: (v.poeng, v.kommentar) for v in Vurdering.objects.filter(medlem=medlem)
    }
    assert lagret == {
        kriterier[0].pk: (5, "Godt"),
        kriterier[1].pk: (3, "Godt"),
        kriterier[2].pk: (1, "Godt"),
    }


def test_scoring_again_changes_the_score_instead_of_adding_one(oppsett, medlem):
    """Before the others' scores are visible (one criterion scored), a change replaces it."""
    mote, notat, kriterier = oppsett
    services.vurdering_lagre(
        mote=mote, notat=notat, medlem=medlem, poeng={kriterier[0].pk: (5, "")}
    )
    services.vurdering_lagre(
        mote=mote, notat=notat, medlem=medlem, poeng={kriterier[0].pk: (2, "")}
    )
    assert list(Vurdering.objects.values_list("poeng", flat=True)) == [2]


def test_after_seeing_the_others_a_member_cannot_change_their_score(
    oppsett, leder, medlem, klient_for
):
    mote, notat, kriterier = oppsett
    klient_for(leder).post(vurder_url(mote, notat), skjema(kriterier, [1, 1, 1]))
    klient = klient_for(medlem)
    klient.post(vurder_url(mote, notat), skjema(kriterier, [5, 3, 1]))
    side = klient.get(vurder_url(mote, notat)).content.decode()
    assert (leder.get_full_name() or leder.username) in side  # the others' scores are shown now
    assert "Vurderingene dine er endelige" in side and "Lagre vurderingen min" not in side

    svar = klient.post(vurder_url(mote, notat), skjema(kriterier, [1, 1, 1]))
    assert svar.status_code == 200
    assert "kan ikke lenger endres" in svar.content.decode()
    lagret = dict(Vurdering.objects.filter(medlem=medlem).values_list("kriterium_id", "poeng"))
    assert lagret == {kriterier[0].pk: 5, kriterier[1].pk: 3, kriterier[2].pk: 1}


def test_the_same_scores_sent_again_are_not_a_change(oppsett, medlem, klient_for):
    """A second tab, or a double click, sending what is saved is fine."""
    mote, notat, kriterier = oppsett
    klient = klient_for(medlem)
    klient.post(vurder_url(mote, notat), skjema(kriterier, [5, 3, 1]))
    svar = klient.post(vurder_url(mote, notat), skjema(kriterier, [5, 3, 1]))
    assert svar.status_code == 302


def test_after_the_chairs_reveal_given_scores_are_fixed_and_missing_ones_may_be_added(
    oppsett, leder, medlem
):
    mote, notat, kriterier = oppsett
    services.vurdering_lagre(
        mote=mote, notat=notat, medlem=medlem, poeng={kriterier[0].pk: (4, "")}
    )
    services.mote_vis_vurderinger(mote=mote, aktor=leder)
    with pytest.raises(ValidationError):
        services.vurdering_lagre(
            mote=mote, notat=notat, medlem=medlem, poeng={kriterier[0].pk: (1, "")}
        )
    services.vurdering_lagre(
        mote=mote,
        notat=notat,
        medlem=medlem,
        poeng={kriterier[0].pk: (4, ""), kriterier[1].pk: (2, "")},
    )
    lagret = dict(Vurdering.objects.filter(medlem=medlem).values_list("kriterium_id", "poeng"))
    assert lagret == {kriterier[0].pk: 4, kriterier[1].pk: 2}


@pytest.mark.parametrize("utenfor", ["0", "6", "-1", "3.5", "fem"])
def test_score_outside_the_scale_is_refused_and_nothing_saved(oppsett, medlem, klient_for, utenfor):
    mote, notat, kriterier = oppsett
    data = skjema(kriterier, [4, 4, 4])
    data[f"poeng_{kriterier[1].pk}"] = utenfor
    svar = klient_for(medlem).post(vurder_url(mote, notat), data)
    assert svar.status_code == 200
    assert "Poengsummen må være et helt tall fra 1 til 5." in svar.content.decode()
    assert not Vurdering.objects.exists()


def test_service_refuses_a_score_outside_the_scale(oppsett, medlem):
    mote, notat, kriterier = oppsett
    with pytest.raises(ValidationError):
        services.vurdering_lagre(
            mote=mote,
            notat=notat,
            medlem=medlem,
            poeng={kriterier[0].pk: (4, ""), kriterier[1].pk: (9, "")},
        )
    assert not Vurdering.objects.exists()


def test_database_keeps_one_score_per_member_note_and_criterion(oppsett, medlem):
    mote, notat, kriterier = oppsett
    Vurdering.objects.create(kriterium=kriterier[0], notat=notat, medlem=medlem, poeng=3)
    with pytest.raises(IntegrityError):
        Vurdering.objects.create(kriterium=kriterier[0], notat=notat, medlem=medlem, poeng=4)


def test_database_refuses_a_score_outside_1_to_5(oppsett, medlem):
    mote, notat, kriterier = oppsett
    with pytest.raises(IntegrityError):
        Vurdering.objects.create(kriterium=kriterier[0], notat=notat, medlem=medlem, poeng=6)


def test_secretary_and_outsider_cannot_score(oppsett, sekretaer, ansatt):
    mote, notat, kriterier = oppsett
    for bruker in (sekretaer, ansatt):
        with pytest.raises(PermissionDenied):
            services.vurdering_lagre(
                mote=mote, notat=notat, medlem=bruker, poeng={kriterier[0].pk: (3, "")}
            )
    assert not Vurdering.objects.exists()


def test_note_not_on_the_agenda_cannot_be_scored(oppsett, portefolje, medlem):
    mote, _notat, kriterier = oppsett
    annet = KonseptnotatFactory(portefolje=portefolje)
    with pytest.raises(ValidationError):
        services.vurdering_lagre(
            mote=mote, notat=annet, medlem=medlem, poeng={kriterier[0].pk: (3, "")}
        )


def test_others_scores_are_hidden_until_the_member_has_scored(oppsett, leder, medlem, klient_for):
    mote, notat, kriterier = oppsett
    services.vurdering_lagre(
        mote=mote,
        notat=notat,
        medlem=leder,
        poeng={k.pk: (5, "Lederens hemmelige kommentar") for k in kriterier},
    )
    klient = klient_for(medlem)
    for url in (
        vurder_url(mote, notat),
        reverse("velge:mote-resultat", kwargs={"slug": mote.portefolje.slug, "pk": mote.pk}),
    ):
        innhold = klient.get(url).content.decode()
        assert "skjult til du har vurdert" in innhold
        assert "Lederens hemmelige kommentar" not in innhold
        assert "100,0" not in innhold
    klient.post(vurder_url(mote, notat), skjema(kriterier, [1, 1, 1]))
    innhold = klient.get(vurder_url(mote, notat)).content.decode()
    assert "Lederens hemmelige kommentar" in innhold
    assert "Uenighet" in innhold  # 5 against 1: a spread of 4


def test_chair_reveals_scores_to_members_who_have_not_scored(oppsett, leder, medlem, klient_for):
    mote, notat, kriterier = oppsett
    services.vurdering_lagre(
        mote=mote, notat=notat, medlem=leder, poeng={k.pk: (4, "Synlig nå") for k in kriterier}
    )
    url = reverse("velge:vis-vurderinger", kwargs={"slug": mote.portefolje.slug, "pk": mote.pk})
    assert klient_for(medlem).post(url).status_code == 403
    assert klient_for(leder).post(url).status_code == 302
    mote.refresh_from_db()
    assert mote.vurderinger_synlige
    assert "Synlig nå" in klient_for(medlem).get(vurder_url(mote, notat)).content.decode()


def test_scoreboard_is_polled_by_htmx(oppsett, medlem, klient_for):
    mote, _notat, _kriterier = oppsett
    innhold = (
        klient_for(medlem)
        .get(reverse("velge:mote", kwargs={"slug": mote.portefolje.slug, "pk": mote.pk}))
        .content.decode()
    )
    assert 'hx-trigger="every 5s"' in innhold
    assert (
        reverse("velge:mote-resultat", kwargs={"slug": mote.portefolje.slug, "pk": mote.pk})
        in innhold
    )


@pytest.mark.django_db(transaction=True)
def test_eight_members_scoring_at_once_lose_nothing():
    """Eight members, each in two browser tabs at once, on separate PostgreSQL connections."""
    User = get_user_model()
    portefolje = Portefolje.objects.create(navn="Samtidighet", slug="samtidighet")
    kriterier = kriterier_for(portefolje, vekter=(1, 1, 1, 1, 1, 1))
    medlemmer = [User.objects.create_user(username=f"medlem{i}") for i in range(8)]
    for bruker in medlemmer:
        Medlemskap.objects.create(portefolje=portefolje, bruker=bruker, rolle=Rolle.MEDLEM)
    mote, [notat] = mote_med_notater(portefolje)

    sperre = threading.Barrier(16)
    feil = []

    def vurder(nr, bruker):
        try:
            sperre.wait(timeout=30)
            services.vurdering_lagre(
                mote=mote,
                notat=notat,
                medlem=bruker,
                poeng={
                    k.pk: (1 + (nr + i) % 5, f"fra {bruker.username}")
                    for i, k in enumerate(kriterier)
                },
            )
        except Exception as e:  # noqa: BLE001 - collected and asserted below
            feil.append(e)
        finally:
            connection.close()

    trader = [
        threading.Thread(target=vurder, args=(nr, bruker))
        for nr, bruker in enumerate(medlemmer)
        for _fane in range(2)
    ]
    for t in trader:
        t.start()
    for t in trader:
        t.join()

    assert feil == []
    assert Vurdering.objects.filter(notat=notat).count() == 8 * 6
    for nr, bruker in enumerate(medlemmer):
        lagret = dict(Vurdering.objects.filter(medlem=bruker).values_list("kriterium_id", "poeng"))
        assert lagret == {k.pk: 1 + (nr + i) % 5 for i, k in enumerate(kriterier)}


def _skjemaverdier(side: str) -> dict:
    """What a browser sends from the scoring form as the page renders it (disabled fields are
    not sent)."""
    [skjema] = lxml_html.fromstring(side).xpath("//form[.//input[starts-with(@name, 'poeng_')]]")
    return {n: v for n, v in skjema.form_values() if n != "csrfmiddlewaretoken"}


def test_a_criterion_added_after_seeing_the_others_is_scored_and_nothing_earlier_changes(
    oppsett, leder, medlem, klient_for
):
    mote, notat, kriterier = oppsett
    klient_for(leder).post(vurder_url(mote, notat), skjema(kriterier, [1, 1, 1]))
    klient = klient_for(medlem)
    klient.post(vurder_url(mote, notat), skjema(kriterier, [5, 3, 1], "Godt"))
    side = klient.get(vurder_url(mote, notat)).content.decode()
    assert (leder.get_full_name() or leder.username) in side  # the others' scores are shown
    ny = KriteriumFactory(portefolje=mote.portefolje, vekt=1, rekkefolge=9)

    side = klient.get(vurder_url(mote, notat)).content.decode()
    assert "poengene du har gitt, kan ikke lenger endres" in side
    assert "Lagre vurderingen min" in side  # the new criterion can still be scored
    data = _skjemaverdier(side)
    assert f"poeng_{kriterier[0].pk}" not in data  # given before: shown, not offered
    data[f"poeng_{ny.pk}"] = "4"
    # A post that rewrites an earlier score or comment anyway is refused, nothing saved.
    for felt, verdi in ((f"poeng_{kriterier[0].pk}", "1"), (f"kommentar_{kriterier[1].pk}", "Nei")):
        svar = klient.post(vurder_url(mote, notat), {**data, felt: verdi})
        assert svar.status_code == 200
        assert "kan ikke lenger endres" in svar.content.decode()
    assert not Vurdering.objects.filter(medlem=medlem, kriterium=ny).exists()

    assert klient.post(vurder_url(mote, notat), data).status_code == 302
    lagret = {
        v.kriterium_id: (v.poeng, v.kommentar) for v in Vurdering.objects.filter(medlem=medlem)
    }
    assert lagret == {
        kriterier[0].pk: (5, "Godt"),
        kriterier[1].pk: (3, "Godt"),
        kriterier[2].pk: (1, "Godt"),
        ny.pk: (4, ""),
    }


def test_after_the_reveal_a_comment_given_is_final(oppsett, leder, medlem, klient_for):
    mote, notat, kriterier = oppsett
    services.mote_vis_vurderinger(mote=mote, aktor=leder)
    klient = klient_for(medlem)
    klient.post(vurder_url(mote, notat), skjema(kriterier, [4, 4, 4], "Første tanke"))

    svar = klient.post(vurder_url(mote, notat), skjema(kriterier, [4, 4, 4], "Endret"))
    assert svar.status_code == 200
    assert "kan ikke lenger endres" in svar.content.decode()
    assert set(Vurdering.objects.values_list("poeng", "kommentar")) == {(4, "Første tanke")}
