import io

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command

from portefolje.models import Medlemskap, Portefolje, Rolle
from tests.demodata import demo_data_lag


def antall_rader():
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if model._meta.app_label in {"auth", "portefolje", "ideer", "konseptnotat", "prosjekter"}
    }


@pytest.mark.django_db
def test_second_run_changes_nothing(settings):
    settings.DEBUG = True
    demo_data_lag()  # the first run's result, from the process's snapshot (tests/demodata.py)
    forste = antall_rader()
    call_command("demo_data", stdout=io.StringIO())
    assert antall_rader() == forste
    assert forste["auth.User"] >= 7


@pytest.mark.django_db
def test_refuses_with_debug_off_and_writes_nothing(settings):
    settings.DEBUG = False
    for_kjoring = antall_rader()
    with pytest.raises(CommandError, match="--force"):
        call_command("demo_data", stdout=io.StringIO())
    assert antall_rader() == for_kjoring


@pytest.mark.django_db
def test_force_runs_with_debug_off(settings):
    settings.DEBUG = False
    call_command("demo_data", "--force", stdout=io.StringIO())
    assert Portefolje.objects.filter(forelder__slug="klg").count() == 4


@pytest.mark.django_db
def test_demo_roles_match_the_design():
    demo_data_lag()  # the command's content, from the process's snapshot (tests/demodata.py)
    assert Portefolje.objects.get(slug="klg").leder.username == "klg"
    assert Portefolje.objects.get(slug="helse-og-omsorg").leder.username == "helseleder"
    assert Medlemskap.objects.filter(bruker__username="utvikler", rolle=Rolle.SEKRETAER).exists()


@pytest.mark.django_db
def test_output_is_a_short_summary_with_notifications_per_kind(settings):
    settings.DEBUG = True
    ut = io.StringIO()
    call_command("demo_data", stdout=ut)
    linjer = ut.getvalue().splitlines()
    assert len(linjer) <= 15
    assert not any(linje.startswith(("Subject:", "From:", "Content-Type")) for linje in linjer)
    (varsler,) = [linje for linje in linjer if linje.startswith("Varsler:")]
    assert "Konseptnotat sendt tilbake til revisjon" in varsler  # counted per kind
    assert ".run/epost/" in varsler
