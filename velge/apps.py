from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VelgeConfig(AppConfig):
    name = "velge"
    verbose_name = _("Selection: criteria, meetings and decisions")

    def ready(self):
        from portefolje import flytting
        from velge import (
            paminnelser,  # noqa: F401  (registers Velge's kinds and rules)
            startside,  # noqa: F401  (registers Velge's start-page blocks)
        )

        # Every table Velge owns belongs in the full export (eksporter_alt).
        flytting.registrer(*self.get_models())
