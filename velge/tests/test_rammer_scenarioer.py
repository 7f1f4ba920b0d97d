"""Frames, «what fits», scenarios and a decision citing one: who may do what, bad input, and
what the pages show."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from lxml import html as lxml_html

from konseptnotat import arsbelop
from velge import services
from velge.models import Beslutning, Ramme, Scenario, Utfall, Vurdering
from velge.tests.factories import kriterier_for, mote_med_notater

pytestmark = pytest.mark.django_db


def url(navn, portefolje, **kw):
    return reverse(f"velge:{navn}", kwargs={"slug": portefolje.slug, **kw})


def _rammepost(ar, **celler):
    data = {}
    for a in arsbelop.planar():
        for d in ("investering", "drift", "personmaneder"):
            data[f"{a}_{d}"] = ""
        data[f"{a}_versjon"] = "0"
    for a, verdier in celler.items():
        data.update({f"{a}_{d}": v for d, v in verdier.items()})
    return data


@pytest.fixture
def sak(portefolje, leder, medlem):
    """Three scored notes with costs next year; the leader and member have scored them all."""
    kriterier = kriterier_for(portefolje)
    mote, notater = mote_med_notater(portefolje, antall=3)
    neste = arsbelop.planar()[1]
    kostnader = [500_000, 400_000, 300_000]
    for n, (notat, inv) in enumerate(zip(notater, kostnader, strict=True)):
        notat.arsbelop = [{"ar": neste, "investering": inv, "drift": 0, "personmaneder": 1}]
        notat.save()
        for person in (leder, medlem):
            for k in kriterier:
                Vurdering.objects.create(kriterium=k, notat=notat, medlem=person, poeng=5 - n)
    return mote, notater


@pytest.mark.parametrize(
    ("rolle", "forventet"),
    [("leder", 200), ("sekretaer", 403), ("medlem", 403), ("ansatt", 403), ("anonym", 302)],
)
def test_only_the_chair_sets_frames(
    portefolje, leder, sekretaer, medlem, ansatt, klient_for, client, rolle, forventet
):
    brukere = {"leder": leder, "sekretaer": sekretaer, "medlem": medlem, "ansatt": ansatt}
    klient = klient_for(brukere[rolle]) if rolle in brukere else client
    neste = arsbelop.planar()[1]
    svar = klient.post(
        url("rammer", portefolje), _rammepost(None, **{str(neste): {"investering": "1 000 000"}})
    )
    assert svar.status_code == (302 if forventet == 200 else forventet)
    assert Ramme.objects.filter(portefolje=portefolje).exists() == (rolle == "leder")
    if rolle == "leder":
        ramme = Ramme.objects.get(portefolje=portefolje)
        assert ramme.investering == 1_000_000 and ramme.history.count() == 1


@pytest.mark.parametrize(
    ("verdi", "melding"),
    [
        ("-5", "negativt"),
        ("99999999999", "10 milliarder"),
        ("mange", "ikke et tall"),
        ("1,5", "hele kroner"),
    ],
)
def test_bad_frame_amounts_are_refused_at_the_cell_and_kept(
    portefolje, leder, klient_for, verdi, melding
):
    neste = arsbelop.planar()[1]
    svar = klient_for(leder).post(
        url("rammer", portefolje),
        _rammepost(None, **{str(neste): {"investering": verdi, "drift": "200000"}}),
    )
    assert svar.status_code == 200
    innhold = svar.content.decode()
    assert melding in innhold and f'value="{verdi}"' in innhold and 'value="200000"' in innhold
    assert not Ramme.objects.exists()


def test_a_frame_for_a_past_year_is_refused(portefolje, leder):
    with pytest.raises(Exception, match="passert|passed"):
        services.rammer_lagre(
            portefolje=portefolje,
            aktor=leder,
            rammer={timezone.localdate().year - 1: {"investering": 1}},
            versjoner={},
        )
    assert not Ramme.objects.exists()


def test_page_shows_costs_cumulative_totals_and_the_line(portefolje, leder, klient_for, sak):
    neste = arsbelop.planar()[1]
    Ramme.objects.create(portefolje=portefolje, ar=neste, investering=1_000_000)
    _mote, notater = sak
    notater[2].arsbelop = None  # no structured costs
    notater[2].save()
    Ramme.objects.filter(ar=neste).update(investering=600_000)
    innhold = klient_for(leder).get(url("detalj", portefolje) + f"?ar={neste}").content.decode()
    assert "Hva får plass innenfor rammene" in innhold
    assert "Streken: her tar rammen slutt (investering " in innhold
    assert "Kostnad ukjent" in innhold
    assert (
        "500\u00a0000\u00a0kr" in innhold and "900\u00a0000\u00a0kr" in innhold
    )  # Σ 500 000 + 400 000


@pytest.mark.parametrize(
    ("rolle", "ser", "lagrer"),
    [
        ("leder", 200, True),
        ("sekretaer", 200, True),
        ("medlem", 200, False),
        ("ansatt", 403, False),
        ("anonym", 302, False),
    ],
)
def test_who_sees_and_saves_scenarios(
    portefolje, leder, sekretaer, medlem, ansatt, klient_for, client, sak, rolle, ser, lagrer
):
    brukere = {"leder": leder, "sekretaer": sekretaer, "medlem": medlem, "ansatt": ansatt}
    klient = klient_for(brukere[rolle]) if rolle in brukere else client
    assert klient.get(url("scenarioer", portefolje)).status_code == ser
    svar = klient.post(url("scenarioer", portefolje), {"navn": "Forsøk", **_vekter(portefolje)})
    assert Scenario.objects.filter(navn="Forsøk").exists() == lagrer
    if not lagrer:
        assert svar.status_code in (302, 403) and (rolle == "anonym") == (svar.status_code == 302)


def _vekter(portefolje):
    return {f"vekt_{k.pk}": str(k.vekt) for k in portefolje.kriterier.all()}


def test_scenario_forcing_in_over_the_frame_is_allowed_and_flagged(
    portefolje, leder, klient_for, sak
):
    _mote, notater = sak
    neste = arsbelop.planar()[1]
    klient = klient_for(leder)
    data = {
        "navn": "Alt inn",
        "tvunget_inn": [n.pk for n in notater],
        **_vekter(portefolje),
        f"{neste}_investering": "500000",
    }
    svar = klient.post(url("scenarioer", portefolje), data)
    assert Scenario.objects.filter(navn="Alt inn").exists()
    assert svar.status_code == 302
    innhold = klient.get(svar.url).content.decode()
    assert "Over rammen" in innhold and "3 notater i settet" in innhold


def test_bad_scenario_input_keeps_what_was_typed(portefolje, leder, klient_for, sak):
    _mote, [a, *_] = sak
    neste = arsbelop.planar()[1]
    svar = klient_for(leder).post(
        url("scenarioer", portefolje),
        {
            "navn": "Feil",
            "tvunget_inn": [a.pk],
            "tvunget_ut": [a.pk],
            **_vekter(portefolje),
            f"{neste}_drift": "-1",
        },
    )
    innhold = svar.content.decode()
    assert svar.status_code == 200 and not Scenario.objects.exists()
    assert "både tvinges inn og ut" in innhold and 'value="Feil"' in innhold


def test_compare_two_scenarios_decide_citing_one_and_the_minutes_show_it(
    portefolje, leder, klient_for, sak
):
    mote, notater = sak
    neste = arsbelop.planar()[1]
    Ramme.objects.create(portefolje=portefolje, ar=neste, investering=800_000)
    a = services.scenario_lagre(portefolje=portefolje, aktor=leder, navn="Stram")
    b = services.scenario_lagre(
        portefolje=portefolje,
        aktor=leder,
        navn="Romslig",
        rammer={neste: {"investering": 2_000_000}},
    )
    klient = klient_for(leder)
    innhold = klient.get(url("sammenlign", portefolje) + f"?s={a.pk}&s={b.pk}").content.decode()
    assert "Stram" in innhold and "Romslig" in innhold and "Samlet vektet sum" in innhold
    # Stram: 800 000 fits the best note (500 000) and the third (300 000); Romslig takes all three.
    assert innhold.count("Inne") >= 5
    enkelt = klient.get(url("sammenlign", portefolje) + f"?s={a.pk}").content.decode()
    assert "Velg to eller tre scenarioer" in enkelt
    svar = klient.post(
        url("beslutt", portefolje, pk=mote.pk, notat_pk=notater[0].pk),
        {
            "utfall": Utfall.GODKJENT,
            "begrunnelse": "Innenfor rammen.",
            "scenario": a.pk,
            "prosjekteier": notaten(notater).eier_id,
            "bekreft": "on",
        },
    )
    assert svar.status_code == 302, svar.content.decode()[:2000]
    assert Beslutning.objects.get(notat=notaten(notater)).scenario == a
    protokoll = klient.get(url("protokoll", portefolje, pk=mote.pk)).content.decode()
    assert "Scenario fulgt" in protokoll and "Stram" in protokoll
    docx = klient.get(url("protokoll-docx", portefolje, pk=mote.pk))
    import io

    from docx import Document

    tekst = "\n".join(
        c.text for t in Document(io.BytesIO(docx.content)).tables for r in t.rows for c in r.cells
    )
    assert "Stram" in tekst


def notaten(notater):
    return notater[0]


def test_a_decision_cannot_cite_another_portfolios_scenario(portefolje, klg, leder, sak):
    from portefolje.models import Medlemskap, Rolle

    mote, notater = sak
    Medlemskap.objects.create(portefolje=klg, bruker=leder, rolle=Rolle.LEDER)
    annen = services.scenario_lagre(portefolje=klg, aktor=leder, navn="KLG sitt")
    with pytest.raises(Exception, match="scenario"):
        services.beslutning_fatt(
            mote=mote,
            notat=notater[0],
            utfall=Utfall.GODKJENT,
            begrunnelse="Ja.",
            aktor=leder,
            scenario=annen,
        )


def test_a_note_nobody_has_scored_is_named_as_left_out_of_the_proposal(
    portefolje, leder, klient_for, sak
):
    """The optimiser never chooses a note without scores; the proposal says which they are,
    so the chair does not read the set as complete."""
    from velge.tests.factories import KonseptnotatFactory

    neste = arsbelop.planar()[1]
    Ramme.objects.create(portefolje=portefolje, ar=neste, investering=5_000_000)
    ny = KonseptnotatFactory(
        portefolje=portefolje,
        tittel="Digital postmottak",
        arsbelop=[{"ar": neste, "investering": 1, "drift": 0, "personmaneder": 0}],
    )
    innhold = klient_for(leder).get(url("scenarioer", portefolje)).content.decode()
    assert "1 notat er ikke vurdert ennå og er ikke i settet:" in innhold
    assert f'<a href="{ny.get_absolute_url()}">Digital postmottak</a>' in innhold


def _rammeskjema(klient, portefolje) -> dict:
    """What a browser would send back from the frames form as the page renders it."""
    svar = klient.get(url("rammer", portefolje))
    assert svar.status_code == 200
    [skjema] = lxml_html.fromstring(svar.content.decode()).xpath(
        "//form[.//input[contains(@name, '_versjon')]]"
    )
    return {n: v for n, v in skjema.form_values() if n != "csrfmiddlewaretoken"}


def test_a_stale_frames_page_cannot_put_back_a_frame_someone_changed(portefolje, leder):
    neste = arsbelop.planar()[1]
    Ramme.objects.create(portefolje=portefolje, ar=neste, investering=1_000_000)
    # The chair on two machines: each opened the page before either saved.
    forste, andre = Client(), Client()
    forste.force_login(leder)
    andre.force_login(leder)
    side_forste, side_andre = _rammeskjema(forste, portefolje), _rammeskjema(andre, portefolje)

    side_forste[f"{neste}_investering"] = "2 000 000"
    assert forste.post(url("rammer", portefolje), side_forste).status_code == 302

    side_andre[f"{neste}_drift"] = "300 000"
    svar = andre.post(url("rammer", portefolje), side_andre)
    assert svar.status_code == 409
    assert "Noen andre lagret dette etter at du åpnet det." in svar.content.decode()
    ramme = Ramme.objects.get(portefolje=portefolje, ar=neste)
    assert (ramme.investering, ramme.drift) == (2_000_000, None)

    # The page now carries the saved version: having compared, the chair saves again.
    etter = {
        n: v
        for n, v in lxml_html.fromstring(svar.content.decode())
        .xpath("//form[.//input[contains(@name, '_versjon')]]")[0]
        .form_values()
        if n != "csrfmiddlewaretoken"
    }
    assert etter[f"{neste}_drift"] == "300 000"
    etter[f"{neste}_investering"] = "2 000 000"
    assert andre.post(url("rammer", portefolje), etter).status_code == 302
    ramme.refresh_from_db()
    assert (ramme.investering, ramme.drift) == (2_000_000, 300_000)
