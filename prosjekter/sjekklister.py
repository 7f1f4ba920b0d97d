"""The decision points of the state's project model (DFØ's Prosjektveiviseren), per phase.

When a steering decision moves a project into a phase, the chair confirms these points.
"""

from django.utils.translation import gettext_lazy as _

from prosjekter.models import Fase

SJEKKLISTE = {
    Fase.KONSEPT: [
        _("The need and the goal are described"),
        _("A project owner is appointed"),
    ],
    Fase.PLANLEGGE: [
        _("The project mandate is approved"),
        _("Project owner and project manager are appointed"),
        _("Goals and expected benefits are described"),
        _("Resources for planning are set aside"),
    ],
    Fase.GJENNOMFORE: [
        _("The project plan (steering document) is approved"),
        _("A benefits realisation plan is made"),
        _("Budget and funding are settled"),
        _("Risks are assessed and measures planned"),
        _("Resources are agreed with the line organisation"),
    ],
    Fase.AVSLUTTE: [
        _("The deliverables are approved by their recipients"),
        _("Handover to operations is agreed"),
        _("The benefits owner has taken over responsibility"),
    ],
    Fase.REALISERE: [
        _("The final report is approved"),
        _("Lessons learned are documented"),
        _("The benefits realisation plan is handed over to the line organisation"),
    ],
}


def sjekkliste_for(fase: str) -> list:
    return list(SJEKKLISTE.get(fase, []))
