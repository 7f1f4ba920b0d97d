"""Attachment downloads go through a permission check; files are never served from disk."""

import pytest
from django.core.files.base import ContentFile

from ideer.services import innspill_legg_ved
from ideer.tests.factories import InnbyggerInnspillFactory, InnspillFactory
from ideer.tests.hjelp import PDF

pytestmark = pytest.mark.django_db


def med_vedlegg(innspill):
    return innspill_legg_ved(
        innspill=innspill, fil=ContentFile(PDF, name="notat.pdf"), filtype="pdf"
    )


def test_development_team_downloads(klient_for, utvikler):
    vedlegg = med_vedlegg(InnbyggerInnspillFactory())
    svar = klient_for(utvikler).get(vedlegg.get_absolute_url())
    assert svar.status_code == 200
    assert svar["Content-Type"] == "application/pdf"
    assert "attachment" in svar["Content-Disposition"]
    assert b"".join(svar.streaming_content) == PDF


def test_submitter_downloads_their_own(klient_for, ansatt):
    vedlegg = med_vedlegg(InnspillFactory(innsender=ansatt))
    assert klient_for(ansatt).get(vedlegg.get_absolute_url()).status_code == 200


def test_outsider_and_anonymous_cannot(client, klient_for, ansatt):
    vedlegg = med_vedlegg(InnbyggerInnspillFactory())
    assert client.get(vedlegg.get_absolute_url()).status_code == 302
    assert klient_for(ansatt).get(vedlegg.get_absolute_url()).status_code == 404


def test_wrong_input_in_url_is_404(klient_for, utvikler):
    vedlegg = med_vedlegg(InnspillFactory())
    annen = InnspillFactory()
    url = f"/ideer/{annen.pk}/vedlegg/{vedlegg.pk}/"
    assert klient_for(utvikler).get(url).status_code == 404


@pytest.mark.parametrize(
    ("navn", "tilbudt"),
    [
        ("brev.hta", "brev.pdf"),
        ("brev.html", "brev.pdf"),
        ("brev.pdf.exe", "brev_pdf.pdf"),
        ("..\\..\\windows\\start.bat", "start.pdf"),
        ('rapport"; filename=x.html', "rapport_ filename_x.pdf"),
        (".hta", "vedlegg.pdf"),
    ],
)
def test_a_file_is_stored_and_offered_under_its_detected_type(klient_for, utvikler, navn, tilbudt):
    """A PDF named .hta or .html is never offered under that name."""
    vedlegg = innspill_legg_ved(
        innspill=InnbyggerInnspillFactory(), fil=ContentFile(PDF, name=navn), filtype="pdf"
    )
    assert vedlegg.filnavn == tilbudt
    assert vedlegg.fil.name.endswith(".pdf")
    svar = klient_for(utvikler).get(vedlegg.get_absolute_url())
    assert svar["Content-Disposition"].startswith("attachment;")
    assert f'filename="{tilbudt}"' in svar["Content-Disposition"]
    assert svar["X-Content-Type-Options"] == "nosniff"
    assert svar["Content-Security-Policy"] == "sandbox"


def test_an_older_row_with_a_dangerous_name_is_offered_under_a_safe_one(klient_for, utvikler):
    vedlegg = med_vedlegg(InnbyggerInnspillFactory())
    type(vedlegg).objects.filter(pk=vedlegg.pk).update(filnavn="angrep.hta")
    svar = klient_for(utvikler).get(vedlegg.get_absolute_url())
    assert 'filename="angrep.pdf"' in svar["Content-Disposition"]
