from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KonseptnotatConfig(AppConfig):
    name = "konseptnotat"
    verbose_name = _("Justify: concept notes")

    def ready(self):
        from konseptnotat import (
            overganger,  # noqa: F401  (declares the status moves)
            varsler,  # noqa: F401  (registers Begrunne's kinds)
        )
        from konseptnotat import startside as blokker
        from portefolje import startside

        startside.registrer(blokker.blokker)
        from portefolje import flytting

        # Every table Begrunne owns belongs in the full export (eksporter_alt).
        flytting.registrer(*self.get_models())
