"""Samle's blocks on the start page: «Mine innspill», and new inputs for the development team."""

from django.db.models import Count, Window
from django.urls import reverse
from django.utils.translation import gettext as _

from ideer.models import Innspill
from ideer.permissions import kan_triagere
from portefolje.startside import FOLGER, Blokk, Oppgave

ANTALL = 5


def blokker(user) -> list[Blokk]:
    """One query for «Mine innspill», one more (plus the cached role check) for the team."""
    if not user.is_authenticated:
        return []
    mine = (
        Innspill.objects.mine(user).only("pk", "tittel", "status").order_by("-opprettet")[:ANTALL]
    )
    resultat = [
        Blokk(
            tittel=_("My inputs"),
            rekkefolge=30,
            del_=FOLGER,
            oppgaver=[
                Oppgave(
                    tekst=f"{i.tittel} ({i.get_status_display().lower()})",
                    lenke=i.get_absolute_url(),
                )
                for i in mine
            ],
            mer_lenke=reverse("ideer:mine"),
            tom_tekst=_("You have not sent any ideas yet."),
        )
    ]
    if kan_triagere(user):
        # The window counts every input to triage before LIMIT keeps the newest: one query.
        nye = list(
            Innspill.objects.til_triagering()
            .only("pk", "tittel")
            .annotate(i_alt=Window(Count("pk")))
            .order_by("-opprettet")[:ANTALL]
        )
        resultat.append(
            Blokk(
                tittel=_("New inputs to triage"),
                rekkefolge=10,
                oppgaver=[Oppgave(tekst=i.tittel, lenke=i.get_absolute_url()) for i in nye],
                antall=nye[0].i_alt if nye else 0,
                mer_lenke=reverse("ideer:liste") + "?status=ny",
                tom_tekst=_("No new inputs. Well done!"),
            )
        )
    return resultat


def send_ide(user) -> Oppgave | None:
    """The start page's primary action: what everyone who works here can do."""
    if not user.is_authenticated:
        return None
    return Oppgave(tekst=_("Send an idea"), lenke=reverse("ideer:ny"))
