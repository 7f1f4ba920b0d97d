from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IdeerConfig(AppConfig):
    name = "ideer"
    verbose_name = _("Collect: ideas and orders")
