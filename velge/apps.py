from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VelgeConfig(AppConfig):
    name = "velge"
    verbose_name = _("Selection: criteria, meetings and decisions")

    def ready(self):
        from django.urls import reverse

        from portefolje import flytting
        from portefolje.lenker import adresse_registrer
        from portefolje.models import Portefolje
        from velge import (
            arkiv,
            paminnelser,  # noqa: F401  (registers Velge's kinds and rules)
            startside,  # noqa: F401  (registers Velge's start-page blocks)
        )
        from velge.services import varsling  # noqa: F401  (registers the decision notices)

        # A portfolio's page is Velge's: criteria, what awaits decision, ranking, decisions.
        adresse_registrer(Portefolje, lambda p: reverse("velge:detalj", kwargs={"slug": p.slug}))
        # The approved minutes and each decision are filed to the archive (portefolje.arkiv).
        arkiv.registrer()
        # Every table Velge owns belongs in the full export (eksporter_alt).
        flytting.registrer(*self.get_models())
        self._hurtigbuffer()

    def _hurtigbuffer(self):
        """Every save or delete of a row the cached averages, ranking, sensitivity, what fits,
        the matrix, the meetings and the yearly cycle are built from makes them be computed
        anew (portefolje.hurtigbuffer). The services that write with bulk_create or update()
        call `endret()` themselves."""
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from ideer.models import Innspill
        from konseptnotat.models import Konseptnotat
        from portefolje import hurtigbuffer
        from velge.models import (
            Agendapunkt,
            Arshjul,
            Arshjulpunkt,
            Inhabilitet,
            Kriterium,
            Mote,
            Ramme,
            Vurdering,
        )

        kilder = (
            *(Vurdering, Kriterium, Mote, Agendapunkt, Inhabilitet, Konseptnotat, Innspill),
            # What fits in the frames, and the yearly cycle's next points.
            *(Ramme, Arshjul, Arshjulpunkt),
        )
        for modell in kilder:
            for signal in (post_save, post_delete):
                signal.connect(hurtigbuffer.endret, sender=modell, dispatch_uid=f"hb-{modell}")
        for mellom in (Konseptnotat.innspill.through, Konseptnotat.medforfattere.through):
            m2m_changed.connect(hurtigbuffer.endret, sender=mellom, dispatch_uid=f"hb-{mellom}")
