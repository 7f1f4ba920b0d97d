"""/portefoljer/<slug>/: what it shows, and a constant number of queries as the data grows."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from konseptnotat.models import Konseptnotat
from portefolje.models import Medlemskap, Rolle
from velge import services
from velge.models import Agendapunkt, Beslutning, Utfall, Vurdering
from velge.tests.factories import (
    KonseptnotatFactory,
    MoteFactory,
    kriterier_for,
    mote_med_notater,
)

# A fixture, found by pytest through its name in this module.

pytestmark = pytest.mark.django_db


def detalj(portefolje):
    return reverse("velge:detalj", kwargs={"slug": portefolje.slug})


def lag_data(portefolje, leder, antall):
    """`antall` notes awaiting decision with scores from three members, `antall` decisions, and a
    meeting with `antall` agenda items."""
    kriterier = list(portefolje.kriterier.all()) or kriterier_for(portefolje)
    User = get_user_model()
    medlemmer = []
    for i in range(3):
        bruker, _ = User.objects.get_or_create(username=f"m{i}")
        Medlemskap.objects.get_or_create(
            portefolje=portefolje, bruker=bruker, defaults={"rolle": Rolle.MEDLEM}
        )
        medlemmer.append(bruker)
    mote, notater = mote_med_notater(portefolje, antall=antall)
    for n, notat in enumerate(notater):
        for m, medlem in enumerate(medlemmer):
            for k, kriterium in enumerate(kriterier):
                Vurdering.objects.create(
                    kriterium=kriterium, notat=notat, medlem=medlem, poeng=1 + (n + m + k) % 5
                )
    gammelt = MoteFactory(portefolje=portefolje, dato=mote.dato.replace(year=mote.dato.year - 1))
    for _ in range(antall):
        notat = KonseptnotatFactory(portefolje=portefolje)
        Agendapunkt.objects.create(mote=gammelt, notat=notat)
        services.beslutning_fatt(
            mote=gammelt,
            notat=notat,
            utfall=Utfall.AVVIST,
            begrunnelse="Nei.",
            aktor=leder,
            under_kvorum_grunn="Saken haster.",
        )
    return mote


def test_page_shows_criteria_shares_agenda_scores_ranking_and_decisions(
    portefolje, leder, sekretaer, klient_for
):
    lag_data(portefolje, leder, 2)
    innhold = klient_for(sekretaer).get(detalj(portefolje)).content.decode()
    assert "50 %" in innhold  # weights 3, 2, 1: the first is half of the total
    assert "Neste møte" in innhold and "Saksliste" in innhold
    assert "Venter på beslutning" in innhold
    assert "Rangering" in innhold and ("Sikker" in innhold or "Ikke sikker" in innhold)
    assert "Følsomhet per kriterium" in innhold
    assert "Avvist" in innhold and "Nei." in innhold


def test_members_see_the_ranking_only_after_scoring(portefolje, leder, medlem, klient_for):
    mote = lag_data(portefolje, leder, 2)
    innhold = klient_for(medlem).get(detalj(portefolje)).content.decode()
    assert "Rangeringen vises når du har vurdert" in innhold
    kriterier = list(portefolje.kriterier.all())
    for notat in Konseptnotat.objects.filter(agendapunkter__mote=mote):
        services.vurdering_lagre(
            mote=mote, notat=notat, medlem=medlem, poeng={k.pk: (3, "") for k in kriterier}
        )
    innhold = klient_for(medlem).get(detalj(portefolje)).content.decode()
    assert "Rangeringen vises når du har vurdert" not in innhold
    assert "Notater som venter på beslutning, etter vektet sum" in innhold


def test_an_imposed_order_is_marked(portefolje, leder, ansatt, klient_for):
    from ideer.models import Innspill, Kanal, Opphav

    kriterier_for(portefolje)
    _mote, [notat] = mote_med_notater(portefolje)
    notat.innspill.add(
        Innspill.objects.create(
            tittel="Lov", beskrivelse="x", opphav=Opphav.POLITISK, kanal=Kanal.VEDTAK, palagt=True
        )
    )
    assert "Pålagt bestilling" in klient_for(ansatt).get(detalj(portefolje)).content.decode()


@pytest.mark.parametrize("rolle", ["leder", "sekretaer", "ansatt"])
def test_query_count_does_not_grow_with_the_data(
    portefolje, leder, sekretaer, ansatt, klient_for, django_assert_num_queries, rolle
):
    bruker = {"leder": leder, "sekretaer": sekretaer, "ansatt": ansatt}[rolle]
    klient = klient_for(bruker)
    klient.get(detalj(portefolje))  # warm the session
    for antall in (2, 30):
        lag_data(portefolje, leder, antall)
        # The first request after the scores changed computes the averages and the ranking
        # anew; the next ones read them from the cache. Either way as many for 2 as for 32.
        with django_assert_num_queries(QUERIES[rolle] + BEREGNET[rolle]):
            assert klient.get(detalj(portefolje)).status_code == 200
        with django_assert_num_queries(QUERIES[rolle]):
            svar = klient.get(detalj(portefolje))
        assert svar.status_code == 200
    assert Beslutning.objects.count() == 32
    # The long lists show their first 25 and offer the rest.
    innhold = svar.content.decode()
    assert "Vis alle 32 notater" in innhold
    assert "?alle=venter" in innhold
    # The chair has not scored, and nobody has revealed the scores: the ranking (and so its
    # «show all») is hidden from the chair and from people outside the portfolio.
    assert ("?alle=rangering" in innhold) == (rolle == "sekretaer")


# Session, user, portfolio with members, roles, criteria, the development-team check (readers
# only), the shown rows' owners and lifted-from, decisions (2), notifications badge, and for
# readers the look-back link's check of the group above. What every viewer's page is computed
# from comes from the cache once computed (velge.selectors.ventende, velge.plass, the yearly
# cycle): BEREGNET more queries on the first request after a change: the notes awaiting
# decision, their score aggregates, the viewer's own scoring counts, the meetings, the next
# agenda and its agenda links, the yearly cycle (2), and the frames for those who see what fits.
QUERIES = {"leder": 11, "sekretaer": 11, "ansatt": 13}
BEREGNET = {"leder": 8, "sekretaer": 8, "ansatt": 7}


def test_sensitivity_shows_the_highest_placed_notes_first_and_the_rest_behind_show_all(
    portefolje, leder, sekretaer, klient_for
):
    """With hundreds of notes nearly every weight move shifts many of them: the page names the
    five highest placed per move and counts the rest; «show all» (the link the page renders)
    names every one."""
    lag_data(portefolje, leder, 32)
    # Nine score profiles with the same weighted total under the weights 3, 2, 1 (3a + 2b + c =
    # 18): every note ties at first place, and any moved weight pulls them apart.
    profiler = [(3, 3, 3), (4, 1, 4), (2, 5, 2), (1, 5, 5), (5, 1, 1), (2, 4, 4), (3, 2, 5)]
    profiler += [(4, 2, 2), (3, 4, 1)]
    kriterier = list(portefolje.kriterier.order_by("rekkefolge"))
    assert [k.vekt for k in kriterier] == [3, 2, 1]
    notater = sorted({v.notat_id for v in Vurdering.objects.all()})
    for n, notat_id in enumerate(notater):
        for kriterium, poeng in zip(kriterier, profiler[n % 9], strict=True):
            Vurdering.objects.filter(notat_id=notat_id, kriterium=kriterium).update(poeng=poeng)
    klient = klient_for(sekretaer)
    innhold = klient.get(detalj(portefolje)).content.decode()
    tabell = innhold.split("Notater som bytter plass")[1].split("</table>")[0]
    rader = re.findall(r"<tr><th scope=\"row\">.*?</tr>", tabell, re.S)
    assert rader, "the demo scores must move some note when a weight moves"
    forkortet = [r for r in rader if "til lenger ned" in r]
    assert forkortet, "some move must shift more than five notes for this test to say anything"
    for rad in forkortet:
        assert rad.count("→") == 5
    lenke = re.search(r'href="([^"]*\?alle=rangering)#rangering-tittel"', innhold).group(1)
    alt = klient.get(lenke).content.decode().split("Notater som bytter plass")[1]
    alt = alt.split("</table>")[0]
    assert "til lenger ned" not in alt
    antall_til = sum(
        int(re.search(r"og (\d+) notat(?:er)? til lenger ned", r).group(1)) for r in forkortet
    )
    assert alt.count("→") == tabell.count("→") + antall_til


def test_the_owner_is_named_on_the_first_rows_and_on_the_rest_behind_show_all(
    portefolje, leder, ansatt, klient_for
):
    """The owner's name is read for the rows shown only: the first 25, and all of
    them once «show all» is followed."""
    lag_data(portefolje, leder, 26)
    User = get_user_model()
    for nr, notat in enumerate(Konseptnotat.objects.filter(portefolje=portefolje, status="klar")):
        notat.eier = User.objects.create(
            username=f"eier{nr}", first_name="Eier", last_name=f"nummer {nr}"
        )
        notat.save(update_fields=["eier"])
    klient = klient_for(ansatt)
    innhold = klient.get(detalj(portefolje)).content.decode()
    assert len(set(re.findall(r"Eier nummer \d+", innhold))) == 25
    lenke = re.search(r'hx-get="([^"]*\?alle=venter)"', innhold).group(1)
    resten = klient.get(lenke, headers={"HX-Request": "true"}).content.decode()
    assert len(set(re.findall(r"Eier nummer \d+", resten))) == 26
