from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortefoljeConfig(AppConfig):
    name = "portefolje"
    verbose_name = _("Portfolios and organisation")
