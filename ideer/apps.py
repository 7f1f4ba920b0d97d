from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IdeerConfig(AppConfig):
    name = "ideer"
    verbose_name = _("Collect: ideas and orders")

    def ready(self):
        from ideer import (
            overganger,  # noqa: F401  (declares the status moves)
            paminnelser,  # noqa: F401  (registers Samle's kinds and rule)
        )
        from ideer.startside import blokker, send_ide
        from portefolje import startside

        startside.registrer(blokker)
        startside.registrer_hovedhandling(send_ide)
        from ideer.kolonner import INNSPILLSLISTE
        from portefolje import flytting, tabellvisning

        # The ideas list is a list people shape and save views of.
        tabellvisning.liste_registrer(INNSPILLSLISTE)
        # Every table Samle owns belongs in the full export (eksporter_alt).
        flytting.registrer(*self.get_models())
        from django.db.models.signals import post_migrate

        from ideer.sokekostnad import etter_migrering

        # After every migrate: the planner is told what a full-text match costs (see the module).
        post_migrate.connect(etter_migrering, sender=self, dispatch_uid="ideer.sokekostnad")
