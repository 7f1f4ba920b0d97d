"""Steering decisions: only the chair, rationale required, state and phase changed and audited."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from portefolje.models import Hendelse
from prosjekter import selectors
from prosjekter.models import Styringsbeslutning
from prosjekter.sjekklister import sjekkliste_for

pytestmark = pytest.mark.django_db


def _data(prosjekt, **ekstra):
    return {
        "type": "pa_vent",
        "begrunnelse": "Venter på budsjettvedtaket i kommunestyret.",
        "versjon": prosjekt.versjon,
        **ekstra,
    }


def test_the_chair_puts_a_project_on_hold_and_it_is_audited(prosjekt, leder, klient_for):
    url = reverse("prosjekter:styringsbeslutning", args=[prosjekt.pk])
    svar = klient_for(leder).post(url, _data(prosjekt))
    assert svar.status_code == 302
    prosjekt.refresh_from_db()
    assert prosjekt.tilstand == "pa_vent"
    beslutning = Styringsbeslutning.objects.get()
    assert (beslutning.fra_tilstand, beslutning.til_tilstand) == ("aktiv", "pa_vent")
    assert beslutning.besluttet_av == leder
    assert Hendelse.objects.filter(
        objekt_id=prosjekt.pk, handling="styringsbeslutning_pa_vent"
    ).exists()
    side = klient_for(leder).get(prosjekt.get_absolute_url()).content.decode()
    assert "Venter på budsjettvedtaket i kommunestyret." in side


def test_a_decision_without_rationale_is_refused_next_to_the_field(prosjekt, leder, klient_for):
    url = reverse("prosjekter:styringsbeslutning", args=[prosjekt.pk])
    svar = klient_for(leder).post(url, _data(prosjekt, begrunnelse="   "))
    assert svar.status_code == 200
    assert "Skriv begrunnelsen for beslutningen." in svar.content.decode()
    prosjekt.refresh_from_db()
    assert prosjekt.tilstand == "aktiv" and not Styringsbeslutning.objects.exists()


def test_changing_phase_needs_the_whole_checklist(prosjekt, leder, klient_for):
    url = reverse("prosjekter:styringsbeslutning", args=[prosjekt.pk])
    punkter = [str(p) for p in sjekkliste_for("avslutte")]
    klient = klient_for(leder)
    svar = klient.post(
        url, _data(prosjekt, type="endre_fase", til_fase="avslutte", sjekkliste=punkter[:1])
    )
    assert "Bekreft alle punktene i fasens sjekkliste." in svar.content.decode()
    prosjekt.refresh_from_db()
    assert prosjekt.fase == "gjennomfore"

    svar = klient.post(
        url, _data(prosjekt, type="endre_fase", til_fase="avslutte", sjekkliste=punkter)
    )
    assert svar.status_code == 302
    prosjekt.refresh_from_db()
    assert prosjekt.fase == "avslutte"
    assert Styringsbeslutning.objects.get().sjekkliste == punkter


def test_a_decision_on_a_stale_page_is_refused(prosjekt, leder, klient_for):
    url = reverse("prosjekter:styringsbeslutning", args=[prosjekt.pk])
    klient = klient_for(leder)
    gammel = _data(prosjekt, type="stopp", begrunnelse="Gevinstene uteblir.")
    klient.post(url, _data(prosjekt))  # someone puts it on hold first
    svar = klient.post(url, gammel)
    assert svar.status_code == 200
    assert "Noen andre lagret dette etter at du åpnet det" in svar.content.decode()
    prosjekt.refresh_from_db()
    assert prosjekt.tilstand == "pa_vent"


def test_a_closed_project_takes_no_more_decisions(prosjekt, leder, klient_for):
    url = reverse("prosjekter:styringsbeslutning", args=[prosjekt.pk])
    klient = klient_for(leder)
    klient.post(url, _data(prosjekt, type="avslutt", begrunnelse="Ferdig."))
    prosjekt.refresh_from_db()
    assert prosjekt.tilstand == "avsluttet"
    svar = klient.post(url, _data(prosjekt, type="fortsett"))
    assert "Prosjektet er avsluttet" in svar.content.decode()
    assert Styringsbeslutning.objects.count() == 1


@pytest.mark.parametrize("hvem", ["prosjektleder", "prosjekteier", "medlem", "ansatt"])
def test_only_the_chair_makes_steering_decisions(request, prosjekt, klient_for, hvem):
    klient = klient_for(request.getfixturevalue(hvem))
    url = reverse("prosjekter:styringsbeslutning", args=[prosjekt.pk])
    assert klient.get(url).status_code == 403
    assert klient.post(url, _data(prosjekt)).status_code == 403
    prosjekt.refresh_from_db()
    assert prosjekt.tilstand == "aktiv"


def test_anonymous_cannot_decide(client, prosjekt):
    url = reverse("prosjekter:styringsbeslutning", args=[prosjekt.pk])
    assert client.post(url, _data(prosjekt)).status_code == 302
    assert not Styringsbeslutning.objects.exists()


def test_the_portfolio_selector_lists_decisions_in_one_query(
    prosjekt, leder, klient_for, django_assert_num_queries
):
    url = reverse("prosjekter:styringsbeslutning", args=[prosjekt.pk])
    klient_for(leder).post(url, _data(prosjekt))
    with django_assert_num_queries(1):
        beslutninger = selectors.styringsbeslutninger_for_portefolje(prosjekt.portefolje)
        assert [(b.prosjekt.nummer, b.besluttet_av.username) for b in beslutninger] == [
            (prosjekt.nummer, "leder")
        ]


def test_ticks_on_other_phases_points_are_not_recorded(prosjekt, leder, klient_for):
    url = reverse("prosjekter:styringsbeslutning", args=[prosjekt.pk])
    punkter = [str(p) for p in sjekkliste_for("avslutte")]
    annet = str(sjekkliste_for("realisere")[0])
    klient_for(leder).post(
        url, _data(prosjekt, type="endre_fase", til_fase="avslutte", sjekkliste=[*punkter, annet])
    )
    assert Styringsbeslutning.objects.get().sjekkliste == punkter


def _grupper(innhold):
    """{phase: (hidden?, [point labels])} as the page renders the checklists."""
    import re

    grupper = {}
    for fase, attrs, kropp in re.findall(
        r'<fieldset class="mb-2" data-fase="(\w+)"([^>]*)>(.*?)</fieldset>', innhold, re.S
    ):
        etiketter = re.findall(r'<label class="form-check-label"[^>]*>([^<]+)</label>', kropp)
        grupper[fase] = ("hidden" in attrs, etiketter)
    return grupper


def test_the_checklist_is_shown_per_phase_and_only_the_chosen_one_after_a_refusal(
    prosjekt, leder, klient_for
):
    url = reverse("prosjekter:styringsbeslutning", args=[prosjekt.pk])
    klient = klient_for(leder)
    side = klient.get(url).content.decode()
    grupper = _grupper(side)
    # Each point once, under its own phase, not 17 points with a phase prefix in one list.
    assert list(grupper) == ["konsept", "planlegge", "gjennomfore", "avslutte", "realisere"]
    assert [len(e) for _, e in grupper.values()] == [2, 4, 5, 3, 3]
    assert not any(":" in e for _, etiketter in grupper.values() for e in etiketter)
    assert "data-sjekkliste-velger" in side and "js/prosjekter.js" in side

    svar = klient.post(url, _data(prosjekt, type="endre_fase", til_fase="avslutte"))
    grupper = _grupper(svar.content.decode())
    assert "Bekreft alle punktene i fasens sjekkliste." in svar.content.decode()
    assert [f for f, (skjult, _) in grupper.items() if not skjult] == ["avslutte"]


def _skjulte_felt(html: str) -> dict:
    """The hidden fields of the page's form, as the browser sends them back."""
    felt = {}
    for tagg in re.findall(r"<input[^>]*type=\"hidden\"[^>]*>", html):
        navn, verdi = re.search(r'name="([^"]+)"', tagg), re.search(r'value="([^"]*)"', tagg)
        if navn and navn[1] != "csrfmiddlewaretoken":
            felt[navn[1]] = verdi[1] if verdi else ""
    return felt


def test_two_decisions_from_stale_pages_the_second_gets_the_conflict(prosjekt, leder):
    """The chair's decision page is open in two browsers (the office and the meeting room), and
    both continue the project. Two «continue» decisions leave the state as it was, so only the
    project's version tells the second that a decision was made meanwhile."""
    url = reverse("prosjekter:styringsbeslutning", args=[prosjekt.pk])
    kontoret, motesalen = Client(), Client()
    for klient in (kontoret, motesalen):
        klient.force_login(leder)
    sider = [_skjulte_felt(k.get(url).content.decode()) for k in (kontoret, motesalen)]
    beslutning = {"type": "fortsett", "begrunnelse": "Gevinstene er på plass."}

    assert kontoret.post(url, {**sider[0], **beslutning}).status_code == 302
    svar = motesalen.post(url, {**sider[1], **beslutning, "begrunnelse": "Fortsett."})

    assert svar.status_code == 200
    assert "Noen andre lagret dette etter at du åpnet det" in svar.content.decode()
    assert list(Styringsbeslutning.objects.values_list("begrunnelse", flat=True)) == [
        "Gevinstene er på plass."
    ]
    # The page now carries the decided version: deciding again, having read it, goes through.
    igjen = _skjulte_felt(svar.content.decode())
    assert motesalen.post(url, {**igjen, **beslutning}).status_code == 302
    assert Styringsbeslutning.objects.count() == 2
