"""The chair keeps the criteria; weights that sum to zero are refused with nothing changed, and
a save from a page opened before someone else saved is refused with nothing overwritten."""

import pytest
from django.test import Client
from django.urls import reverse
from lxml import html as lxml_html

from portefolje.models import Hendelse
from velge.models import Kriterium
from velge.tests.factories import kriterier_for

# A fixture, found by pytest through its name in this module.

pytestmark = pytest.mark.django_db


def skjemadata(kriterier, **endringer):
    """The formset as the page posts it, with `endringer` {index: {field: value}} applied."""
    data = {
        "form-TOTAL_FORMS": str(len(kriterier) + 1),
        "form-INITIAL_FORMS": str(len(kriterier)),
        "form-MIN_NUM_FORMS": "0",
        "form-MAX_NUM_FORMS": "1000",
    }
    for i, k in enumerate(kriterier):
        felt = {
            "id": k.pk,
            "versjon": k.versjon,
            "navn": k.navn,
            "beskrivelse": k.beskrivelse,
            "vekt": k.vekt,
            "retning": k.retning,
            "rekkefolge": k.rekkefolge,
            "aktiv": "on" if k.aktiv else "",
            **{f"skala_{n}": getattr(k, f"skala_{n}") for n in range(1, 6)},
        }
        felt.update(endringer.get(str(i), {}))
        data.update({f"form-{i}-{navn}": verdi for navn, verdi in felt.items() if verdi != ""})
    # The empty «new criterion» row, as a browser posts it: the fields' initial values.
    ny = {
        "vekt": 1,
        "retning": "hoy_er_bra",
        "rekkefolge": 0,
        "aktiv": "on",
        **endringer.get("ny", {}),
    }
    data.update({f"form-{len(kriterier)}-{navn}": verdi for navn, verdi in ny.items()})
    return data


def url(portefolje):
    return reverse("velge:kriterier", kwargs={"slug": portefolje.slug})


def test_chair_changes_a_weight_and_adds_a_criterion(portefolje, leder, klient_for):
    kriterier = kriterier_for(portefolje)
    data = skjemadata(
        kriterier,
        **{
            "0": {"vekt": 10},
            "ny": {
                "navn": "Klima og miljø",
                "vekt": 2,
                "retning": "hoy_er_bra",
                "rekkefolge": 9,
                "aktiv": "on",
            },
        },
    )
    svar = klient_for(leder).post(url(portefolje), data)
    assert svar.status_code == 302
    assert Kriterium.objects.get(pk=kriterier[0].pk).vekt == 10
    assert Kriterium.objects.get(navn="Klima og miljø").portefolje == portefolje
    assert Hendelse.objects.filter(handling="kriterier_endret", aktor=leder).exists()


def test_weights_summing_to_zero_are_refused_and_nothing_changes(portefolje, leder, klient_for):
    kriterier = kriterier_for(portefolje)
    data = skjemadata(kriterier, **{str(i): {"vekt": 0} for i in range(len(kriterier))})
    svar = klient_for(leder).post(url(portefolje), data)
    assert svar.status_code == 200
    assert (
        "Vektene til de aktive kriteriene kan ikke til sammen være null." in svar.content.decode()
    )
    assert sorted(Kriterium.objects.values_list("vekt", flat=True)) == [1, 2, 3]


def test_deactivating_every_weighted_criterion_is_refused(portefolje, leder, klient_for):
    kriterier = kriterier_for(portefolje)
    data = skjemadata(kriterier, **{str(i): {"aktiv": ""} for i in range(len(kriterier))})
    assert klient_for(leder).post(url(portefolje), data).status_code == 200
    assert Kriterium.objects.filter(aktiv=True).count() == 3


def test_two_criteria_with_one_name_are_refused(portefolje, leder, klient_for):
    kriterier = kriterier_for(portefolje)
    data = skjemadata(kriterier, **{"1": {"navn": kriterier[0].navn.upper()}})
    svar = klient_for(leder).post(url(portefolje), data)
    assert "To kriterier kan ikke ha samme navn." in svar.content.decode()
    assert Kriterium.objects.get(pk=kriterier[1].pk).navn == kriterier[1].navn


def test_members_cannot_edit_criteria(portefolje, medlem, sekretaer, klient_for):
    kriterier = kriterier_for(portefolje)
    for bruker in (medlem, sekretaer):
        assert (
            klient_for(bruker)
            .post(url(portefolje), skjemadata(kriterier, **{"0": {"vekt": 9}}))
            .status_code
            == 403
        )
    assert Kriterium.objects.get(pk=kriterier[0].pk).vekt == 3


def _skjemaverdier(side: str) -> dict:
    """What a browser would send back from the criteria form as the page renders it."""
    [skjema] = lxml_html.fromstring(side).xpath("//form[.//input[@name='form-TOTAL_FORMS']]")
    # A browser drops the newline that opens a textarea's text; lxml keeps it.
    return {
        navn: verdi.removeprefix("\n")
        for navn, verdi in skjema.form_values()
        if navn != "csrfmiddlewaretoken"
    }


def _apne(klient, adresse) -> dict:
    svar = klient.get(adresse)
    assert svar.status_code == 200
    return _skjemaverdier(svar.content.decode())


def _rad(data, kriterium) -> str:
    """The form prefix of `kriterium`'s row."""
    [prefiks] = [n.removesuffix("-id") for n, v in data.items() if v == str(kriterium.pk)]
    return prefiks


def test_a_stale_criteria_page_cannot_put_back_a_weight_someone_changed(portefolje, leder):
    kriterier = kriterier_for(portefolje)
    # The chair on two machines (the portfolio has one chair): each opened the page.
    forste, andre = Client(), Client()
    forste.force_login(leder)
    andre.force_login(leder)
    side_forste, side_andre = _apne(forste, url(portefolje)), _apne(andre, url(portefolje))

    side_forste[f"{_rad(side_forste, kriterier[0])}-vekt"] = "10"
    assert forste.post(url(portefolje), side_forste).status_code == 302

    # From the page opened before that save, another criterion's text is changed.
    side_andre[f"{_rad(side_andre, kriterier[1])}-beskrivelse"] = "Ny forklaring"
    svar = andre.post(url(portefolje), side_andre)
    tekst = svar.content.decode()
    assert svar.status_code == 409
    assert "Noen andre lagret dette etter at du åpnet det." in tekst
    assert "Det som er lagret nå" in tekst
    assert Kriterium.objects.get(pk=kriterier[0].pk).vekt == 10
    assert Kriterium.objects.get(pk=kriterier[1].pk).beskrivelse == kriterier[1].beskrivelse

    # The page now carries what is saved: having compared, the chair saves again.
    etter = _skjemaverdier(tekst)
    assert etter[f"{_rad(etter, kriterier[1])}-beskrivelse"] == "Ny forklaring"
    etter[f"{_rad(etter, kriterier[0])}-vekt"] = "10"
    assert andre.post(url(portefolje), etter).status_code == 302
    assert Kriterium.objects.get(pk=kriterier[0].pk).vekt == 10
    assert Kriterium.objects.get(pk=kriterier[1].pk).beskrivelse == "Ny forklaring"
