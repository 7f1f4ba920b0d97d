"""The demo has a look-back to show and a yearly cycle for KLG and Helse og omsorg."""

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.demodata import demo_data_lag
from velge.models import Arshjul

pytestmark = pytest.mark.django_db


def test_the_look_back_and_the_cycles_have_something_to_show(client):
    demo_data_lag()  # the command's content, from the process's snapshot (tests/demodata.py)
    for slug in ("klg", "helse-og-omsorg"):
        assert Arshjul.objects.filter(
            portefolje__slug=slug, ar=timezone.localdate().year + 1
        ).exists()
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(username="klg"))
    svar = client.get(reverse("rapporter:beslutningskvalitet"))
    grupper = {g.nokkel: g for g in svar.context["skarband"]}
    assert all(grupper[b].n >= 1 for b in ("hoy", "middels", "lav"))
    assert all(r.avsluttet and r.forventet_investering for r in svar.context["side"])
    # Five projects, at most three in a band: the page says it is too few to see a pattern.
    assert svar.context["for_fa"] and "for få til å se et mønster" in svar.content.decode()
    innhold = client.get(reverse("velge:detalj", args=["klg"])).content.decode()
    assert "Årshjul" in innhold and reverse("rapporter:beslutningskvalitet") in innhold
