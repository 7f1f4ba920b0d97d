"""The API walk: every endpoint as every demo role, compared object by object with the rule the
pages use (the apps' permission predicates), like tests/test_tilgangsvandring.py does for URLs.

For each resource, `REGLER` says who may see an object, written with the same predicates as the
views (`prosjekter.permissions.kan_lese`, `konseptnotat.permissions.kan_se`, velge's scoring
rule, …); the API's list must be exactly those objects, and a detail of any other must be 404.
A resource the table does not know fails the walk: a new endpoint cannot go unchecked.
"""

import pytest
from django.contrib.auth import get_user_model
from django.urls import get_resolver
from rest_framework.test import APIClient

from api.synlighet import kontoens_portefoljer
from api.tests.hjelp import ROLLER, alt, klient_med_nokkel, lag_tjenestekonto
from api.views.ressurser import RESSURSER
from ideer.permissions import kan_se_innspill, kan_se_personopplysninger
from konseptnotat import permissions as notatregler
from konseptnotat.models import Status
from portefolje.permissions import kan_vurdere
from prosjekter import permissions as prosjektregler
from prosjekter.models import Rapporttilstand
from tests.urlkart import lag_demo_data
from velge import selectors
from velge.models import Agendapunkt, Beslutning, Mote


def _avslort(notat, portefolje) -> bool:
    return Agendapunkt.objects.filter(
        notat=notat, mote__portefolje=portefolje, mote__vurderinger_synlige=True
    ).exists()


def _vurdering_synlig(bruker, v) -> bool:
    """velge/views/vurdering.py: the scoring page, for chair and members, shows one's own
    scores, and the others' when `notatresultater(...).synlig`."""
    portefolje = v.kriterium.portefolje
    if not v.kriterium.aktiv or not kan_vurdere(bruker, portefolje):
        return False
    if not Agendapunkt.objects.filter(notat=v.notat, mote__portefolje=portefolje).exists():
        return False
    if v.medlem_id == bruker.pk:
        return True
    [resultat] = selectors.notatresultater(
        notater=[v.notat],
        kriterier=selectors.aktive_kriterier(portefolje),
        bruker=bruker,
        portefolje=portefolje,
        avslort_alle=_avslort(v.notat, portefolje),
    )
    return resultat.synlig


def _versjon_synlig(bruker, versjon) -> bool:
    """A frozen version: with its note, or in a meeting pack / the minutes (open to all)."""
    return versjon.frosset and (
        notatregler.kan_se(bruker, versjon.notat)
        or Agendapunkt.objects.filter(versjon=versjon).exists()
        or Beslutning.objects.filter(versjon=versjon).exists()
    )


def _rapport_synlig(bruker, rapport) -> bool:
    return prosjektregler.kan_lese(bruker, rapport.prosjekt) and (
        rapport.tilstand == Rapporttilstand.PUBLISERT
        or prosjektregler.kan_redigere(bruker, rapport.prosjekt)
    )


def _i_prosjekt(sti):
    def regel(bruker, obj):
        prosjekt = obj
        for del_ in sti.split("."):
            # The project page hides archived parts, and what hangs under them.
            if getattr(prosjekt, "arkivert", False):
                return False
            prosjekt = getattr(prosjekt, del_)
        # A person's line duties and absence (no project) are theirs: not in the API.
        return prosjekt is not None and prosjektregler.kan_lese(bruker, prosjekt)

    return regel


def _ikke_arkivert(obj):
    return not obj.arkivert


def _alltid(bruker, obj):
    return bruker.is_authenticated


# Resource → (who may see an object, as the pages decide; the object's portfolio, for a service
# account; what else a service account must not see).
REGLER = {
    "portefoljer": (_alltid, lambda o: o, None),
    "kriterier": (lambda b, o: o.aktiv, lambda o: o.portefolje, lambda o: o.aktiv),
    "innspill": (kan_se_innspill, lambda o: o.portefolje, None),
    "konseptnotater": (
        notatregler.kan_se,
        lambda o: o.portefolje,
        lambda o: o.status != Status.UTKAST,
    ),
    "konseptnotatversjoner": (
        _versjon_synlig,
        lambda o: o.notat.portefolje,
        lambda o: o.frosset and o.notat.status != Status.UTKAST,
    ),
    "moter": (_alltid, lambda o: o.portefolje, None),
    "vurderinger": (
        _vurdering_synlig,
        lambda o: o.kriterium.portefolje,
        lambda o: o.kriterium.aktiv and _avslort(o.notat, o.kriterium.portefolje),
    ),
    "beslutninger": (_alltid, lambda o: o.portefolje, None),
    "prosjekter": (prosjektregler.kan_lese, lambda o: o.portefolje, None),
    "programmer": (prosjektregler.kan_lese_program, lambda o: o.portefolje, None),
    "statusrapporter": (
        _rapport_synlig,
        lambda o: o.prosjekt.portefolje,
        lambda o: o.tilstand == Rapporttilstand.PUBLISERT,
    ),
    "leveranser": (_i_prosjekt("prosjekt"), lambda o: o.prosjekt.portefolje, _ikke_arkivert),
    "gevinster": (_i_prosjekt("prosjekt"), lambda o: o.prosjekt.portefolje, _ikke_arkivert),
    "indikatorer": (
        _i_prosjekt("gevinst.prosjekt"),
        lambda o: o.gevinst.prosjekt.portefolje,
        lambda o: not o.arkivert and not o.gevinst.arkivert,
    ),
    "malinger": (
        _i_prosjekt("indikator.gevinst.prosjekt"),
        lambda o: o.indikator.gevinst.prosjekt.portefolje,
        lambda o: not o.indikator.arkivert and not o.indikator.gevinst.arkivert,
    ),
    "allokeringer": (_i_prosjekt("prosjekt"), lambda o: o.prosjekt.portefolje, _ikke_arkivert),
    "usikkerheter": (_i_prosjekt("prosjekt"), lambda o: o.prosjekt.portefolje, _ikke_arkivert),
    "styringsbeslutninger": (_i_prosjekt("prosjekt"), lambda o: o.prosjekt.portefolje, None),
}

# The API's URL names that are not resources, each checked by its own tests.
ANDRE_NAVN = {"rot", "skjema", "dokumentasjon", "nokkel-ny", "nokkel-trekk-tilbake"}


def test_every_endpoint_is_in_the_walk():
    """A new resource (or any new URL under /api/v1/) fails here until the walk knows it."""
    navn = {n for n in get_resolver("api.urls").reverse_dict if isinstance(n, str)}
    ukjente = {
        n
        for n in navn
        if n not in ANDRE_NAVN and not any(n in (f"{r}-list", f"{r}-detail") for r in REGLER)
    }
    assert not ukjente, f"Endepunkter uten regel i API-vandringen: {sorted(ukjente)}"
    assert set(RESSURSER) == set(REGLER), "RESSURSER og vandringens REGLER må ha de samme"


def _modell(ressurs):
    return RESSURSER[ressurs].serializer_class.Meta.model


@pytest.fixture
def demo(db, settings):
    settings.API_STRUPING = None
    lag_demo_data()
    # One revealed meeting, so both sides of the scoring rule are walked.
    mote = Mote.objects.filter(portefolje__slug="helse-og-omsorg").order_by("dato").first()
    Mote.objects.filter(pk=mote.pk).update(vurderinger_synlige=True)
    brukere = {b.username: b for b in get_user_model().objects.all()}
    brukere["utenforstaende-api"] = get_user_model().objects.create_user("utenforstaende-api")
    return brukere


def _klienter(brukere):
    """(role, the user the rules are asked about, client) for every role; the persons sign in
    with a session, the prosjektleder with a key (both ways are walked)."""
    for rolle, brukernavn in ROLLER.items():
        bruker = brukere[brukernavn or "utenforstaende-api"]
        if rolle == "prosjektleder":
            yield rolle, bruker, klient_med_nokkel(bruker)
        else:
            klient = APIClient()
            klient.force_login(bruker)
            yield rolle, bruker, klient


def test_every_endpoint_as_every_role_shows_exactly_what_the_pages_show(demo):
    problemer = []
    sjekket = 0
    anonym = APIClient()
    for ressurs in RESSURSER:
        for sti in (f"/api/v1/{ressurs}/", f"/api/v1/{ressurs}/1/"):
            svar = anonym.get(sti)
            if svar.status_code != 401 or "detail" not in svar.json():
                problemer.append(f"anonym {sti}: {svar.status_code}")

    for rolle, bruker, klient in _klienter(demo):
        for ressurs, (regel, _portefolje, _konto) in REGLER.items():
            modell = _modell(ressurs)
            alle = list(modell.objects.order_by("pk"))
            forventet = {o.pk for o in alle if regel(bruker, o)}
            rader = alt(klient, f"/api/v1/{ressurs}/")
            fikk = [r["id"] for r in rader]
            sjekket += 1
            if len(fikk) != len(set(fikk)):
                problemer.append(f"{rolle} {ressurs}: samme rad to ganger")
            if set(fikk) != forventet:
                problemer.append(
                    f"{rolle} {ressurs}: for mye {sorted(set(fikk) - forventet)[:5]}, "
                    f"mangler {sorted(forventet - set(fikk))[:5]}"
                )
            skjulte = [o.pk for o in alle if o.pk not in forventet][:3]
            synlige = sorted(forventet)[:2]
            for pk in skjulte:
                svar = klient.get(f"/api/v1/{ressurs}/{pk}/")
                if svar.status_code != 404:
                    problemer.append(f"{rolle} {ressurs}/{pk}: skjult, men {svar.status_code}")
            for pk in synlige:
                svar = klient.get(f"/api/v1/{ressurs}/{pk}/")
                if svar.status_code != 200:
                    problemer.append(f"{rolle} {ressurs}/{pk}: synlig, men {svar.status_code}")
            if ressurs == "innspill":
                personlig = kan_se_personopplysninger(bruker)
                for rad in rader:
                    if not personlig and (rad["innsender_navn"] or rad["innsender_epost"]):
                        problemer.append(f"{rolle}: innspill {rad['id']} viser innsender")
    assert not problemer, "\n".join(problemer)
    assert sjekket == len(ROLLER) * len(REGLER)


def test_a_service_account_reads_only_its_portfolios_and_nothing_personal(demo):
    konto = lag_tjenestekonto()
    klient = klient_med_nokkel(konto.bruker)
    lesbare = kontoens_portefoljer(konto)
    problemer = []
    for ressurs, (_regel, portefolje_av, ellers) in REGLER.items():
        alle = list(_modell(ressurs).objects.order_by("pk"))
        forventet = set()
        for o in alle:
            try:
                portefolje = portefolje_av(o)
            except AttributeError:  # an allocation outside any project
                continue
            if portefolje is None or portefolje.pk not in lesbare:
                continue
            if ellers is None or ellers(o):
                forventet.add(o.pk)
        rader = alt(klient, f"/api/v1/{ressurs}/")
        fikk = {r["id"] for r in rader}
        if fikk != forventet:
            problemer.append(
                f"{ressurs}: for mye {sorted(fikk - forventet)[:5]}, "
                f"mangler {sorted(forventet - fikk)[:5]}"
            )
        if ressurs == "innspill" and any(
            r["innsender_navn"] or r["innsender_epost"] for r in rader
        ):
            problemer.append("innspill: tjenestekontoen ser innsenders navn eller e-post")
    # Something to see, and something it must not: the walk could fail.
    assert alt(klient, "/api/v1/prosjekter/")
    assert len(alt(klient, "/api/v1/portefoljer/")) < _modell("portefoljer").objects.count()
    assert not problemer, "\n".join(problemer)

    svar = klient.get("/api/v1/prosjekter/", {"portefolje": "klg"})
    assert svar.status_code == 403
    assert "klg" in svar.json()["detail"]
    svar = klient.get("/api/v1/prosjekter/", {"portefolje": KONTO_SLUG})
    assert svar.status_code == 200


KONTO_SLUG = "helse-og-omsorg"


def test_every_choice_text_is_the_text_the_pages_show(demo):
    """Each `<felt>_tekst` is the choice's text as the model gives it on the pages
    (`get_<felt>_display()`), in Norwegian, for every row of every resource the team reads."""
    klient = APIClient()
    klient.force_login(demo["utvikler"])
    sjekket, feil = 0, []
    for ressurs in RESSURSER:
        modell = _modell(ressurs)
        rader = alt(klient, f"/api/v1/{ressurs}/")
        objekter = modell.objects.in_bulk([r["id"] for r in rader])
        for rad in rader:
            for navn in (n for n in rad if n.endswith("_tekst")):
                felt = navn.removesuffix("_tekst")
                venter = getattr(objekter[rad["id"]], f"get_{felt}_display")()
                sjekket += 1
                if rad[navn] != (None if venter is None else str(venter)):
                    feil.append(f"{ressurs} {rad['id']} {navn}: {rad[navn]!r} ≠ {venter!r}")
    assert not feil, feil[:10]
    assert sjekket > 500
    # Spelled out once, so a text in English (or a raw value) cannot pass as the page's.
    rapport = next(r for r in alt(klient, "/api/v1/statusrapporter/") if r["fremdrift"])
    assert (
        rapport["fremdrift_tekst"]
        == {
            "foran_plan": "Foran plan",
            "pa_plan": "På plan",
            "mindre_forsinkelser": "Mindre forsinkelser",
            "forsinket": "Forsinket",
        }[rapport["fremdrift"]]
    )
