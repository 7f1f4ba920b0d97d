from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IdeerConfig(AppConfig):
    name = "ideer"
    verbose_name = _("Collect: ideas and orders")

    def ready(self):
        from ideer import overganger  # noqa: F401  (declares the status moves)
        from ideer.startside import blokker
        from portefolje import startside

        startside.registrer(blokker)
