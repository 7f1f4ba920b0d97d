"""The project overview's columns, groupings and built-in views (`portefolje.tabellvisning`).

Every value is read from the overview's one query (`views/oversikt.py`: the project, its
portfolio, programme, manager and owner, and its latest published report's fields as
`siste_<field>`), so any choice of columns costs the same number of queries.
"""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portefolje import personer
from portefolje.farger import FARGE_RANG, Farge
from portefolje.tabellvisning import Gruppering, Innebygd, Kolonne, Liste, etikett
from prosjekter import selectors
from prosjekter.models import DIMENSJONER, Fase, Prosjekttype, Tilstand, farge_for

DIMENSJONSVALG = {verdi: label for _f, _l, valg in DIMENSJONER for verdi, label in valg.choices}


_FARGEORD = etikett("siste_farge", Farge)


def _dimensjon(felt: str, tittel) -> Kolonne:
    navn = f"siste_{felt}"
    return Kolonne(
        navn,
        tittel,
        etikett(navn, DIMENSJONSVALG),
        art="farge",
        farge=lambda p: farge_for(getattr(p, navn)),
        felt=(navn,),
    )


def _avvik(p):
    budsjett, prognose = p.budsjett, getattr(p, "siste_prognose", None)
    return prognose - budsjett if budsjett is not None and prognose is not None else None


def _samlet(p):
    return _FARGEORD(p) or str(Farge.GRA.label)


def _publisert(p):
    return timezone.localdate(p.siste_publisert) if p.siste_publisert else None


def _program(p):
    tilknytning = getattr(p, "programtilknytning", None)
    return tilknytning.program.navn if tilknytning else ""


KOLONNER = [
    Kolonne(
        "nummer",
        _("No."),
        lambda p: p.nummer,
        sortering="nummer",
        standard=True,
        bredde=12,
        felt=("nummer",),
    ),
    Kolonne(
        "tittel",
        _("Project"),
        lambda p: p.tittel,
        sortering="tittel",
        standard=True,
        bredde=40,
        radhode=True,
        # Only those who may open the project's page get a link to it (`lesbar`, same query).
        lenke=lambda p: p.get_absolute_url() if p.lesbar else None,
        felt=("tittel",),
    ),
    Kolonne(
        "portefolje",
        _("Portfolio"),
        lambda p: p.portefolje.navn,
        sortering="portefolje__navn",
        standard=True,
        bredde=28,
        felt=("portefolje__navn",),
    ),
    Kolonne(
        "program",
        _("Programme"),
        _program,
        sortering="programtilknytning__program__navn",
        felt=("programtilknytning__program__navn",),
    ),
    Kolonne("type", _("Type"), etikett("type", Prosjekttype), sortering="type", felt=("type",)),
    Kolonne(
        "fase", _("Phase"), etikett("fase", Fase), sortering="fase", standard=True, felt=("fase",)
    ),
    Kolonne(
        "tilstand",
        _("State"),
        etikett("tilstand", Tilstand),
        sortering="tilstand",
        standard=True,
        felt=("tilstand",),
    ),
    Kolonne(
        "prosjektleder",
        _("Project manager"),
        lambda p: personer.navn(p.prosjektleder),
        sortering="prosjektleder__last_name",
        standard=True,
        bredde=24,
        felt=("prosjektleder__last_name",),
    ),
    Kolonne(
        "prosjekteier",
        _("Project owner"),
        lambda p: personer.navn(p.prosjekteier),
        sortering="prosjekteier__last_name",
        bredde=24,
        felt=("prosjekteier__last_name",),
    ),
    Kolonne(
        "siste_farge",
        _("Latest status"),
        _samlet,
        art="farge",
        farge=lambda p: p.siste_farge or Farge.GRA,
        sortering="siste_farge",
        standard=True,
        felt=("siste_farge",),
    ),
    *[_dimensjon(felt, tittel) for felt, tittel, _c in DIMENSJONER],
    Kolonne(
        "siste_publisert",
        _("Reported"),
        _publisert,
        art="dato",
        sortering="siste_publisert",
        standard=True,
        felt=("siste_publisert",),
    ),
    Kolonne(
        "budsjett",
        _("Budget (NOK)"),
        lambda p: p.budsjett,
        art="belop",
        sortering="budsjett",
        felt=("budsjett",),
    ),
    Kolonne(
        "siste_kostnad_hittil",
        _("Cost to date (NOK)"),
        lambda p: p.siste_kostnad_hittil,
        art="belop",
        felt=("siste_kostnad_hittil",),
    ),
    Kolonne(
        "siste_prognose",
        _("Forecast (NOK)"),
        lambda p: p.siste_prognose,
        art="belop",
        felt=("siste_prognose",),
    ),
    Kolonne(
        "avvik",
        _("Forecast minus budget (NOK)"),
        _avvik,
        art="belop",
        felt=("budsjett", "siste_prognose"),
    ),
    Kolonne(
        "startdato",
        _("Start date"),
        lambda p: p.startdato,
        art="dato",
        sortering="startdato",
        felt=("startdato",),
    ),
    Kolonne(
        "sluttdato",
        _("End date"),
        lambda p: p.sluttdato,
        art="dato",
        sortering="sluttdato",
        felt=("sluttdato",),
    ),
    Kolonne(
        "frist",
        _("Next report due"),
        selectors.neste_rapportfrist,
        art="dato",
        felt=("tilstand", "siste_publisert", "startdato", "opprettet", "rapportfrekvens_mnd"),
    ),
]

GRUPPERINGER = [
    Gruppering("portefolje", _("Portfolio"), "portefolje__navn", lambda p: p.portefolje.navn),
    Gruppering("program", _("Programme"), "programtilknytning__program__navn", _program),
    Gruppering("fase", _("Phase"), "fase", etikett("fase", Fase), rekkefolge=tuple(Fase.values)),
    Gruppering(
        "tilstand",
        _("State"),
        "tilstand",
        etikett("tilstand", Tilstand),
        rekkefolge=tuple(Tilstand.values),
    ),
    Gruppering(
        "siste_farge",
        _("Latest status"),
        "siste_farge",
        _samlet,
        # Worst first: red, yellow, green, then those without a status.
        rekkefolge=tuple(sorted(FARGE_RANG, key=FARGE_RANG.__getitem__, reverse=True)),
    ),
    Gruppering(
        "prosjektleder",
        _("Project manager"),
        "prosjektleder__last_name",
        lambda p: personer.navn(p.prosjektleder),
    ),
]


def _kol(*nokler: str) -> str:
    return "&".join(f"kol={n}" for n in nokler)


DIMENSJONSKOLONNER = [f"siste_{felt}" for felt, _t, _c in DIMENSJONER]

INNEBYGDE = {
    "alle": Innebygd(
        _("All projects"),
        _kol(
            "nummer",
            "tittel",
            "portefolje",
            "program",
            "fase",
            "tilstand",
            "prosjektleder",
            "siste_farge",
        ),
    ),
    "status": Innebygd(
        _("Portfolio status"),
        _kol("nummer", "tittel", "siste_farge", *DIMENSJONSKOLONNER, "siste_publisert"),
    ),
    "okonomi": Innebygd(
        _("Finances"),
        _kol(
            "nummer",
            "tittel",
            "budsjett",
            "siste_kostnad_hittil",
            "siste_prognose",
            "avvik",
            "siste_okonomi",
        ),
    ),
    "mine": Innebygd(
        _("My projects"),
        _kol("nummer", "tittel", "fase", "tilstand", "siste_farge", "frist") + "&mine=on",
    ),
    "avsluttede": Innebygd(
        _("Closed"),
        _kol("nummer", "tittel", "portefolje", "sluttdato", "siste_farge")
        + f"&tilstand={Tilstand.AVSLUTTET}",
    ),
}

PROSJEKTLISTE = Liste(
    nokkel="prosjekter",
    tittel=_("Project overview"),
    kolonner=KOLONNER,
    adresse=lambda: reverse("prosjekter:liste"),
    grupperinger=GRUPPERINGER,
    innebygde=INNEBYGDE,
    forvalgt="alle",
)
