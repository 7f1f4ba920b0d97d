from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OffentligConfig(AppConfig):
    name = "offentlig"
    verbose_name = _("Public results")
