"""Access rules for Velge's URLs, read by the permission walk.

Format: see portefolje/tests/tilgang.py.
"""

OFFENTLIGE: set[str] = set()

ALLE_ANSATTE = {
    "velge:oversikt",
    "velge:detalj",
    # Every employee may read meetings, packs and minutes (scores follow the scoring rule inside
    # the pages). Scoring, deciding, criteria and agendas are for the roles only.
    "velge:mote",
    "velge:mote-resultat",
    "velge:motepakke",
    "velge:protokoll",
    "velge:protokoll-docx",
    # The yearly cycle is read by everyone; only the chair and the secretary change it.
    "velge:arshjul-i-ar",
    "velge:arshjul",
}

ALLE_ANSATTE_POST: set[str] = set()


def _eksempel_portefolje(**_):
    return {"slug": "klg"}


def _eksempel_sak(**_):
    """KLG's upcoming demo meeting and a note on its agenda (velge/demo/moter.py)."""
    from velge.models import Agendapunkt

    punkt = (
        Agendapunkt.objects.filter(mote__portefolje__slug="klg")
        .order_by("-mote__dato", "rekkefolge")
        .first()
    )
    return {"slug": "klg", "pk": punkt.mote_id, "notat_pk": punkt.notat_id}


def _eksempel_mote(**_):
    sak = _eksempel_sak()
    return {"slug": sak["slug"], "pk": sak["pk"]}


def _eksempel_beslutning(**_):
    """A decision in KLG's portfolio: only KLG's chair marks its public access."""
    from velge.models import Beslutning

    beslutning = Beslutning.objects.filter(portefolje__slug="klg").order_by("pk").first()
    return {"slug": "klg", "pk": beslutning.pk}


def _eksempel_ar(**_):
    from django.utils import timezone

    return {"slug": "klg", "ar": timezone.localdate().year}


def _eksempel_arshjulpunkt(**_):
    """A named point in KLG's cycle (velge/demo/arshjul.py)."""
    from velge.models import Arshjulpunkt

    punkt = Arshjulpunkt.objects.filter(arshjul__portefolje__slug="klg").order_by("pk").first()
    return {"slug": "klg", "ar": punkt.arshjul.ar, "pk": punkt.pk}


def _eksempel_scenario(**_):
    from velge.models import Scenario

    return {"slug": "klg", "pk": Scenario.objects.filter(portefolje__slug="klg").first().pk}


EKSEMPEL_KWARGS = {
    "velge:beslutning-offentlighet": _eksempel_beslutning,
    "velge:arshjul-i-ar": _eksempel_portefolje,
    "velge:arshjul": _eksempel_ar,
    "velge:arshjul-punkt-ny": _eksempel_ar,
    "velge:arshjul-punkt-fjern": _eksempel_arshjulpunkt,
    "velge:detalj": _eksempel_portefolje,
    # Frames: the chair only; scenarios and the optimiser: the leader group (velge/permissions).
    "velge:rammer": _eksempel_portefolje,
    "velge:scenarioer": _eksempel_portefolje,
    "velge:sammenlign": _eksempel_portefolje,
    "velge:scenario": _eksempel_scenario,
    "velge:kriterier": _eksempel_portefolje,
    "velge:mote-ny": _eksempel_portefolje,
    "velge:mote": _eksempel_mote,
    "velge:mote-resultat": _eksempel_mote,
    "velge:agenda-legg-til": _eksempel_mote,
    "velge:vis-vurderinger": _eksempel_mote,
    "velge:motepakke": _eksempel_mote,
    "velge:protokoll": _eksempel_mote,
    "velge:protokoll-docx": _eksempel_mote,
    "velge:protokoll-godkjenn": _eksempel_mote,
    "velge:agenda-fjern": _eksempel_sak,
    "velge:vurder": _eksempel_sak,
    "velge:beslutt": _eksempel_sak,
    # Declaring oneself disqualified: who scores; the quorum and the deputy: the chair.
    "velge:inhabil": _eksempel_sak,
    "velge:beslutningsregel": _eksempel_portefolje,
}
