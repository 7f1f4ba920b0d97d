"""Access rules for Styre's URLs, read by the permission walk (see portefolje/tests/tilgang.py).

The overview pages are open to every employee (each shows only what the reader may read), and
so are a project's page, its published reports and its programme (PROSJEKTER_LESES_AV's default,
«alle_ansatte»; the demo project is not exempt from public access). Changing anything about a
project needs a role in it or its portfolio, and steering needs the chair.
"""

# Each element's URL prefix, model and lookup from it to its project.
ELEMENTER = {
    "leveranse": ("Leveranse", "prosjekt"),
    "gevinst": ("Gevinst", "prosjekt"),
    "indikator": ("Indikator", "gevinst__prosjekt"),
    "maling": ("Maling", "indikator__gevinst__prosjekt"),
    "ressurs": ("Ressursallokering", "prosjekt"),
    "risiko": ("Usikkerhet", "prosjekt"),
}

OFFENTLIGE: set[str] = set()

ALLE_ANSATTE = {
    "prosjekter:liste",
    "prosjekter:gevinstoversikt",
    "prosjekter:risikooversikt",
    "prosjekter:ressursoversikt",
    "prosjekter:mine-ressurser",
    # Each shows only what the reader may read (the timeline: their projects; the list: the
    # programmes they may read).
    "prosjekter:tidslinje",
    "prosjekter:programmer",
    # Every employee reads the portfolio's projects, their published reports and programmes.
    "prosjekter:detalj",
    "prosjekter:rapport",
    "prosjekter:rapport-pdf",
    "prosjekter:program",
}

# Each person's own line duties and absence: the view works on the logged-in user's rows only.
# Anyone who may open the timeline orders its PDF; the file is drawn with what they may see and
# is theirs alone (another person's file answers 404: `_tidslinjefil`).
ALLE_ANSATTE_POST = {"prosjekter:mine-ressurser", "prosjekter:tidslinje-pdf"}

DEMO_PROSJEKT = "P-2025-001"  # Velferdsteknologi i hjemmetjenesten, Helse og omsorg


def _prosjekt(**_):
    from prosjekter.models import Prosjekt

    return {"pk": Prosjekt.objects.get(nummer=DEMO_PROSJEKT).pk}


def _rapport(**_):
    from prosjekter.models import Prosjekt

    prosjekt = Prosjekt.objects.get(nummer=DEMO_PROSJEKT)
    rapport = prosjekt.statusrapporter.filter(tilstand="publisert").first()
    return {"pk": prosjekt.pk, "rapport_pk": rapport.pk}


def _startplan(**_):
    return {"slug": "helse-og-omsorg"}


def _startvedtak(**_):
    from prosjekter.models import Prosjekt

    return {"slug": "helse-og-omsorg", "pk": Prosjekt.objects.get(nummer="P-2026-101").pk}


def _element(art):
    def kwargs(**_):
        from prosjekter import models

        prosjekt = models.Prosjekt.objects.get(nummer=DEMO_PROSJEKT)
        navn, oppslag = ELEMENTER[art]
        modell = getattr(models, navn)
        filter_ = {oppslag: prosjekt}
        return {"pk": prosjekt.pk, "element_pk": modell.objects.filter(**filter_).first().pk}

    return kwargs


def _eget_fravaer(**_):
    from prosjekter.models import Ressursallokering

    return {"pk": Ressursallokering.objects.filter(type="fravaer").first().pk}


def _program(**_):
    from prosjekter.models import Program

    return {"pk": Program.objects.get(navn="Heltid og velferdsteknologi").pk}


def _program_prosjekt(**_):
    from prosjekter.models import Program

    program = Program.objects.get(navn="Heltid og velferdsteknologi")
    return {"pk": program.pk, "prosjekt_pk": program.tilknytninger.first().prosjekt_id}


def _avhengighet(**_):
    from prosjekter.models import Avhengighet

    avhengighet = Avhengighet.objects.filter(arkivert=False).first()
    return {"pk": avhengighet.prosjekt_id, "element_pk": avhengighet.pk}


def _importbatch(**_):
    """An import waiting in preview (the demo data has none): made once, then reused."""
    from portefolje.models import Portefolje
    from prosjekter.models import Importbatch, Importfil
    from prosjekter.tests.importfiler import mspdi

    batch = Importbatch.objects.filter(tilstand="forhandsvist").first()
    if batch is None:
        batch = Importbatch.objects.create(kilde="msproject", portefolje=Portefolje.objects.klg())
        Importfil.objects.create(batch=batch, navn="prosjekt.xml", innhold=mspdi())
    return {"pk": batch.pk}


# Each person's own timeline PDF: only its orderer opens it (test_tidslinjefil.py).
EGNE_FILER = {
    "prosjekter:tidslinje-pdf",
    "prosjekter:tidslinje-fil",
    "prosjekter:tidslinje-fil-prov-igjen",
    "prosjekter:tidslinje-fil-last-ned",
}


def _tidslinjefil(**_):
    """A timeline PDF klg ordered: the walk's outsider may neither open nor retry it."""
    from django.contrib.auth import get_user_model

    from prosjekter.models import Tidslinjefil

    fil, _ny = Tidslinjefil.objects.get_or_create(
        bestilt_av=get_user_model().objects.get(username="klg"),
        utvalg="",
        dataversjon="tilgangsvandring",
    )
    return {"pk": fil.pk}


EKSEMPEL_KWARGS = {
    "prosjekter:tidslinje-fil": _tidslinjefil,
    "prosjekter:tidslinje-fil-prov-igjen": _tidslinjefil,
    "prosjekter:tidslinje-fil-last-ned": _tidslinjefil,
    "prosjekter:program": _program,
    "prosjekter:program-rediger": _program,
    "prosjekter:program-legg-til": _program,
    "prosjekter:program-fjern": _program_prosjekt,
    "prosjekter:avhengighet-ny": _prosjekt,
    "prosjekter:avhengighet-arkiver": _avhengighet,
    "prosjekter:min-ressurs-arkiver": _eget_fravaer,
    "prosjekter:detalj": _prosjekt,
    "prosjekter:rediger": _prosjekt,
    "prosjekter:offentlighet": _prosjekt,
    "prosjekter:styringsbeslutning": _prosjekt,
    "prosjekter:ressursbehov": _prosjekt,
    "prosjekter:rapport-ny": _prosjekt,
    "prosjekter:rapport": _rapport,
    "prosjekter:rapport-publiser": _rapport,
    "prosjekter:rapport-pdf": _rapport,
    "prosjekter:startplan": _startplan,
    "prosjekter:kapasitet": _startplan,
    "prosjekter:startvedtak": _startvedtak,
    "prosjekter:import-batch": _importbatch,
    "prosjekter:import-kobling": _importbatch,
    "prosjekter:import-utfor": _importbatch,
    "prosjekter:import-angre": _importbatch,
}
for _art in ELEMENTER:
    EKSEMPEL_KWARGS[f"prosjekter:{_art}-ny"] = _prosjekt
    EKSEMPEL_KWARGS[f"prosjekter:{_art}-rediger"] = _element(_art)
    if _art != "maling":
        EKSEMPEL_KWARGS[f"prosjekter:{_art}-arkiver"] = _element(_art)
