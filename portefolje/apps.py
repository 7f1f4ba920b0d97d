from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortefoljeConfig(AppConfig):
    name = "portefolje"
    verbose_name = _("Portfolios and organisation")

    def ready(self):
        # Velge's start-page blocks register themselves on import.
        from portefolje.velge import startside  # noqa: F401
