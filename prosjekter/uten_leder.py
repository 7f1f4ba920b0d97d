"""The start-page task «Name a project manager»: to the chair of the portfolio whose decision
approved a project without one, until a manager is set (where the project is edited)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from portefolje.models import Medlemskap, Rolle
from portefolje.startside import Blokk, Oppgave
from prosjekter.models import Prosjekt, Tilstand

MAKS = 8


def blokker(user) -> list[Blokk]:
    """One query: active projects without a manager in the portfolios `user` chairs."""
    if not user.is_authenticated:
        return []
    ledet = Medlemskap.objects.filter(bruker=user, rolle=Rolle.LEDER).values("portefolje_id")
    uten = list(
        Prosjekt.objects.filter(
            portefolje_id__in=ledet, prosjektleder__isnull=True, beslutning__isnull=False
        )
        .exclude(tilstand=Tilstand.AVSLUTTET)
        .only("pk", "nummer", "tittel")
        .order_by("nummer")[:MAKS]
    )
    if not uten:
        return []
    return [
        Blokk(
            tittel=_("Projects without a manager"),
            rekkefolge=15,
            oppgaver=[
                Oppgave(
                    tekst=_("Name a project manager for %(prosjekt)s")
                    % {"prosjekt": f"{p.nummer} {p.tittel}"},
                    lenke=reverse("prosjekter:rediger", kwargs={"pk": p.pk}),
                )
                for p in uten
            ],
        )
    ]
