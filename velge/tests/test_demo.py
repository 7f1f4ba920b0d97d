"""Velge's demo data: the meeting docs/velge.md describes is there to click through."""

import io

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db.models import F

from ideer.models import Innspill
from konseptnotat.models import Konseptnotat
from portefolje.models import Portefolje
from tests.demodata import demo_data_lag
from velge import selectors
from velge.models import (
    Agendapunkt,
    Beslutning,
    Inhabilitet,
    Kriterium,
    Mote,
    Utfall,
    Vurdering,
)


@pytest.fixture
def demo(db):
    # The command's content, put back from the process's snapshot (tests/demodata.py).
    demo_data_lag()


def test_klg_and_health_have_the_six_criteria(demo):
    for slug in ("klg", "helse-og-omsorg"):
        navn = list(Kriterium.objects.filter(portefolje__slug=slug).values_list("navn", flat=True))
        assert navn[0] == "Strategisk forankring" and "Kostnad" in navn and len(navn) == 6
    assert (
        Kriterium.objects.filter(navn="Risiko og gjennomførbarhet", retning="lav_er_bra").count()
        == 2
    )


def test_past_meeting_has_scores_and_every_kind_of_decision(demo):
    utfall = set(
        Beslutning.objects.filter(portefolje__slug="helse-og-omsorg").values_list(
            "utfall", flat=True
        )
    )
    assert {Utfall.GODKJENT, Utfall.AVVIST, Utfall.PARKERT, Utfall.LOFTET_TIL_KLG} <= utfall
    vurderinger = Vurdering.objects.filter(kriterium__portefolje__slug="helse-og-omsorg")
    assert vurderinger.count() >= 48
    # The initiator owns the demo's notes: disqualified on them, she scores none.
    assert not vurderinger.filter(medlem=F("notat__eier")).exists()


def test_demo_shows_a_disqualified_member_and_a_deputy_chair(demo):
    erklart = Inhabilitet.objects.get(notat__tittel="Ny turnusplanlegging i sykehjemmene")
    assert erklart.medlem.username == "omsorgsleder" and erklart.grunn
    helse = Portefolje.objects.get(slug="helse-og-omsorg")
    assert selectors.regel_for(helse).stedfortreder.username == "omsorgsleder"


def test_lifted_note_is_on_klgs_upcoming_agenda(demo):
    notat = Konseptnotat.objects.get(tittel="Medisindispensere for hjemmeboende")
    assert notat.portefolje.slug == "klg"
    assert Agendapunkt.objects.filter(notat=notat, mote__portefolje__slug="klg").exists()


@pytest.mark.parametrize("brukernavn", ["klg", "helseleder"])
def test_upcoming_meetings_wait_for_klg_and_helseleder(demo, brukernavn, django_user_model):
    bruker = django_user_model.objects.get(username=brukernavn)
    assert selectors.venter_pa_vurdering(bruker).count() >= 2
    # The Velge demo's four meetings, each with an agenda.
    assert Mote.objects.filter(agendapunkter__isnull=False).distinct().count() == 4


def test_demo_shows_disagreement(demo, django_user_model):
    mote = Mote.objects.get(tittel="Porteføljemøte helse og omsorg, oktober")
    resultater = selectors.moteresultat(
        mote=mote, bruker=django_user_model.objects.get(username="ansatt")
    )
    assert any(r.uenighet for r in resultater)


@pytest.mark.slow
def test_large_adds_benchmark_volume_once(settings, db):
    settings.DEBUG = True
    call_command("demo_data", "--size", "large", stdout=io.StringIO())
    ventende = Konseptnotat.objects.filter(portefolje__slug="klg", status="klar").count()
    beslutninger = Beslutning.objects.filter(portefolje__slug="klg").count()
    assert ventende >= 400 and beslutninger >= 2000
    call_command("demo_data", "--size", "large", stdout=io.StringIO())
    assert Konseptnotat.objects.filter(portefolje__slug="klg", status="klar").count() == ventende
    assert Beslutning.objects.filter(portefolje__slug="klg").count() == beslutninger
    # Styre's models by name: velge comes before prosjekter in the flow.
    Prosjekt = apps.get_model("prosjekter", "Prosjekt")
    Statusrapport = apps.get_model("prosjekter", "Statusrapport")
    # The benchmark's volume: 20 000 inputs, 1 000 projects with five years of monthly reports.
    assert Innspill.objects.count() >= 20_000
    assert Prosjekt.objects.filter(nummer__startswith="B-").count() == 1000
    assert Statusrapport.objects.filter(prosjekt__nummer__startswith="B-").count() == 60_000
    innspill = Innspill.objects.count()

    # «xlarge» tops it up to twice the volume (the benchmark's growth run), once.
    for _ in range(2):
        call_command("demo_data", "--size", "xlarge", stdout=io.StringIO())
        assert (
            Konseptnotat.objects.filter(portefolje__slug="klg", status="klar").count()
            == ventende + 400
        )
        assert Beslutning.objects.filter(portefolje__slug="klg").count() == beslutninger + 2000
        assert Innspill.objects.count() == innspill + 20_000
        assert Prosjekt.objects.filter(nummer__startswith="B-").count() == 2000
        assert Statusrapport.objects.filter(prosjekt__nummer__startswith="B-").count() == 120_000
