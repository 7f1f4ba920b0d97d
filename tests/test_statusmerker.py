"""Every phase's status badge goes through portefolje.farger: the word, and its colour's class."""

import pytest
from django.template import Context, Template
from django.template.loader import render_to_string
from django.utils import translation

from ideer.models import Innspill
from ideer.models import Status as Innspillstatus
from konseptnotat.models import Konseptnotat
from konseptnotat.models import Status as Notatstatus
from prosjekter.models import Leveranse, Leveransestatus, Statusrapport
from velge.models import Beslutning, Utfall


@pytest.fixture(autouse=True)
def bokmal():
    with translation.override("nb"):
        yield


@pytest.mark.parametrize(
    ("mal", "kontekst", "ord", "klasse"),
    [
        (
            "ideer/_status.html",
            {"innspill": Innspill(status=Innspillstatus.AVVIST)},
            "Avvist",
            "rod",
        ),
        (
            "ideer/_status.html",
            {"innspill": Innspill(status=Innspillstatus.PARKERT)},
            "Parkert",
            "gra",
        ),
        (
            "konseptnotat/_status.html",
            {"notat": Konseptnotat(status=Notatstatus.KLAR)},
            "Klar for behandling",
            "gronn",
        ),
        (
            "konseptnotat/_status.html",
            {"notat": Konseptnotat(status=Notatstatus.TIL_REVISJON)},
            "Sendt tilbake til revisjon",
            "rod",
        ),
        (
            "velge/_utfall.html",
            {"b": Beslutning(utfall=Utfall.GODKJENT)},
            "Godkjent som prosjekt",
            "gronn",
        ),
        ("velge/_utfall.html", {"b": Beslutning(utfall=Utfall.PARKERT)}, "Parkert", "gul"),
    ],
)
def test_fasens_merke_har_ord_og_fargeklasse(mal, kontekst, ord, klasse):
    html = render_to_string(mal, kontekst)
    assert f'class="status status-{klasse}"' in html
    assert ord in html


def test_prosjektets_merker_bruker_kjernens_farger():
    rapport = Statusrapport(fremdrift="forsinket", okonomi="pa_budsjett")
    rapport.farge = rapport.beregn_farge()
    leveranse = Leveranse(status=Leveransestatus.SMA_AVVIK)
    mal = Template(
        "{% load farger %}{% statusmerke r.farge r.get_farge_display %}"
        "{% statusmerke l.farge l.get_status_display %}"
    )
    html = mal.render(Context({"r": rapport, "l": leveranse}))
    assert '<span class="status status-rod">Rød</span>' in html
    assert '<span class="status status-gul">Små avvik</span>' in html


def test_merke_uten_ord_sier_ikke_satt_i_gratt():
    html = Template('{% load farger %}{% statusmerke "rod" "" %}').render(Context())
    assert html == '<span class="status status-gra">Ikke satt</span>'
