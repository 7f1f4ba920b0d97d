"""The demo data: twelve projects with the cases the demo needs; a second run changes nothing."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from prosjekter import selectors
from prosjekter.demo import PROSJEKTER
from prosjekter.models import Prosjekt, Ressursallokering, Statusrapport
from prosjekter.selectors import med_siste_status
from tests.demodata import demo_data_lag

pytestmark = pytest.mark.django_db


def _kjor():
    call_command("demo_data", force=True, stdout=io.StringIO())


def test_demo_projects_cover_phases_states_and_the_cases_to_show():
    demo_data_lag()  # the command's content, from the process's snapshot (tests/demodata.py)
    idag = timezone.localdate()
    # The Styre demo's own projects (Velge's approvals add others).
    nummer = [d.nummer for d in PROSJEKTER]
    prosjekter = list(med_siste_status(Prosjekt.objects.filter(nummer__in=nummer)))
    assert len(prosjekter) == 12
    assert {p.fase for p in prosjekter} == {
        "konsept",
        "planlegge",
        "gjennomfore",
        "avslutte",
        "realisere",
    }
    assert {p.tilstand for p in prosjekter} == {
        "ikke_startet",
        "aktiv",
        "pa_vent",
        "stoppet",
        "avsluttet",
    }
    assert all(p.prosjektleder.username == "prosjektleder" for p in prosjekter)
    assert {p.prosjekteier.username for p in prosjekter} == {"helseleder", "klg"}
    # One report due in three days, one ten days overdue, one escalated (twenty days).
    forfalte = {p.nummer for p in prosjekter if selectors.rapport_forfalt(p)}
    assert forfalte == {"P-2025-002", "P-2025-003"}
    snart = {p.nummer: selectors.neste_rapportfrist(p) for p in prosjekter}["P-2025-005"]
    assert snart == idag + datetime.timedelta(days=3)
    aktive_rode = [p.nummer for p in prosjekter if p.tilstand == "aktiv" and p.siste_farge == "rod"]
    assert aktive_rode == ["P-2025-002"]
    tidslinje = selectors.ressurstidslinje(Prosjekt.objects.all(), fra=idag)
    overbooket = [r["person"].username for r in tidslinje["rader"] if r["overbooket"]]
    assert overbooket == ["prosjektleder"]


def test_a_second_run_changes_no_row():
    demo_data_lag()  # the first run's result
    for_ = (
        Prosjekt.objects.count(),
        Statusrapport.objects.count(),
        Ressursallokering.objects.count(),
    )
    _kjor()
    assert (
        Prosjekt.objects.count(),
        Statusrapport.objects.count(),
        Ressursallokering.objects.count(),
    ) == for_
