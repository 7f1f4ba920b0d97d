"""The employee form /ideer/ny/ and «Mine innspill»."""

import re
import uuid

import pytest

from ideer.models import Innspill, Kanal, Type
from ideer.tests.factories import InnspillFactory
from ideer.tests.hjelp import fil

pytestmark = pytest.mark.django_db
URL = "/ideer/ny/"


def gyldig(**overstyr):
    data = {
        "type": "ide",
        "tittel": "Felles vikarpool for barnehagene",
        "beskrivelse": "Barnehagene bruker mye tid på å skaffe vikarer.",
        "opphav": "medarbeidere",
        "skjema_nokkel": str(uuid.uuid4()),
    }
    data.update(overstyr)
    return data


def test_anonymous_is_sent_to_login(client):
    svar = client.post(URL, gyldig())
    assert svar.status_code == 302
    assert "/konto/login/" in svar["Location"]
    assert not Innspill.objects.exists()


def test_employee_sends_an_idea_and_sees_it(klient_for, ansatt, seksjon):
    klient = klient_for(ansatt)
    svar = klient.post(URL, gyldig(seksjoner=[seksjon.pk]))
    innspill = Innspill.objects.get()
    assert svar["Location"] == f"/ideer/{innspill.pk}/"
    assert innspill.innsender == ansatt
    assert innspill.kanal == Kanal.PORTAL
    assert list(innspill.seksjoner.all()) == [seksjon]
    side = klient.get(svar["Location"]).content.decode()
    assert "Felles vikarpool" in side and "Ny" in side


def test_my_inputs_lists_only_mine(klient_for, ansatt, utvikler):
    InnspillFactory(tittel="Min idé", innsender=ansatt)
    InnspillFactory(tittel="Andres idé", innsender=utvikler)
    innhold = klient_for(ansatt).get("/ideer/mine/").content.decode()
    assert "Min idé" in innhold
    assert "Andres idé" not in innhold


def test_empty_and_oversized_fields_get_messages_and_save_nothing(klient_for, ansatt):
    svar = klient_for(ansatt).post(URL, gyldig(tittel="", beskrivelse="x" * 10_001))
    assert svar.status_code == 200
    feil = svar.context["form"].errors
    assert feil["tittel"] == ["Feltet er påkrevd."]
    assert "10000" in feil["beskrivelse"][0].replace("\xa0", "").replace(" ", "")
    assert not Innspill.objects.exists()


def test_order_source_must_match_kind(klient_for, ansatt):
    svar = klient_for(ansatt).post(URL, gyldig(type="ide", opphav="politisk"))
    assert "bestillinger" in svar.context["form"].errors["opphav"][0]
    svar = klient_for(ansatt).post(URL, gyldig(type="ide", palagt="on"))
    assert svar.context["form"].errors["palagt"]
    assert not Innspill.objects.exists()


def test_imposed_order_is_registered(klient_for, ansatt):
    klient_for(ansatt).post(
        URL, gyldig(type="bestilling", opphav="politisk", palagt="on", referanse="PS 45/26")
    )
    innspill = Innspill.objects.get()
    assert innspill.type == Type.BESTILLING and innspill.palagt


def test_double_post_makes_one_idea(klient_for, ansatt):
    klient = klient_for(ansatt)
    data = gyldig()
    klient.post(URL, data)
    klient.post(URL, data)
    assert Innspill.objects.count() == 1


def test_file_that_lies_about_its_type_is_refused(klient_for, ansatt):
    svar = klient_for(ansatt).post(
        URL, {**gyldig(), "vedlegg": fil("rapport.pdf", b"<html>ikke pdf</html>")}
    )
    assert svar.context["form"].errors["vedlegg"]
    assert not Innspill.objects.exists()


def test_the_form_starts_as_an_employees_idea_not_a_political_order(klient_for, ansatt):
    """«Opphav» used to preselect «Politisk», so ideas were mislabelled."""
    side = klient_for(ansatt).get(URL).content.decode()
    assert re.search(r'<option value="medarbeidere"[^>]*selected', side)
    assert not re.search(r'<option value="politisk"[^>]*selected', side)
    assert re.search(r'<input[^>]*name="type"[^>]*value="ide"[^>]*checked', side)
    # portal.js offers only the sources that fit the kind, from this list.
    assert (
        'data-opphav-for-bestilling="politisk administrativ tilskudd uforutsett_hendelse"' in side
    )


def test_an_idea_with_an_order_source_is_refused_next_to_the_field(klient_for, ansatt):
    svar = klient_for(ansatt).post(URL, gyldig(opphav="politisk"))
    assert svar.status_code == 200
    assert "opphav" in svar.context["form"].errors
    assert not Innspill.objects.exists()
