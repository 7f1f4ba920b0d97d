"""An approved project has an owner, and either a manager or a task for the chair: followed
from the decision page to the start page's task and the project's edit form."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from prosjekter.forms import ProsjektForm
from prosjekter.models import Prosjekt
from velge.tests.factories import kriterier_for, mote_med_notater

pytestmark = pytest.mark.django_db


def skjemadata(form) -> dict:
    data = {}
    for navn, felt in form.fields.items():
        verdi = form.initial.get(navn, felt.initial)
        data[navn] = "" if verdi is None else getattr(verdi, "pk", verdi)
    return data


def beslutt(klient, portefolje, **felt):
    kriterier_for(portefolje)
    mote, [notat] = mote_med_notater(portefolje, dato=timezone.localdate())
    url = reverse(
        "velge:beslutt", kwargs={"slug": portefolje.slug, "pk": mote.pk, "notat_pk": notat.pk}
    )
    skjema = klient.get(url).content.decode()
    eier = re.search(r'name="prosjekteier".*?<option value="(\d+)" selected', skjema, re.S)
    data = {"utfall": "godkjent", "begrunnelse": "Stor gevinst.", "prosjekteier": eier.group(1)}
    if 'name="under_kvorum"' in skjema:  # nobody has scored: the chair confirms, with a reason
        data |= {"under_kvorum": "on", "under_kvorum_grunn": "Saken haster."}
    assert klient.post(url, {**data, **felt}).status_code == 302
    return notat


def test_without_a_manager_the_chair_gets_a_task_until_one_is_set(
    portefolje, leder, medlem, klient_for
):
    klient = klient_for(leder)
    notat = beslutt(klient, portefolje)
    prosjekt = Prosjekt.objects.get(beslutning__notat=notat)
    assert prosjekt.prosjekteier == notat.eier and prosjekt.prosjektleder is None

    start = klient.get(reverse("startside")).content.decode()
    assert "Prosjekter uten prosjektleder" in start
    rediger = reverse("prosjekter:rediger", kwargs={"pk": prosjekt.pk})
    assert f'href="{rediger}"' in start
    assert klient.get(rediger).status_code == 200
    data = skjemadata(ProsjektForm(instance=prosjekt))
    assert klient.post(rediger, {**data, "prosjektleder": medlem.pk}).status_code == 302
    assert "Prosjekter uten prosjektleder" not in klient.get(reverse("startside")).content.decode()
    # Only the chair is asked.
    assert "Prosjekter uten prosjektleder" not in (
        klient_for(medlem).get(reverse("startside")).content.decode()
    )


def test_a_manager_named_in_the_decision_leads_the_project_and_no_task_is_made(
    portefolje, leder, medlem, klient_for
):
    klient = klient_for(leder)
    notat = beslutt(klient, portefolje, prosjektleder=medlem.pk)
    prosjekt = Prosjekt.objects.get(beslutning__notat=notat)
    assert prosjekt.prosjektleder == medlem and prosjekt.prosjekteier == notat.eier
    assert "Prosjekter uten prosjektleder" not in klient.get(reverse("startside")).content.decode()
