"""The meeting page's scoreboard refreshes its figures without moving anyone's focus."""

import re

import pytest
from django.urls import reverse

from velge import services
from velge.tests.factories import kriterier_for, mote_med_notater

pytestmark = pytest.mark.django_db

FOKUSERBAR = re.compile(r"<(a|button|input|select|textarea)\b|tabindex=", re.I)


def _avstemming(innhold):
    """The poll element's URL as the page renders it."""
    treff = re.search(r'id="avstemming"[^>]*hx-get="([^"]+)"', innhold)
    assert treff, "the page has no poll element"
    return treff.group(1).replace("&amp;", "&")


def test_the_poll_swaps_only_the_changed_figures_never_a_link_or_button(
    portefolje, leder, medlem, klient_for
):
    kriterier = kriterier_for(portefolje)
    mote, (a, b) = mote_med_notater(portefolje, antall=2)
    klient = klient_for(leder)
    side = klient.get(reverse("velge:mote", kwargs={"slug": portefolje.slug, "pk": mote.pk}))
    innhold = side.content.decode()
    assert "{#" not in innhold  # no template comment leaks onto the page
    # Each note's figures sit in a polite live region with nothing focusable inside.
    for notat in (a, b):
        region = re.search(
            rf'<div id="tall-{notat.pk}" aria-live="polite">(.*?)</div>\s*<p class="mb-0',
            innhold,
            re.S,
        )
        assert region and not FOKUSERBAR.search(region.group(1))
    url = _avstemming(innhold)

    # Nothing changed: 204, htmx leaves the page alone.
    assert klient.get(url, HTTP_HX_REQUEST="true").status_code == 204

    services.vurdering_lagre(
        mote=mote, notat=b, medlem=medlem, poeng={k.pk: (4, "") for k in kriterier}
    )
    svar = klient.get(url, HTTP_HX_REQUEST="true")
    assert svar.status_code == 200
    svar_innhold = svar.content.decode()
    assert f'id="tall-{b.pk}" hx-swap-oob="innerHTML"' in svar_innhold
    assert f'id="tall-{a.pk}"' not in svar_innhold
    assert "Scored by 1 of" in svar_innhold or "Vurdert av 1 av" in svar_innhold
    assert not FOKUSERBAR.search(svar_innhold)
    # The answer carries the new fingerprints: asking again changes nothing.
    assert klient.get(_avstemming(svar_innhold), HTTP_HX_REQUEST="true").status_code == 204


def test_a_changed_agenda_is_announced_not_swapped_in(portefolje, leder, sekretaer, klient_for):
    kriterier_for(portefolje)
    mote, (a,) = mote_med_notater(portefolje, antall=1)
    klient = klient_for(leder)
    side = klient.get(reverse("velge:mote", kwargs={"slug": portefolje.slug, "pk": mote.pk}))
    url = _avstemming(side.content.decode())
    services.agenda_fjern(mote=mote, notat=a, aktor=sekretaer)
    innhold = klient.get(url, HTTP_HX_REQUEST="true").content.decode()
    assert 'id="agenda-endret" hx-swap-oob="innerHTML"' in innhold
    assert f'id="tall-{a.pk}"' not in innhold
