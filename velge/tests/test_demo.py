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


# The benchmark's volume, a hundredth of it: the same code paths (bulk insert, «only what is
# missing», the top-up to twice), in a second instead of a minute. `make bench` prints the full
# volume it measured on.
SKALERT = {
    "ideer.demo.STORT_ANTALL": 200,
    "konseptnotat.demo.LARGE_ANTALL": 30,
    "velge.demo.volum.VOLUM_NOTATER": 4,
    "velge.demo.volum.VOLUM_BESLUTNINGER": 20,
    "prosjekter.demo.VOLUM_PROSJEKTER": 10,
}


def test_large_adds_benchmark_volume_once_and_xlarge_twice(settings, db, monkeypatch):
    settings.DEBUG = True
    for navn, antall in SKALERT.items():
        monkeypatch.setattr(navn, antall)
    Prosjekt = apps.get_model("prosjekter", "Prosjekt")
    Statusrapport = apps.get_model("prosjekter", "Statusrapport")

    def telling():
        return {
            "ventende": Konseptnotat.objects.filter(portefolje__slug="klg", status="klar").count(),
            "beslutninger": Beslutning.objects.filter(portefolje__slug="klg").count(),
            "innspill": Innspill.objects.count(),
            "notater": Konseptnotat.objects.count(),
            "prosjekter": Prosjekt.objects.filter(nummer__startswith="B-").count(),
            # Five years of monthly reports per benchmark project.
            "rapporter": Statusrapport.objects.filter(prosjekt__nummer__startswith="B-").count(),
        }

    demo_data_lag()  # the normal demo, from the process's snapshot
    normal = telling()
    for _ in range(2):  # «large» adds the volume once: a second run adds nothing
        call_command("demo_data", "--size", "large", stdout=io.StringIO())
        large = telling()
        assert large["ventende"] == normal["ventende"] + 4
        assert large["beslutninger"] == normal["beslutninger"] + 20
        assert large["innspill"] == normal["innspill"] + 200
        assert large["notater"] == normal["notater"] + 30 + 4 + 20
        assert large["prosjekter"] == 10
        assert large["rapporter"] == 10 * 60

    for _ in range(2):  # «xlarge» tops it up to twice the volume, once
        call_command("demo_data", "--size", "xlarge", stdout=io.StringIO())
        xlarge = telling()
        assert xlarge["ventende"] == normal["ventende"] + 2 * 4
        assert xlarge["beslutninger"] == normal["beslutninger"] + 2 * 20
        assert xlarge["innspill"] == normal["innspill"] + 2 * 200
        assert xlarge["notater"] == normal["notater"] + 2 * (30 + 4 + 20)
        assert xlarge["prosjekter"] == 2 * 10
        assert xlarge["rapporter"] == 2 * 10 * 60
