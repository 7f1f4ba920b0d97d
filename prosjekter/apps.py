from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProsjekterConfig(AppConfig):
    name = "prosjekter"
    verbose_name = _("Steer: projects")
