"""A programme's page: its projects rolled up (status, money, benefits, risks, resources).

The rules, stated on the page as well:
- overall status: the worst of the latest published status of the projects that are not closed
  or stopped (`portefolje.farger.verste`: red before yellow before green); «Not set» when none
  of them has published a report;
- budget, cost to date and forecast: the sums over all the programme's projects (budget from the
  project, cost and forecast from each project's latest published report), with how many
  projects the sum covers;
- benefits: every indicator of the projects, with the average realisation of those measured.
"""

from datetime import timedelta
from decimal import Decimal

from django.db.models import Count
from django.utils import timezone

from portefolje.farger import Farge, verste
from prosjekter.models import Program, Prosjekt, Tilstand
from prosjekter.selectors.gevinster import gevinstindikatorer, indikator_status
from prosjekter.selectors.ressurser import ressurstidslinje
from prosjekter.selectors.risiko import risikomatrise_for
from prosjekter.selectors.status import med_siste_status

TELLER_IKKE = (Tilstand.AVSLUTTET, Tilstand.STOPPET)


def samlet_status(prosjekter) -> str:
    """The programme's colour: the worst latest colour of its projects still running."""
    return verste(p.siste_farge for p in prosjekter if p.tilstand not in TELLER_IKKE)


def summer(verdier) -> tuple[Decimal | None, int]:
    """(sum of the values that are set, how many were set); None when none is."""
    satte = [v for v in verdier if v is not None]
    return (sum(satte, Decimal(0)) if satte else None), len(satte)


def programmer_med_antall(programmer):
    return programmer.annotate(antall=Count("tilknytninger")).select_related("portefolje", "eier")


def program_opprulling(program: Program) -> dict:
    """Everything the programme's page shows, in a fixed number of queries."""
    prosjekter = Prosjekt.objects.filter(programtilknytning__program=program)
    rader = list(
        med_siste_status(prosjekter.select_related("portefolje", "prosjektleder")).order_by(
            "nummer"
        )
    )
    for p in rader:
        p.siste_farge = p.siste_farge or Farge.GRA
        p.siste_farge_tekst = str(Farge(p.siste_farge).label)
    budsjett, n_budsjett = summer(p.budsjett for p in rader)
    kostnad, n_kostnad = summer(p.siste_kostnad_hittil for p in rader)
    prognose, n_prognose = summer(p.siste_prognose for p in rader)
    indikatorer = list(gevinstindikatorer(prosjekter))
    for indikator in indikatorer:
        indikator.status = indikator_status(indikator)
    grader = [i.status["realisering"] for i in indikatorer if i.status["realisering"] is not None]
    idag = timezone.localdate()
    farge = samlet_status(rader)
    return {
        "prosjekter": rader,
        "farge": farge,
        "farge_tekst": str(Farge(farge).label),
        "budsjett": budsjett,
        "n_budsjett": n_budsjett,
        "kostnad": kostnad,
        "n_kostnad": n_kostnad,
        "prognose": prognose,
        "n_prognose": n_prognose,
        "avvik": prognose - budsjett if budsjett is not None and prognose is not None else None,
        "indikatorer": indikatorer,
        "snitt_realisering": sum(grader) / len(grader) if grader else None,
        "matrise": risikomatrise_for(prosjekter),
        "ressurser": ressurstidslinje(prosjekter, fra=idag - timedelta(days=idag.weekday())),
    }
