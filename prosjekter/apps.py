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
        self._hurtigbuffer()

    def _hurtigbuffer(self):
        """Every save or delete of a row the cached timeline is built from (its order, rows and
        late dependencies: prosjekter.tidslinjeside) makes it be computed anew."""
        from django.db.models.signals import post_delete, post_save

        from portefolje import hurtigbuffer
        from portefolje.models import Portefolje
        from prosjekter import models

        kilder = (
            models.Prosjekt,
            models.Program,
            models.Programprosjekt,
            models.Leveranse,
            models.Styringsbeslutning,
            models.Avhengighet,
            models.Statusrapport,
            models.Ressursallokering,
            models.Ressursbehov,
            models.Kapasitet,
            models.Startvedtak,
            Portefolje,
        )
        for modell in kilder:
            for signal in (post_save, post_delete):
                signal.connect(hurtigbuffer.endret, sender=modell, dispatch_uid=f"hb-{modell}")
