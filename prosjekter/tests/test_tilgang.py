"""Styre's screens for the roles who may see them, on demo data. The outsider and anonymous walk
over every URL is the project-wide one (tests/test_tilgangsvandring.py, rules in tilgang.py)."""

import pytest
from django.urls import get_resolver, reverse

from prosjekter.tests import tilgang
from tests.demodata import demo_data_lag


def _navn():
    resolver = get_resolver()
    _ns, sub = resolver.namespace_dict["prosjekter"]
    return sorted(f"prosjekter:{n}" for n in sub.reverse_dict if isinstance(n, str))


@pytest.fixture
def demo(db):
    demo_data_lag()
    from django.contrib.auth import get_user_model

    return {u.username: u for u in get_user_model().objects.all()}


def _url(navn):
    kwargs = tilgang.EKSEMPEL_KWARGS.get(navn)
    return reverse(navn, kwargs=kwargs() if kwargs else None)


LESESKJERMER = {
    "prosjekter:detalj",
    "prosjekter:rapport",
    "prosjekter:rapport-pdf",
    "prosjekter:startplan",
    "prosjekter:program",
    # KLG chairs its own portfolio, so it may create a (KLG) programme.
    "prosjekter:program-ny",
}


def test_klg_reads_a_section_project_but_does_not_edit_it(demo, client):
    client.force_login(demo["klg"])
    for navn in _navn():
        if navn in tilgang.EGNE_FILER:
            continue  # each person's own timeline PDF (test_tidslinjefil.py)
        if navn in tilgang.ALLE_ANSATTE or navn in LESESKJERMER:
            assert client.get(_url(navn)).status_code == 200, navn
        else:
            assert client.post(_url(navn), {}).status_code in (403, 404), navn


def test_the_manager_and_the_chair_open_every_screen(demo, client):
    """The project manager and the section's chair get 200 on every GET screen."""
    for bruker in ("prosjektleder", "helseleder"):
        client.force_login(demo[bruker])
        for navn in _navn():
            if navn.endswith(
                ("-arkiver", "-publiser", "rapport-ny", "kapasitet", "startvedtak", "-legg-til")
            ) or navn in ("prosjekter:program-fjern",):
                continue  # POST only
            if navn.startswith("prosjekter:program-") and bruker != "helseleder":
                continue  # the chair's and the development team's
            if navn == "prosjekter:program" and bruker == "prosjektleder":
                continue  # the portfolio's leader group and the programme's owner
            chair_only = ("prosjekter:styringsbeslutning", "prosjekter:offentlighet")
            if navn in chair_only and bruker != "helseleder":
                continue
            if navn == "prosjekter:startplan" and bruker == "prosjektleder":
                continue
            if navn.startswith("prosjekter:import"):
                continue  # the development team's and administrators' (test_import_tilgang.py)
            if navn in tilgang.EGNE_FILER:
                continue  # each person's own timeline PDF (test_tidslinjefil.py)
            assert client.get(_url(navn)).status_code == 200, (bruker, navn)


def test_the_editable_projects_query_is_the_edit_rule(demo):
    """`Prosjekt.objects.redigerbare_for` (the API's drafts) and `kan_redigere` (the pages)
    agree for every demo user and project, anonymous included."""
    from django.contrib.auth.models import AnonymousUser

    from prosjekter.models import Prosjekt
    from prosjekter.permissions import kan_redigere

    prosjekter = list(Prosjekt.objects.select_related("portefolje"))
    redigerer_noe = 0
    for bruker in [*demo.values(), AnonymousUser()]:
        fra_sporring = set(Prosjekt.objects.redigerbare_for(bruker).values_list("pk", flat=True))
        etter_regel = {p.pk for p in prosjekter if kan_redigere(bruker, p)}
        assert fra_sporring == etter_regel, getattr(bruker, "username", "anonym")
        redigerer_noe += bool(etter_regel) and len(etter_regel) < len(prosjekter)
    assert redigerer_noe >= 2  # the walk meets a chair and a manager, not only all or nothing
