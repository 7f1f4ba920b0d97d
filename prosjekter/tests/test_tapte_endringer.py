"""Lost updates: two people open the same edit screen; the second, stale save is refused with
their text kept and what is saved now shown, on the project's base data and on every element."""

import threading
from html.parser import HTMLParser

import pytest
from django.db import connection
from django.urls import reverse

from portefolje.samtidighet import Konflikt
from prosjekter import services
from prosjekter.models import Leveranse
from prosjekter.tests.factories import (
    AllokeringFactory,
    GevinstFactory,
    IndikatorFactory,
    LeveranseFactory,
    MalingFactory,
    UsikkerhetFactory,
)


class _Skjema(HTMLParser):
    """The values a browser would send for the page's own POST form (no action: it posts back to
    the page), from its text, hidden, number,
    date, textareas, selected options, checked radio buttons)."""

    def __init__(self):
        super().__init__()
        self.verdier, self._i_form, self._ferdig = {}, False, False
        self._textarea = self._select = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and a.get("method") == "post" and not a.get("action") and not self._ferdig:
            self._i_form = True
        if not self._i_form:
            return
        sendes = a.get("type") not in ("checkbox", "radio", "submit", "file") or (
            a.get("type") == "radio" and "checked" in a
        )
        if tag == "input" and sendes:
            self.verdier[a["name"]] = a.get("value") or ""
        elif tag == "textarea":
            self._textarea = a["name"]
            self.verdier[self._textarea] = ""
        elif tag == "select":
            self._select = a["name"]
            self.verdier.setdefault(self._select, "")
        elif tag == "option" and self._select and "selected" in a:
            self.verdier[self._select] = a.get("value") or ""

    def handle_data(self, data):
        if self._textarea:
            self.verdier[self._textarea] += (
                data.lstrip("\n") if not self.verdier[self._textarea] else data
            )

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None
        elif tag == "form" and self._i_form:
            self._i_form, self._ferdig = False, True


def _apne(klient, url) -> dict:
    svar = klient.get(url)
    assert svar.status_code == 200
    skjema = _Skjema()
    skjema.feed(svar.content.decode())
    skjema.verdier.pop("csrfmiddlewaretoken", None)
    assert "versjon" in skjema.verdier, "the edit form carries its version"
    return skjema.verdier


def _prosjekt(prosjekt):
    return reverse("prosjekter:rediger", args=[prosjekt.pk]), prosjekt, "tittel"


def _leveranse(prosjekt):
    objekt = LeveranseFactory(prosjekt=prosjekt)
    return reverse("prosjekter:leveranse-rediger", args=[prosjekt.pk, objekt.pk]), objekt, "tittel"


def _gevinst(prosjekt):
    objekt = GevinstFactory(prosjekt=prosjekt)
    return reverse("prosjekter:gevinst-rediger", args=[prosjekt.pk, objekt.pk]), objekt, "tittel"


def _indikator(prosjekt):
    objekt = IndikatorFactory(gevinst=GevinstFactory(prosjekt=prosjekt))
    url = reverse("prosjekter:indikator-rediger", args=[prosjekt.pk, objekt.pk])
    return url, objekt, "navn"


def _maling(prosjekt):
    objekt = MalingFactory(indikator=IndikatorFactory(gevinst=GevinstFactory(prosjekt=prosjekt)))
    url = reverse("prosjekter:maling-rediger", args=[prosjekt.pk, objekt.pk])
    return url, objekt, "kommentar"


def _ressurs(prosjekt):
    objekt = AllokeringFactory(prosjekt=prosjekt, rolle="Tester")
    return reverse("prosjekter:ressurs-rediger", args=[prosjekt.pk, objekt.pk]), objekt, "rolle"


def _risiko(prosjekt):
    objekt = UsikkerhetFactory(prosjekt=prosjekt)
    return reverse("prosjekter:risiko-rediger", args=[prosjekt.pk, objekt.pk]), objekt, "tittel"


SKJERMER = [_prosjekt, _leveranse, _gevinst, _indikator, _maling, _ressurs, _risiko]


@pytest.mark.django_db
@pytest.mark.parametrize("lag", SKJERMER, ids=lambda f: f.__name__.strip("_"))
def test_a_stale_save_is_refused_and_the_text_kept(
    lag, prosjekt, prosjektleder, prosjekteier, client, django_user_model
):
    url, objekt, felt = lag(prosjekt)
    forste, andre = client, type(client)()
    forste.force_login(prosjektleder)
    andre.force_login(prosjekteier)
    skjema_1, skjema_2 = _apne(forste, url), _apne(andre, url)

    assert forste.post(url, {**skjema_1, felt: "Første persons endring"}).status_code == 302
    svar = andre.post(url, {**skjema_2, felt: "Andre persons tekst"})

    assert svar.status_code == 409
    side = svar.content.decode()
    assert "Noen andre lagret dette etter at du åpnet det" in side
    assert "Andre persons tekst" in side  # their text is kept in the form
    assert "Det som er lagret nå" in side and "Første persons endring" in side
    objekt.refresh_from_db()
    assert getattr(objekt, felt) == "Første persons endring"

    # Having compared, they save again from the form as it now stands: that goes through.
    igjen = _Skjema()
    igjen.feed(side)
    igjen.verdier.pop("csrfmiddlewaretoken", None)
    assert andre.post(url, igjen.verdier).status_code == 302
    objekt.refresh_from_db()
    assert getattr(objekt, felt) == "Andre persons tekst"


@pytest.mark.django_db
def test_an_archived_element_cannot_be_saved_from_an_open_form(prosjekt, prosjektleder, client):
    leveranse = LeveranseFactory(prosjekt=prosjekt, tittel="Før")
    url = reverse("prosjekter:leveranse-rediger", args=[prosjekt.pk, leveranse.pk])
    client.force_login(prosjektleder)
    skjema = _apne(client, url)
    client.post(reverse("prosjekter:leveranse-arkiver", args=[prosjekt.pk, leveranse.pk]))
    client.post(url, {**skjema, "tittel": "Etter"})
    leveranse.refresh_from_db()
    assert leveranse.arkivert and leveranse.tittel == "Før"


@pytest.mark.django_db(transaction=True)
def test_two_connections_saving_the_same_version_one_wins(prosjekt, prosjektleder, prosjekteier):
    """Two requests at the same moment on PostgreSQL: the row lock orders them, and the one
    that comes second sees the version moved and is refused."""
    leveranse = LeveranseFactory(prosjekt=prosjekt, tittel="Start")
    start = threading.Barrier(2)
    utfall = {}

    def lagre(navn, aktor):
        try:
            start.wait(timeout=10)
            services.leveranse_lagre(
                prosjekt=prosjekt,
                leveranse=leveranse,
                data={"tittel": navn},
                versjon=1,
                aktor=aktor,
            )
            utfall[navn] = "lagret"
        except Konflikt:
            utfall[navn] = "avvist"
        finally:
            connection.close()

    traader = [
        threading.Thread(target=lagre, args=("A", prosjektleder)),
        threading.Thread(target=lagre, args=("B", prosjekteier)),
    ]
    for t in traader:
        t.start()
    for t in traader:
        t.join(timeout=30)
    assert sorted(utfall.values()) == ["avvist", "lagret"]
    vinner = next(navn for navn, u in utfall.items() if u == "lagret")
    lagret = Leveranse.objects.get(pk=leveranse.pk)
    assert lagret.tittel == vinner and lagret.versjon == 2
