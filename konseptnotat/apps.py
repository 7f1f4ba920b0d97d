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
