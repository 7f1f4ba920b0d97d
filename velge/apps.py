from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VelgeConfig(AppConfig):
    name = "velge"
    verbose_name = _("Selection: criteria, meetings and decisions")

    def ready(self):
        from velge import (
            paminnelser,  # noqa: F401  (registers Velge's kinds and rules)
            startside,  # noqa: F401  (registers Velge's start-page blocks)
        )
