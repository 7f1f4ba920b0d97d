from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RapporterConfig(AppConfig):
    name = "rapporter"
    verbose_name = _("Reports and dashboards")

    def ready(self):
        from portefolje import flytting
        from rapporter import lenker  # noqa: F401  (registers the phases' links to the reports)

        # Every table Rapporter owns belongs in the full export (eksporter_alt).
        flytting.registrer(*self.get_models())
