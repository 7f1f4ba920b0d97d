"""The minutes before the public record, and everyone concerned told: followed through the
pages' own links and buttons, as the chair, the note's owner and a citizen."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from konseptnotat.models import Konseptnotat
from portefolje.models import Medlemskap, Rolle
from velge import services
from velge.models import Beslutning, Protokollgodkjenning
from velge.tests.factories import kriterier_for, mote_med_notater

pytestmark = pytest.mark.django_db

OFFENTLIG = "Prosjektet gir kortere ventetid for innbyggerne."
INTERNT = "kostnaden er usikker"


def lenke(html: str, url: str) -> str:
    """`url` as the page links it (the test follows what the page offers, nothing else)."""
    assert f'href="{url}"' in html or f'action="{url}"' in html, f"{url} er ikke på siden"
    return url


def skjemaets_valg(html: str, felt: str) -> str:
    """The option the form has selected for `felt` (a <select>), as the browser would send it."""
    blokk = re.search(rf'<select name="{felt}".*?</select>', html, re.S).group(0)
    return re.search(r'<option value="(\d+)" selected', blokk).group(1)


@pytest.fixture
def sak(portefolje, leder, medlem, lag_bruker):
    """A meeting today with one scored note, its scores revealed; the note has a co-author and
    a guide."""
    kriterier = kriterier_for(portefolje, vekter=(1,))
    mote, [notat] = mote_med_notater(portefolje, dato=timezone.localdate())
    medforfatter, veileder = lag_bruker("medforfatter"), lag_bruker("veileder")
    notat.medforfattere.add(medforfatter)
    notat.eier.email = "eier@example.no"
    notat.eier.save(update_fields=["email"])
    Konseptnotat.objects.filter(pk=notat.pk).update(veileder=veileder)
    notat.refresh_from_db()
    services.vurdering_lagre(
        mote=mote, notat=notat, medlem=medlem, poeng={kriterier[0].pk: (4, "")}
    )
    services.mote_vis_vurderinger(mote=mote, aktor=leder)
    return mote, notat


KVORUM_BEKREFTET = {"under_kvorum": "on", "under_kvorum_grunn": "Saken haster."}


def beslutt_gjennom_siden(klient, mote, notat, **felt):
    """From the meeting page: «Decide», then the form as the page offers it, filled in."""
    motet = reverse("velge:mote", kwargs={"slug": mote.portefolje.slug, "pk": mote.pk})
    url = reverse(
        "velge:beslutt", kwargs={"slug": mote.portefolje.slug, "pk": mote.pk, "notat_pk": notat.pk}
    )
    side = klient.get(lenke(klient.get(motet).content.decode(), url)).content.decode()
    data = {
        "utfall": "godkjent",
        "begrunnelse": OFFENTLIG,
        "interne_notater": INTERNT,
        "prosjekteier": skjemaets_valg(side, "prosjekteier"),
        # Below the portfolio's quorum the page asks for a confirmed reason; give it when asked.
        **(KVORUM_BEKREFTET if 'name="under_kvorum"' in side else {}),
        **felt,
    }
    return side, klient.post(url, data, follow=True)


def test_a_justification_is_public_only_when_the_minutes_are_approved(
    sak, leder, klient_for, client
):
    mote, notat = sak
    klient = klient_for(leder)
    skjema, svar = beslutt_gjennom_siden(klient, mote, notat)
    # The form says the justification is public, and keeps the internal notes apart.
    assert "Offentlig begrunnelse" in skjema and "Denne teksten blir offentlig" in skjema
    assert "Interne notater (aldri offentlige)" in skjema
    assert svar.status_code == 200 and "Beslutningen er lagret" in svar.content.decode()

    motet = svar.content.decode()
    protokoll_url = lenke(
        motet, reverse("velge:protokoll", kwargs={"slug": mote.portefolje.slug, "pk": mote.pk})
    )
    klient.logout()
    publikum = client.get(reverse("offentlig:beslutninger")).content.decode()
    assert OFFENTLIG not in publikum and notat.tittel not in publikum
    assert client.get(reverse("offentlig:feed")).content.decode().count(notat.tittel) == 0

    klient = klient_for(leder)
    protokoll = klient.get(protokoll_url).content.decode()
    assert "Utkast" in protokoll and OFFENTLIG in protokoll and INTERNT not in protokoll
    godkjenn = lenke(
        protokoll,
        reverse("velge:protokoll-godkjenn", kwargs={"slug": mote.portefolje.slug, "pk": mote.pk}),
    )
    # Without the box ticked nothing is approved, and the page says what to do.
    svar = klient.post(godkjenn, {})
    assert (
        svar.status_code == 400 and "Kryss av for å godkjenne protokollen" in svar.content.decode()
    )
    assert not Protokollgodkjenning.objects.exists()
    svar = klient.post(godkjenn, {"bekreft": "on"}, follow=True)
    assert "Protokollen er godkjent" in svar.content.decode()
    assert "Godkjent" in svar.content.decode()

    klient.logout()
    publikum = client.get(reverse("offentlig:beslutninger")).content.decode()
    assert OFFENTLIG in publikum and INTERNT not in publikum
    beslutning = Beslutning.objects.get(notat=notat)
    assert beslutning.publisert is not None
    detalj = client.get(reverse("offentlig:beslutning", kwargs={"pk": beslutning.pk}))
    innhold = detalj.content.decode()
    assert "Publisert" in innhold and "da protokollen ble godkjent" in innhold
    assert INTERNT not in innhold
    assert notat.tittel in client.get(reverse("offentlig:feed")).content.decode()


def test_the_owner_co_authors_and_guide_are_told_the_outcome(
    sak, leder, klient_for, django_capture_on_commit_callbacks
):
    mote, notat = sak
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        beslutt_gjennom_siden(klient_for(leder), mote, notat)
    berorte = [notat.eier, notat.veileder, *notat.medforfattere.all()]
    for person in berorte:
        side = klient_for(person).get(reverse("varsler")).content.decode()
        assert "Godkjent som prosjekt" in side and notat.tittel in side
        assert OFFENTLIG in side and INTERNT not in side
    mottakere = {m.to[0] for m in mail.outbox}
    assert {p.email for p in berorte} <= mottakere
    assert not any(INTERNT in m.body for m in mail.outbox)


def test_lifting_to_klg_tells_klgs_secretary(sak, leder, klg, klient_for, lag_bruker):
    mote, notat = sak
    sekretaer = lag_bruker("klgsekretaer")
    Medlemskap.objects.create(portefolje=klg, bruker=sekretaer, rolle=Rolle.SEKRETAER)
    _skjema, svar = beslutt_gjennom_siden(
        klient_for(leder), mote, notat, utfall="loftet_til_klg", prosjekteier=""
    )
    assert svar.status_code == 200
    side = klient_for(sekretaer).get(reverse("varsler")).content.decode()
    assert notat.tittel in side and "Løftes til KLG" in side


def test_approval_needs_a_named_owner_and_the_minutes_name_them(sak, leder, klient_for):
    mote, notat = sak
    klient = klient_for(leder)
    _skjema, svar = beslutt_gjennom_siden(klient, mote, notat, prosjekteier="")
    assert "Oppgi prosjektets eier." in svar.content.decode()
    assert not Beslutning.objects.exists()
    beslutt_gjennom_siden(klient, mote, notat)
    beslutning = Beslutning.objects.get()
    assert beslutning.prosjekteier == notat.eier and beslutning.prosjektleder is None
    protokoll = klient.get(
        reverse("velge:protokoll", kwargs={"slug": mote.portefolje.slug, "pk": mote.pk})
    ).content.decode()
    assert "Prosjekteier" in protokoll
    # The leader group finds the internal notes with the decision, never on the minutes.
    assert INTERNT not in protokoll
    beslutt = reverse(
        "velge:beslutt", kwargs={"slug": mote.portefolje.slug, "pk": mote.pk, "notat_pk": notat.pk}
    )
    assert INTERNT in klient.get(beslutt).content.decode()


def test_minutes_of_a_meeting_not_held_cannot_be_approved(portefolje, leder, klient_for):
    mote, _notater = mote_med_notater(portefolje)  # a week ahead
    klient = klient_for(leder)
    url = reverse("velge:protokoll", kwargs={"slug": portefolje.slug, "pk": mote.pk})
    side = klient.get(url).content.decode()
    assert "kan godkjennes når møtet er holdt" in side
    svar = klient.post(
        reverse("velge:protokoll-godkjenn", kwargs={"slug": portefolje.slug, "pk": mote.pk}),
        {"bekreft": "on"},
    )
    assert svar.status_code == 400 and not Protokollgodkjenning.objects.exists()


def test_only_the_chair_approves_and_approved_minutes_take_no_new_decision(
    sak, leder, medlem, klient_for
):
    mote, notat = sak
    url = reverse("velge:protokoll-godkjenn", kwargs={"slug": mote.portefolje.slug, "pk": mote.pk})
    assert klient_for(medlem).post(url, {"bekreft": "on"}).status_code == 403
    assert klient_for(leder).post(url, {"bekreft": "on"}).status_code == 302
    _skjema, svar = beslutt_gjennom_siden(klient_for(leder), mote, notat)
    assert "protokollen for dette møtet er godkjent" in svar.content.decode().lower()
    assert not Beslutning.objects.exists()
