"""Views people shape on the project overview: columns chosen and ordered, grouping, saved views
(private, shared with a portfolio, a portfolio's default), who may read and change them, the
XLSX that follows the view, and a constant query count with every column.

The tests press the page's own buttons: the column form and the «save this view» form are read
from the rendered HTML and sent as a browser would send them."""

import html
import io
import re
from html.parser import HTMLParser

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from portefolje.models import Medlemskap, Rolle, Visning
from prosjekter.kolonner import GRUPPERINGER, KOLONNER
from prosjekter.tests.factories import ProsjektFactory, StatusrapportFactory

pytestmark = pytest.mark.django_db

OVERSIKT = reverse("prosjekter:liste")


class _Skjemaer(HTMLParser):
    """Every form on a page: its action, method and what it sends as it stands."""

    def __init__(self):
        super().__init__()
        self.skjemaer, self._valg = [], None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.skjemaer.append(
                {"action": a.get("action", ""), "method": a.get("method", "get"), "felt": []}
            )
        elif not self.skjemaer:
            return
        felt = self.skjemaer[-1]["felt"]
        if tag == "input" and a.get("name"):
            if a.get("type") in ("checkbox", "radio"):
                if "checked" in a:
                    felt.append((a["name"], a.get("value", "on")))
                return
            if a.get("type") not in ("submit", "button"):
                felt.append((a["name"], a.get("value") or ""))
        elif tag == "select":
            self._valg = a.get("name")
        elif tag == "option" and self._valg and "selected" in a:
            felt.append((self._valg, a.get("value", "")))

    def handle_endtag(self, tag):
        if tag == "select":
            self._valg = None


def _skjema(innhold: str, action: str = "", method: str = "get") -> dict:
    leser = _Skjemaer()
    leser.feed(innhold)
    return next(s for s in leser.skjemaer if s["method"] == method and s["action"] == action)


def _overskrifter(innhold: str) -> list[str]:
    hode = innhold[innhold.index("<thead>") : innhold.index("</thead>")]
    return [
        html.unescape(re.sub(r"<span.*?</span>|<[^>]+>", "", t)).strip()
        for t in re.findall(r'<th scope="col".*?</th>', hode, re.S)
    ]


def _lagre(klient, innhold: str, navn: str, **mer) -> object:
    """Press «Save the view» on a list page with `navn` (and sharing choices)."""
    skjema = _skjema(innhold, action=reverse("visning-ny"), method="post")
    data = dict(skjema["felt"])
    data.update({f"lagre-{n}": v for n, v in {"navn": navn, **mer}.items()})
    return klient.post(skjema["action"], data)


def _med_kolonner(klient, kolonner: list[str], **filtre) -> str:
    """Tick exactly `kolonner` in the page's column form and send it."""
    skjema = _skjema(klient.get(OVERSIKT).content.decode())
    felt = [(n, v) for n, v in skjema["felt"] if n != "kol"] + [("kol", k) for k in kolonner]
    felt = [(n, filtre.pop(n, v)) for n, v in felt] + list(filtre.items())
    svar = klient.get(OVERSIKT, {n: [v for m, v in felt if m == n] for n, _v in felt})
    assert svar.status_code == 200
    return svar.content.decode()


@pytest.fixture
def medlem2(lag_bruker, portefolje):
    bruker = lag_bruker("medlem2")
    Medlemskap.objects.create(portefolje=portefolje, bruker=bruker, rolle=Rolle.MEDLEM)
    return bruker


def test_chosen_columns_are_saved_as_a_view_and_reopened_by_its_address(
    portefolje, medlem, klient_for
):
    ProsjektFactory(portefolje=portefolje, tittel="Digital byggesak", budsjett=2_000_000)
    klient = klient_for(medlem)
    innhold = _med_kolonner(klient, ["tittel", "budsjett", "prosjektleder", "siste_fremdrift"])
    assert _overskrifter(innhold) == ["Prosjekt", "Budsjett (kr)", "Prosjektleder", "Fremdrift"]

    svar = _lagre(klient, innhold, "Mine tall")
    visning = Visning.objects.get(navn="Mine tall")
    assert svar.status_code == 302 and svar["Location"] == f"{OVERSIKT}?visning={visning.pk}"
    assert visning.portefolje is None and visning.eier == medlem

    apnet = klient.get(svar["Location"]).content.decode()
    assert _overskrifter(apnet) == ["Prosjekt", "Budsjett (kr)", "Prosjektleder", "Fremdrift"]
    assert (
        "2\xa0000\xa0000\xa0kr" in apnet
        and 'aria-current="page" class="fw-bold">Mine tall<' in apnet
    )


def test_move_buttons_reorder_the_columns_without_javascript(portefolje, medlem, klient_for):
    klient = klient_for(medlem)
    innhold = _med_kolonner(klient, ["nummer", "tittel", "budsjett"])
    skjema = _skjema(innhold)
    assert 'name="flytt" value="budsjett:opp"' in innhold
    data = {}
    for n, v in skjema["felt"]:
        data.setdefault(n, []).append(v)
    svar = klient.get(OVERSIKT, {**data, "flytt": "budsjett:opp"})
    assert svar.status_code == 302 and svar["Location"].endswith("#kolonnevalg")
    flyttet = klient.get(svar["Location"]).content.decode()
    assert _overskrifter(flyttet) == ["Nr.", "Budsjett (kr)", "Prosjekt"]


def test_a_private_view_is_its_owners_alone(
    portefolje, medlem, medlem2, ansatt, klient_for, client
):
    visning = Visning.objects.create(
        eier=medlem, liste="prosjekter", navn="Privat", sporring="kol=tittel&kol=budsjett"
    )
    adresse = f"{OVERSIKT}?visning={visning.pk}"
    for annen in (medlem2, ansatt):
        innhold = klient_for(annen).get(adresse).content.decode()
        assert "Den visningen er ikke delt med deg" in innhold
        assert ">Privat<" not in innhold and "Budsjett (kr)" not in _overskrifter(innhold)
        assert klient_for(annen).get(reverse("visning", args=[visning.pk])).status_code == 404
        svar = klient_for(annen).post(reverse("visning-slett", args=[visning.pk]))
        assert svar.status_code == 404
    assert Visning.objects.filter(pk=visning.pk).exists()
    client.logout()
    svar = client.get(adresse)
    assert svar.status_code == 302 and svar["Location"].startswith(reverse("login"))


def test_a_shared_view_is_read_by_the_portfolios_members_and_changed_only_by_its_owner(
    portefolje, medlem, medlem2, ansatt, klient_for
):
    klient = klient_for(medlem)
    innhold = _med_kolonner(klient, ["tittel", "siste_farge", "siste_risiko"])
    svar = _lagre(klient, innhold, "Ledergruppas risiko", portefolje=portefolje.pk)
    visning = Visning.objects.get(navn="Ledergruppas risiko")
    assert svar.status_code == 302 and visning.portefolje == portefolje

    side = klient_for(medlem2).get(OVERSIKT).content.decode()
    lenke = re.search(r'<a href="([^"]+)"[^>]*>Ledergruppas risiko</a>', side).group(1)
    apnet = klient_for(medlem2).get(OVERSIKT + html.unescape(lenke)).content.decode()
    assert _overskrifter(apnet) == ["Prosjekt", "Siste status", "Risiko"]
    assert reverse("visning", args=[visning.pk]) not in apnet  # no «Change» for a reader
    assert klient_for(medlem2).get(reverse("visning", args=[visning.pk])).status_code == 404

    utenfor = klient_for(ansatt).get(OVERSIKT + html.unescape(lenke)).content.decode()
    assert "Ledergruppas risiko" not in utenfor and "ikke delt med deg" in utenfor

    klient = klient_for(medlem)
    assert klient.post(reverse("visning-slett", args=[visning.pk])).status_code == 302
    assert not Visning.objects.filter(pk=visning.pk).exists()


def test_sharing_with_a_portfolio_one_is_not_in_is_refused_beside_the_field(
    portefolje, ansatt, klient_for
):
    klient = klient_for(ansatt)
    innhold = klient.get(OVERSIKT).content.decode()
    svar = _lagre(klient, innhold, "Sniking", portefolje=portefolje.pk)
    assert svar.status_code == 400
    innhold = svar.content.decode()
    assert "Du kan bare dele en visning med en portefølje du er medlem av." in innhold
    feltet = re.search(r'<select name="lagre-portefolje"[^>]*>', innhold).group(0)
    assert 'aria-invalid="true"' in feltet and "id_lagre-portefolje_error" in feltet
    assert not Visning.objects.filter(navn="Sniking").exists()


def test_only_the_leader_sets_the_default_and_members_land_on_it(
    portefolje, leder, medlem, klient_for
):
    klient = klient_for(medlem)
    innhold = _med_kolonner(klient, ["tittel", "budsjett"])
    svar = _lagre(klient, innhold, "Medlemmets", portefolje=portefolje.pk, standard="on")
    assert svar.status_code == 400 and "Bare lederen" in svar.content.decode()

    klient = klient_for(leder)
    innhold = _med_kolonner(klient, ["tittel", "siste_okonomi", "siste_gevinstoppnaelse"])
    assert _lagre(klient, innhold, "Ledergruppas", portefolje=portefolje.pk, standard="on")
    innhold = _med_kolonner(klient, ["tittel", "fase"])
    assert _lagre(klient, innhold, "Nyere", portefolje=portefolje.pk, standard="on")
    assert list(Visning.objects.filter(standard=True).values_list("navn", flat=True)) == ["Nyere"]

    side = klient_for(medlem).get(OVERSIKT).content.decode()
    assert _overskrifter(side) == ["Prosjekt", "Fase"]
    assert "standard for Ledergruppe helse og omsorg" in side


def test_a_stale_form_is_refused_and_says_so(portefolje, medlem, klient_for):
    visning = Visning.objects.create(eier=medlem, liste="prosjekter", navn="Gammel")
    klient = klient_for(medlem)
    side = klient.get(reverse("visning", args=[visning.pk])).content.decode()
    data = dict(_skjema(side, method="post")["felt"])
    Visning.objects.filter(pk=visning.pk).update(versjon=2)
    svar = klient.post(reverse("visning", args=[visning.pk]), {**data, "navn": "Ny"})
    assert svar.status_code == 400 and "Noen andre lagret" in svar.content.decode()
    assert Visning.objects.get(pk=visning.pk).navn == "Gammel"


def test_the_xlsx_follows_the_view_columns_filter_and_sort(portefolje, medlem, klient_for):
    for tittel, fase, budsjett in (
        ("Billig", "gjennomfore", 100),
        ("Dyr", "gjennomfore", 900),
        ("Annen fase", "planlegge", 500),
    ):
        p = ProsjektFactory(portefolje=portefolje, tittel=tittel, fase=fase, budsjett=budsjett)
        StatusrapportFactory(prosjekt=p, fremdrift="forsinket", farge="rod")
    visning = Visning.objects.create(
        eier=medlem,
        liste="prosjekter",
        navn="Gjennomføring",
        sporring="kol=tittel&kol=budsjett&kol=siste_fremdrift&fase=gjennomfore&sorter=-budsjett",
    )
    klient = klient_for(medlem)
    side = klient.get(f"{OVERSIKT}?visning={visning.pk}").content.decode()
    lenke = html.unescape(re.search(r'<a href="([^"]*eksport=xlsx[^"]*)"', side).group(1))
    ark = load_workbook(io.BytesIO(klient.get(OVERSIKT + lenke).content)).active
    assert ark.title == "Gjennomføring"
    assert list(ark.values) == [
        ("Prosjekt", "Budsjett (kr)", "Fremdrift"),
        ("Dyr", 900, "Forsinket"),
        ("Billig", 100, "Forsinket"),
    ]


def test_grouping_by_phase_heads_each_group_in_the_project_models_order(
    portefolje, medlem, klient_for
):
    ProsjektFactory(portefolje=portefolje, tittel="Sent", fase="realisere")
    ProsjektFactory(portefolje=portefolje, tittel="Tidlig", fase="konsept")
    innhold = _med_kolonner(klient_for(medlem), ["tittel"], grupper="fase")
    grupper = re.findall(r'<th scope="rowgroup"[^>]*><span>([^<]+)</span>', innhold)
    assert grupper == ["Fase: Konsept", "Fase: Realisere"]
    assert innhold.index("Tidlig") < innhold.index("Sent")


def test_every_column_grouped_makes_a_constant_number_of_queries(
    portefolje, medlem, prosjektleder, klient_for, django_assert_num_queries
):
    alle = f"{OVERSIKT}?grupper=portefolje&" + "&".join(f"kol={k.nokkel}" for k in KOLONNER)
    klient = klient_for(medlem)

    def lag(antall):
        for _i in range(antall):
            p = ProsjektFactory(portefolje=portefolje, prosjektleder=prosjektleder, budsjett=10)
            StatusrapportFactory(prosjekt=p, prognose=12, farge="gul")

    lag(3)
    klient.get(alle)  # warm caches (content types, sessions)
    with CaptureQueriesContext(connection) as liten:
        svar = klient.get(alle)
    assert len(_overskrifter(svar.content.decode())) == len(KOLONNER)
    lag(12)
    with django_assert_num_queries(len(liten)):
        assert len(klient.get(alle).context["rader"]) == 15


@pytest.mark.parametrize(
    ("kolonne", "gruppering"),
    [(k.nokkel, g.nokkel) for k, g in zip(KOLONNER, GRUPPERINGER * len(KOLONNER), strict=False)],
)
def test_each_column_alone_reads_only_from_the_lists_one_query(
    kolonne, gruppering, portefolje, medlem, prosjektleder, klient_for
):
    """The list fetches only what the chosen columns read: a column that reads anything else
    would cost a query per row."""
    for _i in range(4):
        p = ProsjektFactory(portefolje=portefolje, prosjektleder=prosjektleder, budsjett=10)
        StatusrapportFactory(prosjekt=p, prognose=12, farge="gul")
    klient = klient_for(medlem)
    klient.get(f"{OVERSIKT}?kol=nummer")  # warm caches (content types, sessions)
    with CaptureQueriesContext(connection) as standard:
        klient.get(f"{OVERSIKT}?kol=nummer")
    with CaptureQueriesContext(connection) as valgt:
        svar = klient.get(f"{OVERSIKT}?kol={kolonne}&grupper={gruppering}")
    assert len(svar.context["rader"]) == 4
    assert len(valgt) == len(standard)


def test_a_box_unticked_in_the_form_is_not_taken_back_from_the_view(
    portefolje, prosjektleder, klient_for
):
    ProsjektFactory(portefolje=portefolje, tittel="Min", prosjektleder=prosjektleder)
    ProsjektFactory(portefolje=portefolje, tittel="Andres")
    klient = klient_for(prosjektleder)
    side = klient.get(f"{OVERSIKT}?visning=mine").content.decode()
    assert ">Min<" in side and ">Andres<" not in side
    felt = [(n, v) for n, v in _skjema(side)["felt"] if n != "mine"]
    alle = klient.get(OVERSIKT, {n: [v for m, v in felt if m == n] for n, _v in felt})
    assert ">Min<" in alle.content.decode() and ">Andres<" in alle.content.decode()
