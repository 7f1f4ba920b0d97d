from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KonseptnotatConfig(AppConfig):
    name = "konseptnotat"
    verbose_name = _("Justify: concept notes")
