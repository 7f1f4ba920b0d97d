"""The decision that closes a project is filed to the archive with its closing report
(portefolje.arkiv): made through the project's own decision form, as the chair."""

import zipfile

import pytest
from django.urls import reverse
from lxml import etree

from portefolje.arkiv.arkivmelding import MDK, NS, valider
from portefolje.models import Arkivforsendelse, Arkivstatus
from prosjekter import services

pytestmark = pytest.mark.django_db


def test_closing_a_project_files_the_decision_and_closing_report(
    prosjekt,
    leder,
    prosjektleder,
    klient_for,
    settings,
    tmp_path,
    django_capture_on_commit_callbacks,
):
    settings.ARKIV_MAPPE = str(tmp_path)
    rapport = services.statusrapport_ny(prosjekt=prosjekt, aktor=prosjektleder)
    services.statusrapport_publiser(rapport=rapport, versjon=rapport.versjon, aktor=prosjektleder)
    prosjekt.refresh_from_db()
    url = reverse("prosjekter:styringsbeslutning", args=[prosjekt.pk])
    klient = klient_for(leder)
    with django_capture_on_commit_callbacks(execute=True):
        svar = klient.post(
            url,
            {
                "type": "avslutt",
                "begrunnelse": "Levert og overlevert til drift.",
                "versjon": prosjekt.versjon,
            },
        )
    assert svar.status_code == 302

    forsendelse = Arkivforsendelse.objects.get()
    assert forsendelse.status == Arkivstatus.SENDT and prosjekt.nummer in forsendelse.tittel
    with zipfile.ZipFile(tmp_path / forsendelse.filnavn) as z:
        xml = z.read("arkivmelding.xml")
    valider(xml)
    rot = etree.fromstring(xml)
    ns = {"a": NS, "m": MDK}
    assert rot.findtext("a:mappe/a:referanseEksternNoekkel/m:noekkel", namespaces=ns) == (
        f"prosjekt-{prosjekt.pk}"
    )
    assert rot.findtext("a:registrering/a:tittel", namespaces=ns).startswith("Prosjekt avsluttet")
    side = klient.get(reverse("arkiv", kwargs={"slug": prosjekt.portefolje.slug})).content.decode()
    assert "Sendt" in side and prosjekt.tittel in side
