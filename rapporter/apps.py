from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RapporterConfig(AppConfig):
    name = "rapporter"
    verbose_name = _("Reports and dashboards")

    def ready(self):
        from rapporter import lenker  # noqa: F401  (registers the phases' links to the reports)
