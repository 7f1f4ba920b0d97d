from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProsjekterConfig(AppConfig):
    name = "prosjekter"
    verbose_name = _("Steer: projects")

    def ready(self):
        from portefolje import startside
        from prosjekter import (
            arkiv,
            overganger,  # noqa: F401  (declares the state and phase moves)
            selectors,
            services,
        )
        from prosjekter import startside as prosjekter_startside
        from prosjekter.paminnelser import (  # noqa: F401  (register Styre's kinds and rules)
            avhengigheter,
            regler,
        )
        from velge.hooks import registrer_lenker, registrer_ved_godkjenning

        # Velge calls this inside its decision's transaction when a note is approved.
        registrer_ved_godkjenning(services.prosjekt_opprett_fra_beslutning)
        # The meeting page and the decision's receipt link an approval to its project.
        registrer_lenker(selectors.prosjektlenker)
        startside.registrer(prosjekter_startside.blokker)
        # The decision closing a project is filed to the archive with its closing report.
        arkiv.registrer()
        from prosjekter import uten_leder

        # A chair whose decision approved a project without a manager is asked to name one.
        startside.registrer(uten_leder.blokker)
        from portefolje import flytting, tabellvisning
        from prosjekter.kolonner import PROSJEKTLISTE

        # The project overview is a list people shape and save views of.
        tabellvisning.liste_registrer(PROSJEKTLISTE)
        # Every table Styre owns belongs in the full export (eksporter_alt).
        flytting.registrer(*self.get_models())
