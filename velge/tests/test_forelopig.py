"""Budget work before the meeting: the chair and the secretary see what fits and the scenarios
on the scores as they stand, marked as preliminary; a member who has not scored sees none of it
until the reveal; someone outside the leader group does not reach the scenarios at all."""

import pytest
from django.urls import reverse
from lxml import html as lxml_html

from konseptnotat import arsbelop
from portefolje.models import Medlemskap, Rolle
from velge import services
from velge.models import Ramme, Vurdering
from velge.tests.factories import kriterier_for, mote_med_notater

pytestmark = pytest.mark.django_db

FORELOPIG = "Foreløpig – vurderingene er ikke vist i møtet ennå."
SKJULT_PLASS = "Vises når du har vurdert alle notatene, eller når lederen viser vurderingene."
SKJULT_FORSLAG = "Forslaget vises når du har vurdert alle notatene som venter på beslutning"


@pytest.fixture
def sak(portefolje, leder, sekretaer, lag_bruker):
    """Two notes with costs next year under a frame; one member has scored both, the chair and
    a second member have not, and nothing is revealed."""
    kriterier = kriterier_for(portefolje)
    mote, notater = mote_med_notater(portefolje, antall=2)
    neste = arsbelop.planar()[1]
    Ramme.objects.create(portefolje=portefolje, ar=neste, investering=1_000_000)
    har_vurdert = lag_bruker("har-vurdert")
    ikke_vurdert = lag_bruker("ikke-vurdert")
    for bruker in (har_vurdert, ikke_vurdert):
        Medlemskap.objects.create(portefolje=portefolje, bruker=bruker, rolle=Rolle.MEDLEM)
    for n, notat in enumerate(notater):
        notat.arsbelop = [{"ar": neste, "investering": 400_000, "drift": 0, "personmaneder": 1}]
        notat.save()
        for k in kriterier:
            Vurdering.objects.create(kriterium=k, notat=notat, medlem=har_vurdert, poeng=5 - n)
    return mote, notater, {"har_vurdert": har_vurdert, "ikke_vurdert": ikke_vurdert}


def _tekst(svar, xpath="//main") -> str:
    side = lxml_html.fromstring(svar.content)
    return " ".join(" ".join(e.text_content() for e in side.xpath(xpath)).split())


def _sider(klient, portefolje, mote):
    """(what fits on the portfolio page, on the meeting page, the scenarios page)."""
    detalj = klient.get(portefolje.get_absolute_url())
    mote_side = klient.get(reverse("velge:mote", args=[portefolje.slug, mote.pk]))
    scenarioer = klient.get(reverse("velge:scenarioer", args=[portefolje.slug]))
    return (
        _tekst(detalj, "//div[@id='plass-innhold']"),
        _tekst(mote_side, "//div[@id='plass-innhold']"),
        scenarioer,
    )


@pytest.mark.parametrize("rolle", ["leder", "sekretaer"])
def test_chair_and_secretary_see_what_fits_before_the_reveal_marked_preliminary(
    sak, portefolje, leder, sekretaer, klient_for, rolle
):
    mote, notater, _ = sak
    klient = klient_for({"leder": leder, "sekretaer": sekretaer}[rolle])
    detalj, mote_side, scenarioer = _sider(klient, portefolje, mote)
    for plass in (detalj, mote_side):
        assert FORELOPIG in plass and SKJULT_PLASS not in plass
        assert notater[0].tittel in plass and notater[1].tittel in plass
    assert scenarioer.status_code == 200
    assert FORELOPIG in _tekst(scenarioer) and SKJULT_FORSLAG not in _tekst(scenarioer)


def test_a_member_who_has_not_scored_sees_it_only_after_the_reveal(sak, portefolje, klient_for):
    mote, notater, medlemmer = sak
    klient = klient_for(medlemmer["ikke_vurdert"])
    detalj, mote_side, scenarioer = _sider(klient, portefolje, mote)
    for plass in (detalj, mote_side):
        assert SKJULT_PLASS in plass and notater[0].tittel not in plass and FORELOPIG not in plass
    assert SKJULT_FORSLAG in _tekst(scenarioer) and FORELOPIG not in _tekst(scenarioer)

    mote.vurderinger_synlige = True
    mote.save()
    detalj, mote_side, scenarioer = _sider(klient, portefolje, mote)
    for plass in (detalj, mote_side):
        assert notater[0].tittel in plass and SKJULT_PLASS not in plass and FORELOPIG not in plass
    assert SKJULT_FORSLAG not in _tekst(scenarioer) and FORELOPIG not in _tekst(scenarioer)


def test_after_the_reveal_the_chair_sees_it_without_the_preliminary_mark(
    sak, portefolje, leder, klient_for
):
    mote, notater, _ = sak
    mote.vurderinger_synlige = True
    mote.save()
    detalj, mote_side, scenarioer = _sider(klient_for(leder), portefolje, mote)
    assert notater[0].tittel in detalj and FORELOPIG not in detalj
    assert FORELOPIG not in mote_side and FORELOPIG not in _tekst(scenarioer)


def test_someone_outside_the_leader_group_sees_none_of_it(sak, portefolje, ansatt, klient_for):
    mote, notater, _ = sak
    klient = klient_for(ansatt)
    assert klient.get(reverse("velge:scenarioer", args=[portefolje.slug])).status_code == 403
    detalj = _tekst(klient.get(portefolje.get_absolute_url()), "//div[@id='plass-innhold']")
    assert SKJULT_PLASS in detalj and notater[0].tittel not in detalj and FORELOPIG not in detalj


def test_the_chairs_preliminary_view_makes_nothing_final_and_shows_a_member_nothing(
    sak, portefolje, leder, klient_for
):
    """Decided (docs/velge.md): reading the preliminary budget view changes no score. The
    chair's own scores become final by the same rule as every member's (having scored every
    criterion, or the reveal), never by looking at what fits; a member learns nothing from it."""
    mote, notater, medlemmer = sak
    kriterier = list(portefolje.kriterier.order_by("rekkefolge"))
    services.vurdering_lagre(
        mote=mote, notat=notater[0], medlem=leder, poeng={kriterier[0].pk: (2, "")}
    )
    for_ = sorted(Vurdering.objects.values_list("pk", "poeng", "kommentar", "endelig"))

    detalj, mote_side, scenarioer = _sider(klient_for(leder), portefolje, mote)
    assert FORELOPIG in detalj and FORELOPIG in mote_side and FORELOPIG in _tekst(scenarioer)

    assert sorted(Vurdering.objects.values_list("pk", "poeng", "kommentar", "endelig")) == for_
    mote.refresh_from_db()
    assert not mote.vurderinger_synlige
    # The chair may still change the score she gave before looking.
    services.vurdering_lagre(
        mote=mote, notat=notater[0], medlem=leder, poeng={kriterier[0].pk: (3, "")}
    )
    assert Vurdering.objects.get(medlem=leder, kriterium=kriterier[0]).poeng == 3

    # A member who has not scored sees none of it, and her scoring form is open as before.
    klient = klient_for(medlemmer["ikke_vurdert"])
    detalj, mote_side, scenarioer = _sider(klient, portefolje, mote)
    assert SKJULT_PLASS in detalj and SKJULT_PLASS in mote_side and FORELOPIG not in detalj
    vurder = klient.get(reverse("velge:vurder", args=[portefolje.slug, mote.pk, notater[0].pk]))
    innhold = _tekst(vurder)
    assert "Lagre vurderingen min" in innhold and "Vektet sum" not in innhold
