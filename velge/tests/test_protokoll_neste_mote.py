"""Minutes approved as an item in the portfolio's next meeting: the chair chooses it beside the
quorum, the minutes page then offers no approval of its own, the next meeting's page offers
«Godkjenn protokollen fra forrige møte» to the chair, and only then is the decision public.
Followed through the pages' own links and buttons."""

import datetime
import html
import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from velge import selectors, services
from velge.models import Beslutning, Protokollgodkjenning, Protokollregel, Utfall
from velge.tests.factories import MoteFactory, kriterier_for, mote_med_notater

pytestmark = pytest.mark.django_db

OFFENTLIG = "Tiltaket gir tryggere skoleveier."
KNAPP = "Godkjenn protokollen fra forrige møte"


def lenker(svar) -> dict[str, str]:
    """The page's links: visible text (tags stripped) → href."""
    return {
        html.unescape(re.sub(r"<[^>]+>", "", tekst)).strip(): html.unescape(href)
        for href, tekst in re.findall(
            r'<a [^>]*href="([^"]+)"[^>]*>(.*?)</a>', svar.content.decode(), re.S
        )
    }


def skjema(svar, knapp: str) -> tuple[str, dict]:
    """The action and hidden fields of the form whose button reads `knapp`."""
    for handling, innhold in re.findall(
        r'<form method="post" action="([^"]*)"[^>]*>(.*?)</form>', svar.content.decode(), re.S
    ):
        if knapp in innhold:
            skjulte = dict(
                re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', innhold)
            )
            skjulte.pop("csrfmiddlewaretoken", None)
            return html.unescape(handling), skjulte
    raise AssertionError(f"ingen skjema med «{knapp}»")


def tekst(svar) -> str:
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", svar.content.decode())))


@pytest.fixture
def moter(portefolje, leder, medlem):
    """Yesterday's meeting decided a note (its minutes a draft); the next meeting is today."""
    kriterier = kriterier_for(portefolje, vekter=(1,))
    igar = timezone.localdate() - datetime.timedelta(days=1)
    forrige, [notat] = mote_med_notater(portefolje, dato=igar)
    for hvem in (leder, medlem):
        services.vurdering_lagre(
            mote=forrige, notat=notat, medlem=hvem, poeng={kriterier[0].pk: (4, "")}
        )
    services.beslutning_fatt(
        mote=forrige,
        notat=notat,
        aktor=leder,
        utfall=Utfall.AVVIST,
        begrunnelse=OFFENTLIG,
        parkert_til=None,
    )
    neste = MoteFactory(portefolje=portefolje, dato=timezone.localdate(), tittel="Neste møte")
    return forrige, neste, notat


def velg_neste_mote(klient, portefolje):
    """From the portfolio page, the chair's decision rule: minutes approved in the next meeting."""
    regel = klient.get(
        lenker(klient.get(portefolje.get_absolute_url()))["Kvorum, stedfortreder og protokoll"]
    )
    assert "Protokollen godkjennes som en sak i neste møte" in tekst(regel)
    svar = klient.post(
        regel.request["PATH_INFO"],
        {"kvorum": "over_halvparten", "stedfortreder": "", "protokoll": "neste_mote"},
    )
    assert svar.status_code == 302
    assert selectors.regel_for(portefolje).protokoll == Protokollregel.NESTE_MOTE


def test_the_chair_approves_the_minutes_as_an_item_in_the_next_meeting(
    moter, portefolje, leder, medlem, klient_for, client
):
    forrige, neste, notat = moter
    klient = klient_for(leder)
    velg_neste_mote(klient, portefolje)

    # The minutes page offers no approval of its own: it points to the next meeting.
    forrige_side = klient.get(reverse("velge:mote", args=[portefolje.slug, forrige.pk]))
    protokoll = klient.get(lenker(forrige_side)["Protokoll"])
    assert "godkjennes protokollen som en sak i neste møte" in tekst(protokoll)
    assert "Godkjenn protokollen" not in tekst(protokoll)
    neste_url = reverse("velge:mote", args=[portefolje.slug, neste.pk])
    assert neste_url in lenker(protokoll).values()

    # A member sees the item on the next meeting's page, with no button.
    assert KNAPP not in tekst(klient_for(medlem).get(neste_url))

    klient = klient_for(leder)
    neste_side = klient.get(neste_url)
    assert "Protokoll fra forrige møte" in tekst(neste_side)
    handling, skjulte = skjema(neste_side, KNAPP)
    uten = klient.post(handling, skjulte)
    assert uten.status_code == 400 and "Kryss av for å godkjenne protokollen" in tekst(uten)
    assert OFFENTLIG not in tekst(client.get(reverse("offentlig:beslutninger")))

    svar = klient.post(handling, {**skjulte, "bekreft": "on"}, follow=True)
    assert svar.redirect_chain[-1][0] == neste_url
    assert "Protokollen er godkjent" in tekst(svar)
    godkjenning = Protokollgodkjenning.objects.get(mote=forrige)
    assert godkjenning.godkjent_i_mote == neste and godkjenning.godkjent_av == leder
    assert Beslutning.objects.get(notat=notat).publisert is not None
    klient.logout()
    assert OFFENTLIG in tekst(client.get(reverse("offentlig:beslutninger")))

    # Both meetings' minutes say so.
    klient = klient_for(leder)
    protokoll = tekst(klient.get(reverse("velge:protokoll", args=[portefolje.slug, forrige.pk])))
    assert "Godkjent som sak i møtet" in protokoll
    neste_protokoll = tekst(klient.get(lenker(klient.get(neste_url))["Protokoll"]))
    assert "Protokoller godkjent i dette møtet" in neste_protokoll


def test_the_next_meetings_page_offers_the_approval_only_once_it_is_held(
    moter, portefolje, leder, klient_for
):
    forrige, neste, _notat = moter
    neste.dato = timezone.localdate() + datetime.timedelta(days=3)
    neste.save()
    klient = klient_for(leder)
    velg_neste_mote(klient, portefolje)
    side = klient.get(reverse("velge:mote", args=[portefolje.slug, neste.pk]))
    assert "Protokoll fra forrige møte" in tekst(side) and KNAPP not in tekst(side)
    assert "når dette møtet er holdt" in tekst(side)


def test_the_rule_holds_whatever_road_is_taken(moter, portefolje, leder):
    forrige, neste, _notat = moter
    senere = MoteFactory(portefolje=portefolje, dato=timezone.localdate())
    # The chair's rule (the default): not in a meeting.
    with pytest.raises(ValidationError):
        services.protokoll_godkjenn(mote=forrige, aktor=leder, i_mote=neste)
    services.beslutningsregel_lagre(
        portefolje=portefolje,
        kvorum="over_halvparten",
        stedfortreder=None,
        aktor=leder,
        protokoll=Protokollregel.NESTE_MOTE,
    )
    # The next meeting's rule: not after the meeting, and not in a later meeting than the next.
    with pytest.raises(ValidationError):
        services.protokoll_godkjenn(mote=forrige, aktor=leder)
    with pytest.raises(ValidationError):
        services.protokoll_godkjenn(mote=forrige, aktor=leder, i_mote=senere)
    assert not Protokollgodkjenning.objects.exists()
    services.protokoll_godkjenn(mote=forrige, aktor=leder, i_mote=neste)
    assert Protokollgodkjenning.objects.get(mote=forrige).godkjent_i_mote == neste
