"""Impartiality, the quorum, and score forms that say what they do, followed through the pages'
own links and forms as each role: the member, the author, the chair and the deputy."""

import html
import re

import pytest
from django.urls import reverse

from portefolje.models import Medlemskap, Rolle
from velge import selectors, services
from velge.models import Beslutning, Retning, Utfall
from velge.tests.factories import kriterier_for, mote_med_notater

pytestmark = pytest.mark.django_db


def lenker(svar) -> dict[str, str]:
    """The page's links: visible text (tags stripped) → href."""
    innhold = svar.content.decode()
    return {
        html.unescape(re.sub(r"<[^>]+>", "", tekst)).strip(): html.unescape(href)
        for href, tekst in re.findall(r'<a [^>]*href="([^"]+)"[^>]*>(.*?)</a>', innhold, re.S)
    }


def skjema_handling(svar, knapp: str) -> str:
    """The action of the form whose submit button reads `knapp`."""
    for handling, innhold in re.findall(
        r'<form method="post"(?: action="([^"]*)")?[^>]*>(.*?)</form>',
        svar.content.decode(),
        re.S,
    ):
        if knapp in innhold:
            return html.unescape(handling) or svar.request["PATH_INFO"]
    raise AssertionError(f"no form with «{knapp}»")


def tekst(svar) -> str:
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", svar.content.decode())))


def poeng(kriterier, verdi):
    return {
        **{f"poeng_{k.pk}": str(verdi) for k in kriterier},
        **{f"kommentar_{k.pk}": "" for k in kriterier},
    }


@pytest.fixture
def moterom(portefolje, leder, medlem, lag_bruker):
    """A meeting with two notes; the member owns the first, and a third person scores."""
    kriterier = kriterier_for(portefolje, vekter=(1, 1))
    kriterier[1].navn, kriterier[1].retning = "Kostnad", Retning.LAV_ER_BRA
    kriterier[1].save()
    mote, (eget, annet) = mote_med_notater(portefolje, antall=2)
    eget.eier = medlem
    eget.save()
    tredje = lag_bruker("tredje", first_name="Tora", last_name="Tredje")
    Medlemskap.objects.create(portefolje=portefolje, bruker=tredje, rolle=Rolle.MEDLEM)
    return mote, eget, annet, kriterier, tredje


def test_an_author_is_not_offered_her_own_note_to_score(moterom, medlem, klient_for):
    mote, eget, annet, kriterier, _tredje = moterom
    klient = klient_for(medlem)
    start = lenker(klient.get("/"))
    assert f"{annet.tittel} ({mote.portefolje.navn})" in start
    assert f"{eget.tittel} ({mote.portefolje.navn})" not in start

    motet = klient.get(reverse("velge:mote", kwargs={"slug": mote.portefolje.slug, "pk": mote.pk}))
    scorelenker = [tekst for tekst in lenker(motet) if tekst.startswith("Vurder:")]
    assert scorelenker == [f"Vurder: {annet.tittel}"]
    assert "Du er inhabil" in tekst(motet)

    # Typed in by hand, the page says why and offers no form; a post is refused.
    url = reverse(
        "velge:vurder", kwargs={"slug": mote.portefolje.slug, "pk": mote.pk, "notat_pk": eget.pk}
    )
    siden = klient.get(url)
    assert "Du er inhabil i denne saken (eier av notatet)" in tekst(siden)
    assert "Lagre vurderingen min" not in tekst(siden)
    klient.post(url, poeng(kriterier, 5))
    assert not eget.vurderinger.exists()


def test_the_board_counts_only_the_members_who_may_score_each_note(
    moterom, leder, medlem, klient_for
):
    mote, eget, annet, kriterier, tredje = moterom
    services.vurdering_lagre(
        mote=mote, notat=eget, medlem=tredje, poeng={k.pk: (4, "") for k in kriterier}
    )
    services.inhabilitet_erklaer(mote=mote, notat=annet, medlem=tredje, grunn="Søster i saken")
    motet = klient_for(leder).get(
        reverse("velge:mote", kwargs={"slug": mote.portefolje.slug, "pk": mote.pk})
    )
    innhold = motet.content.decode()
    tavle = {
        notat.pk: tekst_av(re.search(rf'id="tall-{notat.pk}"[^>]*>(.*?)</div>', innhold, re.S))
        for notat in (eget, annet)
    }
    # Three members score; the member owns the first note and Tora stepped aside on the second.
    assert "Vurdert av 1 av 2 medlemmer" in tavle[eget.pk]
    assert "Vurdert av 0 av 2 medlemmer" in tavle[annet.pk]

    # The author is not told how far she has come with a note she may not score.
    motet = klient_for(medlem).get(
        reverse("velge:mote", kwargs={"slug": mote.portefolje.slug, "pk": mote.pk})
    )
    eget_tall = tekst_av(
        re.search(rf'id="tall-{eget.pk}"[^>]*>(.*?)</div>', motet.content.decode(), re.S)
    )
    assert "Du:" not in eget_tall and "til du har vurdert notatet selv" not in eget_tall
    assert "Vurderingene vises når møteleder viser dem." in eget_tall


def tekst_av(treff) -> str:
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", treff.group(1))))


def test_a_disqualified_members_scores_do_not_count(moterom, medlem, leder):
    mote, eget, annet, kriterier, tredje = moterom
    services.vurdering_lagre(
        mote=mote, notat=annet, medlem=medlem, poeng={k.pk: (5, "") for k in kriterier}
    )
    services.vurdering_lagre(
        mote=mote, notat=annet, medlem=tredje, poeng={k.pk: (1, "") for k in kriterier}
    )
    services.inhabilitet_erklaer(mote=mote, notat=annet, medlem=medlem, grunn="Søster i saken")
    [resultat] = selectors.notatresultater(
        notater=[annet], kriterier=kriterier, bruker=leder, portefolje=mote.portefolje
    )
    assert [k.snitt for k in resultat.kriterier] == [1.0, 1.0]
    assert selectors.vektet_score_for(notat=annet, portefolje=mote.portefolje) == 0.0


def test_a_member_declares_herself_disqualified_and_the_minutes_say_why(
    moterom, medlem, leder, klient_for
):
    mote, eget, annet, kriterier, tredje = moterom
    klient = klient_for(tredje)
    motet = klient.get(reverse("velge:mote", kwargs={"slug": mote.portefolje.slug, "pk": mote.pk}))
    vurder = klient.get(lenker(motet)[f"Vurder: {annet.tittel}"])
    handling = skjema_handling(vurder, "Erklær meg inhabil")
    tom = klient.post(handling, {"grunn": "  "})
    assert "Si hvorfor du er inhabil." in tekst(tom)
    svar = klient.post(handling, {"grunn": "Eier aksjer i leverandøren"}, follow=True)
    assert "Inhabile: Tora Tredje (Eier aksjer i leverandøren)" in tekst(svar)

    # The chair sees it on the decision page, decides, and the minutes record it.
    klient = klient_for(leder)
    motet = klient.get(reverse("velge:mote", kwargs={"slug": mote.portefolje.slug, "pk": mote.pk}))
    beslutt = klient.get(lenker(motet)[f"Beslutt: {annet.tittel}"])
    assert "Tora Tredje – Eier aksjer i leverandøren" in tekst(beslutt)
    for hvem in (leder, medlem):
        services.vurdering_lagre(
            mote=mote, notat=annet, medlem=hvem, poeng={k.pk: (4, "") for k in kriterier}
        )
    klient.post(
        skjema_handling(beslutt, "Lagre beslutningen"),
        {
            "utfall": Utfall.PARKERT,
            "begrunnelse": "Venter",
            "parkert_til": "2099-01-01",
            "bekreft": "on",
        },
    )
    assert Beslutning.objects.filter(notat=annet).exists()
    motet = klient.get(reverse("velge:mote", kwargs={"slug": mote.portefolje.slug, "pk": mote.pk}))
    protokoll = klient.get(
        reverse("velge:protokoll", kwargs={"slug": mote.portefolje.slug, "pk": mote.pk})
    )
    assert "Fratrådte som inhabile Tora Tredje (Eier aksjer i leverandøren)" in tekst(protokoll)


def test_a_disqualified_chair_hands_the_item_to_the_deputy(moterom, leder, medlem, klient_for):
    mote, eget, annet, kriterier, tredje = moterom
    eget.eier = leder
    eget.save()
    moteside = reverse("velge:mote", kwargs={"slug": mote.portefolje.slug, "pk": mote.pk})
    klient = klient_for(leder)
    assert f"Beslutt: {eget.tittel}" not in lenker(klient.get(moteside))
    beslutt_url = reverse(
        "velge:beslutt", kwargs={"slug": mote.portefolje.slug, "pk": mote.pk, "notat_pk": eget.pk}
    )
    assert klient.get(beslutt_url).status_code == 403

    # The chair names the deputy from the portfolio page.
    side = klient.get(mote.portefolje.get_absolute_url())
    regel = klient.get(lenker(side)["Kvorum, stedfortreder og protokoll"])
    klient.post(
        skjema_handling(regel, "Lagre"),
        {"kvorum": "over_halvparten", "stedfortreder": medlem.pk, "protokoll": "leder"},
    )
    assert selectors.regel_for(mote.portefolje).stedfortreder == medlem
    assert "stedfortrederen" in tekst(klient.get(moteside))

    klient = klient_for(medlem)
    beslutt = klient.get(lenker(klient.get(moteside))[f"Beslutt: {eget.tittel}"])
    assert beslutt.status_code == 200
    assert f"Beslutt: {annet.tittel}" not in lenker(klient.get(moteside))


def test_a_decision_below_the_quorum_needs_a_confirmed_reason_that_the_minutes_keep(
    moterom, leder, medlem, klient_for
):
    mote, eget, annet, kriterier, tredje = moterom
    services.vurdering_lagre(
        mote=mote, notat=annet, medlem=tredje, poeng={k.pk: (4, "") for k in kriterier}
    )
    klient = klient_for(leder)
    moteside = reverse("velge:mote", kwargs={"slug": mote.portefolje.slug, "pk": mote.pk})
    beslutt = klient.get(lenker(klient.get(moteside))[f"Beslutt: {annet.tittel}"])
    innhold = tekst(beslutt)
    assert "1 av 3 har vurdert" in innhold and "under porteføljens kvorum" in innhold
    assert "Kostnad: 2 medlemmer har ikke vurdert" in innhold
    handling = skjema_handling(beslutt, "Lagre beslutningen")
    data = {"utfall": Utfall.AVVIST, "begrunnelse": "Ikke nyttig nok.", "bekreft": "on"}
    uten = klient.post(handling, data)
    assert "kryss av for å beslutte nå" in tekst(uten)
    assert "Si hvorfor beslutningen ikke kan vente." in tekst(uten)
    assert not Beslutning.objects.exists()

    grunn = "Fristen i statsbudsjettet er fredag."
    klient.post(handling, {**data, "under_kvorum": "on", "under_kvorum_grunn": grunn})
    assert Beslutning.objects.get(notat=annet).under_kvorum_grunn == grunn
    protokoll = klient.get(lenker(klient.get(moteside))["Protokoll"])
    assert f"Besluttet under kvorum, fordi {grunn}" in tekst(protokoll)


def test_a_decision_at_the_quorum_asks_for_nothing_more(moterom, leder, medlem, klient_for):
    mote, eget, annet, kriterier, tredje = moterom
    for hvem in (leder, medlem, tredje):
        services.vurdering_lagre(
            mote=mote, notat=annet, medlem=hvem, poeng={k.pk: (4, "") for k in kriterier}
        )
    klient = klient_for(leder)
    moteside = reverse("velge:mote", kwargs={"slug": mote.portefolje.slug, "pk": mote.pk})
    beslutt = klient.get(lenker(klient.get(moteside))[f"Beslutt: {annet.tittel}"])
    assert "3 av 3 har vurdert" in tekst(beslutt) and "under_kvorum" not in beslutt.content.decode()


def test_the_score_form_says_when_scores_become_final_and_then_is_read_only(moterom, klient_for):
    mote, eget, annet, kriterier, tredje = moterom
    klient = klient_for(tredje)
    moteside = reverse("velge:mote", kwargs={"slug": mote.portefolje.slug, "pk": mote.pk})
    vurder = klient.get(lenker(klient.get(moteside))[f"Vurder: {annet.tittel}"])
    innhold = tekst(vurder)
    assert "Vurderingene dine blir endelige når du har sett de andres" in innhold
    assert "5 er best." in innhold and "5 betyr lav kostnad, som er best." in innhold
    assert "5 er alltid best" not in innhold

    lagret = klient.post(
        skjema_handling(vurder, "Lagre vurderingen min"), poeng(kriterier, 4), follow=True
    )
    innhold = lagret.content.decode()
    assert "Vurderingene dine er endelige" in tekst(lagret)
    assert "Lagre vurderingen min" not in innhold
    radioknapper = re.findall(r'<input type="radio"[^>]*>', innhold)
    assert radioknapper and all("disabled" in r for r in radioknapper)

    motet = lenker(klient.get(moteside))
    assert f"Se vurderingene: {annet.tittel}" in motet
    assert not any(t.startswith("Endre vurderingen") for t in motet)
