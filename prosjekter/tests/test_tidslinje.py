"""The portfolio timeline: the table is the picture's source, filters refuse what one may not
see, a constant number of queries at any size, milestones inside the project's period, PDF."""

import datetime
import html
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from portefolje import hurtigbuffer
from portefolje.models import Medlemskap, Portefolje, Rolle
from prosjekter import services
from prosjekter.beregning import add_maneder
from prosjekter.models import (
    Avhengighet,
    Leveranse,
    Program,
    Programprosjekt,
    Prosjekt,
    Statusrapport,
    Styringsbeslutning,
)
from prosjekter.tests.factories import (
    LeveranseFactory,
    ProsjektFactory,
    StatusrapportFactory,
)
from prosjekter.tidslinje import Akse, vindu

pytestmark = pytest.mark.django_db

URL = reverse("prosjekter:tidslinje")


def _rader(html: str) -> list[str]:
    """The project numbers in the table's rows, in order."""
    tabell = html.split('id="tidslinjetabell"', 1)[1].split("</table>", 1)[0]
    return re.findall(r'<th scope="row"><a href="/prosjekter/\d+/">([A-Z]-[\d-]+) ', tabell)


def _svg_lenker(html: str) -> list[str]:
    svg = html.split('<svg xmlns="http://www.w3.org/2000/svg" class="tidslinje-svg"', 1)[1]
    svg = svg.split("</svg>", 1)[0]
    return re.findall(r'<a href="/prosjekter/\d+/" class="tl-rad">\s*<title>([A-Z]-[\d-]+) ', svg)


def test_the_picture_and_the_table_show_the_same_projects_with_status_in_words(
    portefolje, leder, klient_for
):
    idag = timezone.localdate()
    a = ProsjektFactory(
        portefolje=portefolje,
        tittel="Velferdsteknologi",
        startdato=add_maneder(idag, -6),
        sluttdato=add_maneder(idag, 12),
    )
    StatusrapportFactory(prosjekt=a, farge="rod", fremdrift="forsinket")
    LeveranseFactory(prosjekt=a, tittel="Pilot", sluttdato=add_maneder(idag, 2))
    b = ProsjektFactory(portefolje=portefolje, tittel="Heltidskultur", startdato=idag)
    svar = klient_for(leder).get(URL)
    html = svar.content.decode()
    assert svar.status_code == 200
    assert sorted(_rader(html)) == sorted([a.nummer, b.nummer])
    assert sorted(_svg_lenker(html)) == sorted(_rader(html))
    # The colour never alone: the word in the picture's link name and as a badge in the table.
    assert "siste status Rød" in html
    assert '<span class="status status-rod">Rød</span>' in html
    assert "Pilot:" in html  # the milestone in the table
    assert "<title>Milepæl: Pilot" in html  # the same milestone in the picture


def test_a_planned_project_shows_the_start_plans_proposal(portefolje, leder, klient_for):
    from prosjekter.models import Kapasitet, Ressursbehov

    idag = timezone.localdate()
    Kapasitet.objects.create(
        portefolje=portefolje, fra_maned=idag.replace(day=1), personprosent=200
    )
    p = ProsjektFactory(portefolje=portefolje, tittel="Vikarpool", tilstand="ikke_startet")
    Ressursbehov.objects.create(prosjekt=p, maned_nr=1, personprosent=100)
    html = klient_for(leder).get(URL).content.decode()
    neste = add_maneder(idag, 1)
    assert "Foreslått oppstart" in html
    assert 'stroke-dasharray="5 3"' in html  # drawn dashed, not as a running project
    assert p.nummer in _rader(html)
    from django.utils.formats import date_format

    assert date_format(neste, "F Y") in html


def test_the_filter_for_a_portfolio_one_cannot_see_is_refused(portefolje, klg, leder, klient_for):
    annen = Portefolje.objects.create(navn="Oppvekst", slug="oppvekst", forelder=klg)
    ProsjektFactory(
        portefolje=annen,
        tittel="Hemmelig skole",
        unntatt_offentlighet=True,
        hjemmel="offentleglova § 23",
    )
    ProsjektFactory(portefolje=portefolje, tittel="Synlig")
    svar = klient_for(leder).get(URL, {"portefolje": annen.pk})
    html = svar.content.decode()
    assert svar.status_code == 400
    assert "Du kan ikke se den porteføljen" in html
    assert "Hemmelig skole" not in html and _rader(html) == []


def test_the_filter_by_programme_and_the_grouping(portefolje, leder, klient_for):
    program = Program.objects.create(navn="Heltid", portefolje=portefolje)
    i_program = ProsjektFactory(portefolje=portefolje, tittel="I programmet")
    ProsjektFactory(portefolje=portefolje, tittel="Utenfor")
    Programprosjekt.objects.create(program=program, prosjekt=i_program)
    html = klient_for(leder).get(URL).content.decode()
    assert "Program: Heltid" in html and "Ikke i et program" in html
    html = klient_for(leder).get(URL, {"program": program.pk}).content.decode()
    assert _rader(html) == [i_program.nummer]


def test_an_outsider_sees_no_project_exempt_from_public_access(portefolje, ansatt, klient_for):
    ProsjektFactory(
        portefolje=portefolje,
        tittel="Ikke ditt",
        unntatt_offentlighet=True,
        hjemmel="offentleglova § 23",
    )
    svar = klient_for(ansatt).get(URL)
    assert svar.status_code == 200 and _rader(svar.content.decode()) == []


def test_anonymous_is_sent_to_log_in(client):
    svar = client.get(URL)
    assert svar.status_code == 302 and "login" in svar["Location"]


def _lag(portefolje, antall, *, idag):
    """`antall` projects, each with a report, a deliverable, a phase gate, a dependency."""
    prosjekter = Prosjekt.objects.bulk_create(
        Prosjekt(
            nummer=f"S-{portefolje.pk}-{Prosjekt.objects.count() + i:05d}",
            tittel=f"Prosjekt {i}",
            portefolje=portefolje,
            tilstand="aktiv" if i % 4 else "ikke_startet",
            fase="gjennomfore",
            startdato=add_maneder(idag, -(i % 12)) if i % 4 else None,
            sluttdato=add_maneder(idag, 6 + i % 12) if i % 4 else None,
        )
        for i in range(antall)
    )
    na = timezone.now()
    Statusrapport.objects.bulk_create(
        Statusrapport(prosjekt=p, tilstand="publisert", publisert=na, farge="gul")
        for p in prosjekter
    )
    Leveranse.objects.bulk_create(
        Leveranse(prosjekt=p, tittel="Leveranse", sluttdato=p.sluttdato) for p in prosjekter
    )
    sjef = Medlemskap.objects.filter(portefolje=portefolje, rolle=Rolle.LEDER).first().bruker
    Styringsbeslutning.objects.bulk_create(
        Styringsbeslutning(
            prosjekt=p,
            type="endre_fase",
            begrunnelse="Klar",
            fra_tilstand="aktiv",
            til_tilstand="aktiv",
            fra_fase="planlegge",
            til_fase="gjennomfore",
            besluttet_av=sjef,
        )
        for p in prosjekter
    )
    Avhengighet.objects.bulk_create(
        Avhengighet(prosjekt=b, avhenger_av=a, trengs_dato=idag)
        for a, b in zip(prosjekter, prosjekter[1:], strict=False)
    )


def test_the_timeline_makes_as_many_queries_for_1000_projects_in_two_portfolios_as_for_10(
    portefolje, leder, klient_for, django_assert_num_queries
):
    idag = timezone.localdate()
    klient = klient_for(leder)
    _lag(portefolje, 10, idag=idag)
    klient.get(URL)  # warm caches (content types, sessions)
    # The first request after the data changed computes the order and the rows anew; the next
    # ones read them from the cache (portefolje.hurtigbuffer). Either way as many for 10 as for
    # 1000.
    hurtigbuffer.ny_versjon()
    with CaptureQueriesContext(connection) as beregnet:
        svar = klient.get(URL)
    with CaptureQueriesContext(connection) as liten:
        assert _rader(klient.get(URL).content.decode()) == _rader(svar.content.decode())
    assert svar.status_code == 200 and len(_rader(svar.content.decode())) == 10
    assert len(liten) < len(beregnet)
    # Half of the rest in a portfolio below: the start plans of two portfolios, not one.
    under = Portefolje.objects.create(navn="Under", slug="under", forelder=portefolje)
    Medlemskap.objects.create(portefolje=under, bruker=leder, rolle=Rolle.LEDER)
    _lag(portefolje, 495, idag=idag)
    _lag(under, 495, idag=idag)
    with django_assert_num_queries(len(beregnet)):
        svar = klient.get(URL)
    with django_assert_num_queries(len(liten)):
        svar = klient.get(URL)
    # A thousand bars are drawn fifty at a time; the count covers them all, «Next» shows more.
    innhold = svar.content.decode()
    forste = _rader(innhold)
    assert len(forste) == 50 and "1000 prosjekter" in innhold
    neste = re.search(r'<a class="page-link" href="([^"]+)">Neste</a>', innhold).group(1)
    # The next page's rows are built (one query each for the projects, their deliverables,
    # decisions and dependencies); the order is the one already computed.
    with django_assert_num_queries(len(liten) + 4):
        andre = _rader(klient.get(URL + html.unescape(neste)).content.decode())
    assert len(andre) == 50 and not set(forste) & set(andre)


def _neste_side(klient, innhold: str) -> str:
    """Follow the page's own «Next» link."""
    neste = re.search(r'<a class="page-link" href="([^"]+)">Neste</a>', innhold).group(1)
    return klient.get(URL + html.unescape(neste)).content.decode()


def _tall(innhold: str) -> str:
    """The counts above the picture, as one line of words."""
    avsnitt = innhold.split('<ul class="tidslinje-forklaring', 1)[0].rsplit("<p>", 1)[1]
    return " ".join(re.sub(r"<[^>]+>", "", avsnitt).split())


def test_the_order_and_the_counts_cover_every_page(portefolje, leder, klient_for):
    """67 projects in an order the numbers do not give: a programme's project first, then by
    start, and the waiting project by the start plan's proposal, which puts it on page 2. The
    counts on both pages cover all 67; the late dependency is between two projects on page 2."""
    from prosjekter.models import Kapasitet, Ressursbehov

    idag = timezone.localdate()
    Kapasitet.objects.create(
        portefolje=portefolje, fra_maned=idag.replace(day=1), personprosent=200
    )
    lag = ProsjektFactory
    # A programme's project starts last of all but comes first: its programme before «none».
    i_program = lag(portefolje=portefolje, nummer="R-999", startdato=add_maneder(idag, 36))
    program = Program.objects.create(navn="Heltid", portefolje=portefolje)
    Programprosjekt.objects.create(program=program, prosjekt=i_program)
    # Running since last year, numbered backwards from their start.
    tidlige = [
        lag(
            portefolje=portefolje,
            nummer=f"R-{200 - i:03d}",
            startdato=add_maneder(idag, -12) + datetime.timedelta(days=i),
            sluttdato=add_maneder(idag, 12),
        )
        for i in range(55)
    ]
    # Waiting, the lowest number: the plan proposes next month, between the two groups.
    venter = lag(portefolje=portefolje, nummer="R-000", tilstand="ikke_startet")
    Ressursbehov.objects.create(prosjekt=venter, maned_nr=1, personprosent=100)
    # Starting in half a year, low numbers: by number they would all be on page 1.
    sene = [
        lag(
            portefolje=portefolje,
            nummer=f"R-{i:03d}",
            startdato=add_maneder(idag, 6),
            sluttdato=add_maneder(idag, 18),
        )
        for i in range(1, 11)
    ]
    # The late dependency: sene[0] needs sene[1] at its start, sene[1] delivers a year later.
    Avhengighet.objects.create(prosjekt=sene[0], avhenger_av=sene[1])
    # A stopped project (not shown) waiting late for a shown one: not counted.
    stoppet = lag(
        portefolje=portefolje,
        nummer="R-500",
        tilstand="stoppet",
        startdato=add_maneder(idag, -24),
        sluttdato=add_maneder(idag, -20),
    )
    Avhengighet.objects.create(prosjekt=stoppet, avhenger_av=tidlige[0])
    forventet = [p.nummer for p in [i_program, *tidlige, venter, *sene]]

    klient = klient_for(leder)
    forste = klient.get(URL).content.decode()
    andre = _neste_side(klient, forste)
    assert _rader(forste) == forventet[:50]
    assert _rader(andre) == forventet[50:]
    assert _rader(andre).index(venter.nummer) == 6
    assert _svg_lenker(andre) == _rader(andre)
    tall = "67 prosjekter · 1 venter på oppstart · 1 forsinket avhengighet"
    assert _tall(forste).startswith(tall) and _tall(andre).startswith(tall)
    # Page 2's rows are full rows: the proposal, and the late dependency both ways.
    tabell = andre.split('id="tidslinjetabell"', 1)[1]
    assert "Foreslått oppstart" in tabell
    assert tabell.count('class="tidslinje-glipp"') == 2  # the one waiting and the one late
    assert "Forsinket avhengighet" not in forste.split('id="tidslinjetabell"', 1)[1]
    # The PDF and the programme's page take every row through the same path, in the same order.
    from prosjekter import selectors

    alle = selectors.tidslinjerader(
        Prosjekt.objects.filter(portefolje=portefolje).exclude(tilstand="stoppet")
    )
    assert [r.prosjekt.nummer for r in alle] == forventet
    assert next(r for r in alle if r.prosjekt == venter).startkilde == "foreslatt"


def test_a_milestone_outside_the_projects_period_is_refused(prosjekt, prosjektleder, klient_for):
    prosjekt.startdato = datetime.date(2026, 1, 1)
    prosjekt.sluttdato = datetime.date(2026, 12, 31)
    prosjekt.save()
    klient = klient_for(prosjektleder)
    url = reverse("prosjekter:leveranse-ny", args=[prosjekt.pk])
    skjema = klient.get(url).content.decode()
    nokkel = re.search(r'name="skjema_nokkel" value="([^"]+)"', skjema).group(1)
    svar = klient.post(
        url,
        {
            "tittel": "Pilot",
            "sluttdato": "2027-03-01",
            "status": "ihht_plan",
            "skjema_nokkel": nokkel,
        },
    )
    assert svar.status_code == 200
    assert "Datoen er etter at prosjektet slutter (31.12.2026)." in svar.content.decode()
    assert not Leveranse.objects.filter(prosjekt=prosjekt).exists()


def test_the_service_refuses_a_milestone_before_the_start(prosjekt, prosjektleder):
    from django.core.exceptions import ValidationError

    prosjekt.startdato = datetime.date(2026, 1, 1)
    prosjekt.save()
    with pytest.raises(ValidationError) as feil:
        services.leveranse_lagre(
            prosjekt=prosjekt,
            leveranse=None,
            data={"tittel": "For tidlig", "sluttdato": datetime.date(2025, 12, 1)},
            versjon=None,
            aktor=prosjektleder,
        )
    assert "sluttdato" in feil.value.error_dict
    assert not Leveranse.objects.exists()


def test_the_print_stylesheet_is_a3_landscape():
    from pathlib import Path

    from django.contrib.staticfiles import finders

    css = Path(finders.find("css/tidslinje.css")).read_text(encoding="utf-8")
    assert "@page { size: A3 landscape;" in css


def test_the_window_and_axis():
    idag = datetime.date(2026, 12, 1)
    fra, til = vindu(zoom="ar", idag=idag, datoer=[datetime.date(2025, 3, 1)])
    assert (fra, til) == (datetime.date(2025, 1, 1), datetime.date(2027, 1, 1))
    fra, til = vindu(zoom="kvartal", idag=idag, datoer=[])
    assert (fra, til) == (datetime.date(2026, 4, 1), datetime.date(2028, 4, 1))
    akse = Akse(datetime.date(2026, 1, 1), datetime.date(2027, 1, 1), "ar")
    assert akse.x(datetime.date(2026, 1, 1)) == akse.venstre
    assert akse.x(datetime.date(2026, 7, 1)) == akse.venstre + 6 * 14
    assert akse.x(datetime.date(2030, 1, 1)) == akse.venstre + akse.bredde  # clamped
