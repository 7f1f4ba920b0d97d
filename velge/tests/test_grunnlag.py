"""The basis on the decision page and in the meeting pack: what the chair reads before deciding,
reached through the meeting page's own link, in a fixed number of queries, and hidden from a
member who may not see the scores yet."""

import pytest
from django.urls import reverse
from lxml import html as lxml_html

from konseptnotat import arsbelop
from portefolje.models import Medlemskap, Rolle
from velge.models import Agendapunkt, Inhabilitet, Ramme, Vurdering
from velge.selectors.grunnlag import grunnlag_for_mote
from velge.tests.factories import KonseptnotatFactory, kriterier_for, mote_med_notater

pytestmark = pytest.mark.django_db


@pytest.fixture
def sak(portefolje, leder, medlem, lag_bruker):
    """Three notes costing 500 000, 400 000 and 300 000 next year, ranked in that order, under
    a frame of 800 000: the first fits, the line falls above the second. The chair and a member
    have scored all three; they disagree on the second note's first criterion."""
    kriterier = kriterier_for(portefolje, vekter=(2, 1))
    mote, notater = mote_med_notater(portefolje, antall=3)
    neste = arsbelop.planar()[1]
    Ramme.objects.create(portefolje=portefolje, ar=neste, investering=800_000)
    for n, (notat, inv) in enumerate(zip(notater, [500_000, 400_000, 300_000], strict=True)):
        notat.arsbelop = [{"ar": neste, "investering": inv, "drift": 0, "personmaneder": 1}]
        notat.mal = f"Mål for notat {n}."
        notat.save()
        for person in (leder, medlem):
            for k in kriterier:
                Vurdering.objects.create(kriterium=k, notat=notat, medlem=person, poeng=5 - n)
    uenige = Vurdering.objects.filter(notat=notater[1], kriterium=kriterier[0])
    uenige.filter(medlem=medlem).update(poeng=1)
    uenige.filter(medlem=leder).update(poeng=4)
    return mote, notater


def _lenker(svar) -> dict[str, str]:
    side = lxml_html.fromstring(svar.content)
    return {" ".join(a.text_content().split()): a.get("href") for a in side.iter("a")}


def test_chair_follows_the_meeting_page_to_the_decision_page_and_reads_the_basis(
    sak, leder, klient_for
):
    mote, notater = sak
    klient = klient_for(leder)
    mote_side = klient.get(reverse("velge:mote", args=[mote.portefolje.slug, mote.pk]))
    beslutt = next(
        href
        for tekst, href in _lenker(mote_side).items()
        if tekst.endswith(notater[1].tittel) and "/beslutt" in href
    )
    side = klient.get(beslutt)
    assert side.status_code == 200
    tekst = " ".join(lxml_html.fromstring(side.content).text_content().split())
    assert "Grunnlaget for beslutningen" in tekst
    assert "Et behov i tjenesten." in tekst and "Mål for notat 1." in tekst
    assert notater[1].get_absolute_url() in _lenker(side).values()
    assert "Plass 2 av 3 notater på denne sakslisten." in tekst
    assert "Får ikke plass" in tekst
    # Forced in, the 400 000 note takes the place of the better 500 000 one under 800 000.
    assert "Godkjennes det, faller disse notatene ut av rammene:" in tekst
    assert f"{notater[0].tittel} (vektet" in tekst
    assert "Hvem har vurdert" in tekst and "leder" in tekst and "medlem" in tekst
    assert "Uenighet per kriterium" in tekst and "Uenighet" in tekst.split("Uenighet per")[1]


def test_the_decision_page_says_who_scored_once_with_the_quorum_and_the_disqualified(
    sak, leder, lag_bruker, portefolje, klient_for
):
    mote, notater = sak
    venter = lag_bruker("venter", first_name="Vera", last_name="Venter")
    inhabil = lag_bruker("inhabil", first_name="Ivar", last_name="Inhabil")
    for bruker in (venter, inhabil):
        Medlemskap.objects.create(portefolje=portefolje, bruker=bruker, rolle=Rolle.MEDLEM)
    Inhabilitet.objects.create(notat=notater[1], medlem=inhabil, grunn="Bror er leverandør")
    klient = klient_for(leder)
    mote_side = klient.get(reverse("velge:mote", args=[mote.portefolje.slug, mote.pk]))
    beslutt = next(
        href
        for tekst, href in _lenker(mote_side).items()
        if tekst.endswith(notater[1].tittel) and "/beslutt" in href
    )
    side = lxml_html.fromstring(klient.get(beslutt).content)
    overskrifter = [" ".join(h.text_content().split()) for h in side.iter("h2", "h3")]
    assert overskrifter.count("Hvem har vurdert") == 1 and "Kvorum" not in overskrifter
    [del_] = side.xpath("//section[contains(@class, 'hvem-har-vurdert')]")
    tekst = " ".join(del_.text_content().split())
    # The chair and a member of three eligible: the disqualified member is not counted.
    assert "2 av 3 har vurdert (porteføljens kvorum er nådd)" in tekst
    assert "leder" in tekst and "medlem" in tekst
    assert "Har ikke vurdert ennå: Vera Venter" in tekst
    assert "Ivar Inhabil – Bror er leverandør" in tekst


def test_the_best_note_fits_and_pushes_nothing_out(sak, leder, klient_for):
    mote, notater = sak
    grunnlag = grunnlag_for_mote(
        mote=mote, bruker=leder, kriterier=list(mote.portefolje.kriterier.all())
    )[notater[0].pk]
    assert grunnlag.passer is True and grunnlag.fortrenger == []
    assert grunnlag.plassering.plass == 1 and grunnlag.plassering.fast


def test_the_basis_costs_the_same_queries_however_many_notes(sak, leder, django_assert_num_queries):
    mote, notater = sak
    kriterier = list(mote.portefolje.kriterier.all())
    for flere in (0, 5):
        for i in range(flere):
            Agendapunkt.objects.create(
                mote=mote, notat=KonseptnotatFactory(portefolje=mote.portefolje), rekkefolge=10 + i
            )
        bruker = type(leder).objects.get(pk=leder.pk)  # the roles are read anew
        with django_assert_num_queries(13):
            grunnlag_for_mote(mote=mote, bruker=bruker, kriterier=kriterier)


def test_a_member_who_has_not_scored_sees_who_scored_in_the_pack_but_no_scores(
    sak, lag_bruker, portefolje, klient_for
):
    mote, notater = sak
    ny = lag_bruker("nytt-medlem")
    Medlemskap.objects.create(portefolje=portefolje, bruker=ny, rolle=Rolle.MEDLEM)
    svar = klient_for(ny).get(reverse("velge:motepakke", args=[portefolje.slug, mote.pk]))
    tekst = " ".join(lxml_html.fromstring(svar.content).text_content().split())
    assert "Hvem har vurdert" in tekst
    assert "Uenighet per kriterium" not in tekst and "Plass 2 av 3" not in tekst
    assert "Får ikke plass" not in tekst
    mote.vurderinger_synlige = True
    mote.save()
    svar = klient_for(ny).get(reverse("velge:motepakke", args=[portefolje.slug, mote.pk]))
    tekst = " ".join(lxml_html.fromstring(svar.content).text_content().split())
    assert "Uenighet per kriterium" in tekst and "Plass 2 av 3" in tekst
