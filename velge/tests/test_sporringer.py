"""The meeting-morning pages make as many queries with a long agenda as with a short one.

Meeting page, scoring page and scoreboard (whole page and the htmx poll): the same count with
two notes on the agenda as with twelve, scored by three members on three criteria:
fifty people open these at once on the morning of a KLG meeting.
"""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from portefolje.models import Medlemskap, Rolle
from velge.models import Agendapunkt, Vurdering
from velge.tests.factories import KonseptnotatFactory, kriterier_for, mote_med_notater

pytestmark = pytest.mark.django_db


def _fyll(mote, portefolje, medlemmer, antall):
    """`antall` more notes on the agenda, each scored by every member on every criterion."""
    kriterier = list(portefolje.kriterier.all())
    start = mote.agendapunkter.count()
    for i in range(antall):
        notat = KonseptnotatFactory(portefolje=portefolje)
        Agendapunkt.objects.create(mote=mote, notat=notat, rekkefolge=start + i)
        for m, medlem in enumerate(medlemmer):
            for k, kriterium in enumerate(kriterier):
                Vurdering.objects.create(
                    kriterium=kriterium, notat=notat, medlem=medlem, poeng=1 + (i + m + k) % 5
                )


SIDER = [
    ("velge:mote", {}),
    ("velge:mote-resultat", {}),
    ("velge:mote-resultat", {"HTTP_HX_REQUEST": "true"}),
    ("velge:vurder", {}),
]


@pytest.mark.parametrize(("navn", "hode"), SIDER)
def test_meeting_pages_make_a_constant_number_of_queries(
    portefolje, leder, medlem, klient_for, django_assert_num_queries, navn, hode
):
    kriterier_for(portefolje)
    andre = []
    for i in range(2):
        bruker = get_user_model().objects.create(username=f"medlem{i}")
        Medlemskap.objects.create(portefolje=portefolje, bruker=bruker, rolle=Rolle.MEDLEM)
        andre.append(bruker)
    mote, [forste] = mote_med_notater(portefolje)
    medlemmer = [leder, medlem, *andre]
    _fyll(mote, portefolje, medlemmer, 1)
    argumenter = {"slug": portefolje.slug, "pk": mote.pk}
    if navn == "velge:vurder":
        argumenter["notat_pk"] = forste.pk
    url = reverse(navn, kwargs=argumenter)
    # The chair reads every page; a member scores (the scoring page is theirs).
    klient = klient_for(medlem if navn == "velge:vurder" else leder)
    assert klient.get(url, **hode).status_code == 200  # warm the session
    with CaptureQueriesContext(connection) as liten:
        svar = klient.get(url, **hode)
    assert svar.status_code == 200
    _fyll(mote, portefolje, medlemmer, 10)
    with django_assert_num_queries(len(liten)):
        svar = klient.get(url, **hode)
    assert svar.status_code == 200
    if navn != "velge:vurder" and not hode:
        # The meeting page and the whole scoreboard did show the longer agenda. (The scoring
        # page is one note's; the poll shows figures only once the chair reveals them.)
        siste = mote.agendapunkter.order_by("-rekkefolge").first().notat
        assert siste.tittel in svar.content.decode()
