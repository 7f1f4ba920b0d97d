"""The read-only REST API at /api/v1/ for Power BI and other systems.

Personal tokens and service accounts; the same visibility rules as the pages.
"""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "api"
    verbose_name = _("API")

    def ready(self):
        from api.profil import nokkelseksjon
        from portefolje.profil import registrer

        registrer(nokkelseksjon)
