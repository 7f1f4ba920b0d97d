"""History, the diff between two versions, the print view and the PDF."""

import pytest
from django.urls import reverse

from konseptnotat import services
from konseptnotat.models import Status

from .factories import KonseptnotatFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def notat_med_historikk(utvikler):
    notat = KonseptnotatFactory(komplett=True, mal="Halvere kjøretiden")
    notat = services.notat_lagre(
        notat=notat, data={"mal": "Halvere kjøretiden innen 2028"}, fra_versjon=1, aktor=notat.eier
    )
    services.versjon_frys(notat=notat, aktor=utvikler)
    return notat


def test_history_lists_every_version_and_marks_the_frozen_one(client, notat_med_historikk):
    notat = notat_med_historikk
    client.force_login(notat.eier)
    html = client.get(reverse("konseptnotat:historikk", kwargs={"pk": notat.pk})).content.decode()
    assert "Frosset: gikk til porteføljemøte" in html
    assert html.count('<th scope="row">') == 2


def test_history_shows_a_dash_for_a_version_whose_author_is_gone(
    client, notat_med_historikk, django_user_model
):
    """A person who saved a version may be deleted later (the version keeps its text, the link
    is set to null): the history still opens, with «–» for who saved it."""
    notat = notat_med_historikk
    forfatter = django_user_model.objects.create_user("sluttet", first_name="Slutta")
    notat.versjoner.filter(nummer=1).update(lagret_av=forfatter)
    forfatter.delete()
    client.force_login(notat.eier)
    svar = client.get(reverse("konseptnotat:historikk", kwargs={"pk": notat.pk}))
    assert svar.status_code == 200
    rad = svar.content.decode().split('<th scope="row">1</th>')[1].split("</tr>")[0]
    assert "<td>–</td>" in rad


def test_diff_marks_changes_with_words_not_colour_alone(client, notat_med_historikk):
    notat = notat_med_historikk
    client.force_login(notat.eier)
    url = reverse("konseptnotat:diff", kwargs={"pk": notat.pk}) + "?fra=1&til=2"
    html = client.get(url).content.decode()
    assert '<ins><span class="visually-hidden">[lagt til: </span> innen 2028' in html
    assert "Endret" in html and "Uendret" in html


def test_diff_without_parameters_compares_the_latest_two(client, notat_med_historikk):
    client.force_login(notat_med_historikk.eier)
    svar = client.get(reverse("konseptnotat:diff", kwargs={"pk": notat_med_historikk.pk}))
    assert svar.context["fra"].nummer == 1 and svar.context["til"].nummer == 2


@pytest.mark.parametrize("query", ["?fra=1&til=99", "?fra=x&til=2", "?fra=-1&til=1"])
def test_diff_with_bad_versions_explains_instead_of_failing(client, notat_med_historikk, query):
    client.force_login(notat_med_historikk.eier)
    url = reverse("konseptnotat:diff", kwargs={"pk": notat_med_historikk.pk}) + query
    svar = client.get(url)
    assert svar.status_code == 200 and "Velg to versjoner som finnes." in svar.content.decode()


def test_print_view_shows_a_version_with_the_templates_titles(client, notat_med_historikk):
    client.force_login(notat_med_historikk.eier)
    url = reverse("konseptnotat:utskrift", kwargs={"pk": notat_med_historikk.pk})
    html = client.get(url + "?versjon=1").content.decode()
    assert "Bakgrunn og behov" in html and "Halvere kjøretiden" in html
    assert "innen 2028" not in html
    assert client.get(url + "?versjon=77").status_code == 404
    assert "build/portal.css" in html  # the one stylesheet, the note's print styles in it


def test_pdf_download(client, notat_med_historikk):
    client.force_login(notat_med_historikk.eier)
    svar = client.get(reverse("konseptnotat:pdf", kwargs={"pk": notat_med_historikk.pk}))
    assert svar.status_code == 200
    assert svar["Content-Type"] == "application/pdf"
    assert svar.content.startswith(b"%PDF")
    assert "attachment" in svar["Content-Disposition"]


def test_reusable_include_renders_a_versions_content():
    from django.template import Context, Template

    innhold = {"tittel": "T", "mal": "Et mål", "investering": "1200000", "gevinst_tid_spart": True}
    html = Template('{% include "konseptnotat/_innhold.html" with innhold=innhold %}').render(
        Context({"innhold": innhold})
    )
    assert "Et mål" in html and "1 200 000 kr" in html.replace("\xa0", " ")
    assert "Grov tidsplan" in html


def test_drafts_print_view_is_private(client, ansatt):
    notat = KonseptnotatFactory(status=Status.UTKAST)
    client.force_login(ansatt)
    for navn in ["utskrift", "pdf", "historikk", "diff"]:
        assert (
            client.get(reverse(f"konseptnotat:{navn}", kwargs={"pk": notat.pk})).status_code == 404
        )


def test_detail_page_links_the_frozen_version(client, notat_med_historikk):
    client.force_login(notat_med_historikk.eier)
    html = client.get(notat_med_historikk.get_absolute_url()).content.decode()
    assert "Frosne versjoner" in html and "?versjon=2" in html
