"""Offentlig: what the public may read at /resultater/.

Decisions, projects and their benefits, with nothing internal.
"""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OffentligConfig(AppConfig):
    name = "offentlig"
    verbose_name = _("Public results")

    def ready(self):
        from ideer import hooks
        from offentlig.selectors import resultater_for_innspill

        # The receipt (ideer) links on to the public decision and project an input became.
        hooks.registrer_resultater(resultater_for_innspill)
