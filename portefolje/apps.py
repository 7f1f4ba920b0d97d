from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortefoljeConfig(AppConfig):
    name = "portefolje"
    verbose_name = _("Portfolios and organisation")

    def ready(self):
        from django.contrib.auth import signals
        from django.db.models.signals import post_migrate

        from portefolje import (
            checks,  # noqa: F401  (the deploy check for shared state)
            flytting,
            hurtigbuffer,
            paminnelser,  # noqa: F401  (registers the weekly digest)
            revisjon,
            sprak,
            startside,
        )
        from portefolje.arkiv import overganger  # noqa: F401  (the archive item's moves)

        startside.registrer(startside.mine_portefoljer_blokk)

        # The core's own tables in the full export; the people and groups come from the
        # mechanism itself. Left out: one-time form keys (Skjemanokkel) and the link to Entra ID
        # (made again by e-mail at the first sign-in in the new installation).
        flytting.registrer(
            *(
                self.get_model(navn)
                for navn in (
                    "Seksjon",
                    "Portefolje",
                    "Medlemskap",
                    "Profil",
                    "Hendelse",
                    "Varsel",
                    "VarselInnstilling",
                    "PaminnelsesInnstilling",
                    "Arkivforsendelse",
                    "Visning",
                )
            )
        )

        # Logins happen in Django's own views, so the audit trail hears of them by signal.
        signals.user_logged_in.connect(revisjon.logg_innlogging, dispatch_uid="revisjon-inn")
        # The profile's written language follows the person into the session at login.
        signals.user_logged_in.connect(sprak.profilsprak_i_okten, dispatch_uid="sprak-inn")
        signals.user_logged_out.connect(revisjon.logg_utlogging, dispatch_uid="revisjon-ut")
        signals.user_login_failed.connect(
            revisjon.logg_mislykket_innlogging, dispatch_uid="revisjon-feilet"
        )
        # Every deploy runs migrate: results cached by the code before it (their classes may
        # have changed) are never read by the new code.
        post_migrate.connect(hurtigbuffer.etter_migrering, dispatch_uid="hurtigbuffer-migrate")
