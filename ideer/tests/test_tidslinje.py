"""One history on an idea's page: each moment someone acted is one line, newest first, with
who, when and what, whether the record is a status step, an action or a field change."""

import re

import pytest

from ideer.models import Innspill
from ideer.tests.factories import InnbyggerInnspillFactory, InnspillFactory
from portefolje.personer import navn

pytestmark = pytest.mark.django_db


def post(klient, innspill, handling, **data):
    innspill.refresh_from_db()
    svar = klient.post(
        f"/ideer/{innspill.pk}/triage/",
        {"versjon": innspill.versjon, "handling": handling, **data},
    )
    assert svar.status_code == 302, svar.content.decode()[:500]


def historikk(html: str) -> list[tuple[str, str]]:
    """(who, what) per row of the page's one history table, as a person reads them."""
    (tabell,) = re.findall(r'id="historikk-tittel".*?<tbody>(.*?)</tbody>', html, flags=re.S)
    rader = []
    for rad in re.findall(r"<tr>(.*?)</tr>", tabell, flags=re.S):
        celler = [
            " ".join(re.sub(r"<[^>]+>", " ", c).split())
            for c in re.findall(r"<td>(.*?)</td>", rad, flags=re.S)
        ]
        rader.append((celler[1], celler[2]))
    return rader


def test_the_idea_page_shows_one_history_newest_first_with_who_did_it(klient_for, utvikler):
    innspill = InnspillFactory(tittel="Benker i parken")
    klient = klient_for(utvikler)
    post(klient, innspill, "vurder", kommentar="Ser på det")
    post(klient, innspill, "avvis", grunn="Ligger utenfor kommunens ansvar")

    html = klient.get(f"/ideer/{innspill.pk}/").content.decode()
    assert "Statushistorikk" not in html and "Endringslogg" not in html
    assert html.count("<table") == 1 + html.count("<table", html.index('id="triage"'))
    rader = historikk(html)
    assert len(rader) == 2  # one line per moment, not one per record
    (hvem_avvist, avvist), (hvem_vurdering, vurdering) = rader
    # Who acted is said once per moment, the same for every record in it.
    assert hvem_avvist == hvem_vurdering == navn(utvikler)
    assert avvist.startswith("Avvist: Ligger utenfor kommunens ansvar")
    assert "Begrunnelse for avvisning: – → Ligger utenfor kommunens ansvar" in avvist
    assert vurdering == "Status endret fra Ny til Under vurdering Ser på det"


def test_the_submitter_sees_the_steps_but_not_the_teams_audit_trail(
    klient_for, utvikler, lag_bruker
):
    innsender = lag_bruker("innsender", first_name="Siri", last_name="Sender")
    innspill = InnspillFactory(innsender=innsender)
    post(klient_for(utvikler), innspill, "vurder", kommentar="Ser på det")

    rader = historikk(klient_for(innsender).get(f"/ideer/{innspill.pk}/").content.decode())
    assert rader == [(navn(utvikler), "Status: Ny → Under vurdering Ser på det")]


def test_a_form_sent_by_an_employee_starts_the_history_with_received(klient_for, ansatt):
    ansatt.first_name, ansatt.last_name = "Ada", "Ansatt"
    ansatt.save()
    klient = klient_for(ansatt)
    svar = klient.get("/ideer/ny/")
    data = {
        "type": "ide",
        "tittel": "Ladepunkter ved rådhuset",
        "beskrivelse": "Ansatte med elbil trenger lading.",
        "opphav": "medarbeidere",
        "skjema_nokkel": svar.context["form"]["skjema_nokkel"].value(),
    }
    assert klient.post("/ideer/ny/", data).status_code == 302
    innspill = Innspill.objects.get(tittel="Ladepunkter ved rådhuset")
    rader = historikk(klient.get(f"/ideer/{innspill.pk}/").content.decode())
    assert rader == [("Ada Ansatt", "Mottatt")]


def test_an_edit_in_the_admin_is_on_the_timeline_with_the_admins_name(klient_for, lag_bruker):
    sjef = lag_bruker("sjef", first_name="Sjef", last_name="Admin", is_staff=True)
    innspill = InnspillFactory(tittel="Gammel tittel")
    # What the admin's change view does: save with the signed-in user for the history row.
    innspill.tittel = "Ny tittel"
    innspill._history_user = sjef
    innspill.save()

    rader = historikk(klient_for(sjef).get(f"/ideer/{innspill.pk}/").content.decode())
    assert rader == [("Sjef Admin", "Tittel: Gammel tittel → Ny tittel")]


def test_personal_data_stays_out_of_the_history_for_an_employee(klient_for, ansatt, utvikler):
    innspill = InnbyggerInnspillFactory()
    innspill.innsender_navn = "Kari Nordmann-Hansen"
    innspill.save()
    assert (
        "Kari Nordmann-Hansen"
        in klient_for(utvikler).get(f"/ideer/{innspill.pk}/").content.decode()
    )
    assert (
        "Kari Nordmann-Hansen"
        not in klient_for(ansatt).get(f"/ideer/{innspill.pk}/").content.decode()
    )
